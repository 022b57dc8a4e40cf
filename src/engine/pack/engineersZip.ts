import { strToU8, zipSync } from "fflate";
import { isLogic, operatorOf, readPaths } from "../jsonlogic";
import { lintRule } from "./lint";
import type { Pack, PopulationOp } from "./model";
import { packFileText } from "./packText";
import { resolveParams } from "./context";
import { resolveRunDate } from "./runDate";
import { resultLine } from "./resultLine";
import { runPack } from "./pipeline";
import { verifyPack } from "./verify";

/** Records of the reference dataset whose expected results the hand-over carries. */
export const SAMPLE_RECORDS = 25;

/** What another engine must implement for each population operator (pack-format.md §5). */
const populationDefinitions: Record<string, string> = {
  rank: "1-based competition rank of the measure in its partition (ties share the lowest rank: 1, 2, 2, 4); `order` desc (default) or asc.",
  percentile:
    "share of the partition whose measure is at or before this record's in `order` (asc by default), like SQL CUME_DIST (0 < p ≤ 1).",
  cumulative_share:
    "sort the partition by measure descending, ties by record `id` ascending; running sum including this record ÷ partition total; null if the total ≤ 0.",
  cumulative_share_class:
    "with `before` = running sum excluding this record ÷ total (same order as cumulative_share), the label at index = number of `breaks` b with before ≥ b (the record that crosses a break keeps the earlier label).",
  group_stat:
    "the `stat` (sum, mean, min, max, count) of the measure over the partition, the same for all its records.",
  normalize_to_max: "measure ÷ partition maximum × 100 (null if the maximum ≤ 0).",
  budget_factor:
    "min(1, budget ÷ partition sum of the measure); 1 if the sum ≤ 0. `budget` is a number or a path.",
};

function operatorsIn(logic: unknown, into: Set<string>): void {
  if (Array.isArray(logic)) {
    for (const item of logic) operatorsIn(item, into);
    return;
  }
  if (!isLogic(logic)) return;
  const op = operatorOf(logic);
  into.add(op);
  operatorsIn(logic[op], into);
}

const base = (pack: Pack) => `${pack.name}-${pack.version}`;
const cell = (value: string | number | undefined) =>
  String(value ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ");
const title = (text: { en: string; "zh-CN"?: string } | undefined) =>
  text ? (text["zh-CN"] ? `${text.en} · ${text["zh-CN"]}` : text.en) : "";

/** What the README says of the last run: where its summary comes from. */
export interface LastRunSummary {
  createdAt: string;
  dataset: string;
  records: number;
  asOf: string;
  [field: string]: unknown;
}

/**
 * The workbench's last simulation of the pack, when there is one: its summary (run metadata,
 * headline, guardrails) and its results as the CSV `Simulation: Export Results as CSV` writes.
 */
export interface LastRun {
  summary: LastRunSummary;
  resultsCsv: string;
}

/** The README for engineers: what the pack computes and how to run it with `crw` and the runtime. */
export function engineersReadme(
  pack: Pack,
  warnings: string[],
  sample: { dataset: string; records: number; asOf: string } | undefined,
  lastRun?: LastRunSummary,
): string {
  const file = `${base(pack)}.pack.json`;
  const inputs = new Map<string, Set<string>>();
  const operators = new Set<string>();
  for (const rule of pack.rules) {
    operatorsIn(rule.logic, operators);
    for (const read of readPaths(rule.logic)) {
      if (read.dynamic || read.path === "") continue;
      const root = read.path.split(".")[0]!;
      if (["params", "ctx", "pop", "out"].includes(root)) continue;
      let users = inputs.get(read.path);
      if (!users) inputs.set(read.path, (users = new Set()));
      users.add(rule.id);
    }
  }
  const lines: string[] = [
    `# ${pack.name} ${pack.version}: hand-over for engineers`,
    "",
    `${title(pack.title)}${pack.description ? `\n\n${title(pack.description)}` : ""}`,
    "",
    `- Pack file: \`${file}\` (format \`${pack.format}\` ${pack.formatVersion}, built ${pack.createdAt})`,
    `- Integrity: \`${pack.integrity}\`: SHA-256 over the RFC 8785 canonical JSON of the pack without its \`integrity\` member.`,
    `- Reference semantics: ${pack.engine.name} ${pack.engine.version}. Evaluation order: ${pack.order.join(" → ")}.`,
    "",
    "## Run it",
    "",
    "```sh",
    `npx crw pack verify ${file}                     # schema, integrity and every embedded test`,
    `npx crw eval ${file} --data records.jsonl --as-of YYYY-MM-DD > results.jsonl`,
    "npx crw jsonlogic cases.jsonl --engine reference   # check another engine's operators",
    "```",
    "",
    "With the embeddable runtime (`channel-rules-runtime`, `npm run build:runtime` in the workbench repository):",
    "",
    "```js",
    'import { readFile } from "node:fs/promises";',
    'import { loadPack } from "channel-rules-runtime";',
    `const pack = await loadPack(await readFile("${file}", "utf8"), { verify: true });`,
    'const results = await pack.evaluate(records, { asOf: "2024-12-31" });',
    "```",
    "",
    "Each record is evaluated against one object: its own fields plus `params` (defaults below, overridable per run), `ctx` (`as_of`, `eval_month`), `pop` (population results) and `out` (earlier rules' results, by id). Rule results are checked after evaluation: numbers must be finite and are rounded half away from zero at `decimals` on the decimal value read to 15 significant digits; integers must be whole; a failed check makes that record's output null and is reported.",
    "",
    "## Outputs",
    "",
    "| rule | kind | type | unit | decimals | title |",
    "| --- | --- | --- | --- | --- | --- |",
    ...pack.rules.map(
      (r) =>
        `| \`out.${r.id}\` | ${r.kind} | ${r.output.type}${r.output.enum ? ` (${r.output.enum.join(", ")})` : ""} | ${cell(r.output.unit)} | ${cell(r.output.decimals)} | ${cell(title(r.title))} |`,
    ),
    "",
    "## Inputs (record fields read)",
    "",
    "| field | read by |",
    "| --- | --- |",
    ...[...inputs.entries()].sort().map(([path, users]) => `| \`${path}\` | ${[...users].join(", ")} |`),
    "",
    "## Parameters",
    "",
    "| name | type | default | min | max | unit | title |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...Object.entries(pack.params).map(
      ([name, p]) =>
        `| \`${name}\` | ${p.type} | ${cell(JSON.stringify(p.default))} | ${cell(p.min)} | ${cell(p.max)} | ${cell(p.unit)} | ${cell(title(p.title))} |`,
    ),
    "",
    "## Population operators",
    "",
    "Computed by the runtime over all records (after everything they depend on), never custom JsonLogic. Every operator may take `partitionBy`; records whose measure is not a finite number get null and take no part. Sums run in the records' input order.",
    "",
    ...pack.population.map(
      (op: PopulationOp) =>
        `- \`${op.id}\` → \`${op.out}\`: \`${op.op}\` of \`${op.measure}\`${op.partitionBy ? ` by \`${op.partitionBy}\`` : ""}: ${populationDefinitions[op.op] ?? ""} Definition: \`${JSON.stringify(op)}\``,
    ),
    "",
    "## JsonLogic operators used",
    "",
    [...operators]
      .sort()
      .map((o) => `\`${o}\``)
      .join(", "),
    "",
    "## Test vectors",
    "",
    '`tests.jsonl`: one `{"rule","data","expect"}` per embedded test (or `"expectError": true`), with `tolerance` where the test sets one; `data` is the whole context the rule sees. `cases.jsonl` holds the same as `{"logic","data"}` for `crw jsonlogic`.',
    "",
    "## Portability warnings",
    "",
    ...(warnings.length === 0 ? ["None."] : warnings.map((w) => `- ${w}`)),
    "",
  ];
  if (sample) {
    lines.push(
      "## Expected results",
      "",
      `\`sample-records.json\` holds the first ${sample.records} records of the reference dataset ${sample.dataset}; \`sample-expected.jsonl\` is what \`crw eval ${base(pack)}.pack.json --data sample-records.json --as-of ${sample.asOf}\` writes for them (population operators over these records alone). Compare your engine's output line by line.`,
      "",
    );
  }
  if (lastRun) {
    lines.push(
      "## Last simulation",
      "",
      `\`last-run/summary.json\` is the workbench's last run of this version (${lastRun.createdAt}, dataset ${lastRun.dataset}, ${lastRun.records} records, \`as_of\` ${lastRun.asOf}): its parameters, headline totals and guardrails. \`last-run/results.csv\` is every record's outputs from that run (UTF-8 with BOM). The dataset itself is not included; \`datasetHash\` in the summary identifies it.`,
      "",
    );
  }
  lines.push(
    "## Checksums",
    "",
    "`SHA256SUMS` lists the SHA-256 of every other file (`sha256sum -c SHA256SUMS`).",
    "",
  );
  return lines.join("\n");
}

/** The pack compiled to run (closures: the workbench's CSP allows no generated code). */
async function preparedOf(pack: Pack) {
  const file = `${base(pack)}.pack.json`;
  const verified = await verifyPack({ file, text: packFileText(pack) }, { runTests: false, codegen: false });
  if (!verified.prepared)
    throw new Error(
      `${pack.name} ${pack.version} cannot run: ${verified.problems.map((p) => p.message.en).join("; ")}`,
    );
  return verified.prepared;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  // A copy on its own ArrayBuffer: what Web Crypto takes in both the DOM and the engine typings.
  const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The engineers' hand-over of a pack, `<name>-<version>.zip`: the pack, a README for engineers, the
 * test vectors as JSONL, the portability warnings, expected results on a sample of the reference
 * dataset (when there is one) and SHA-256 checksums of every file. One implementation for the
 * workbench's `Pack: Export for Engineers` and `crw pack export --engineers`. `mtime` dates every
 * entry (zip timestamps are the only bytes that differ between two exports of one pack).
 */
export async function engineersZip(
  pack: Pack,
  reference?: { name: string; records: readonly unknown[] },
  options: { mtime?: Date; lastRun?: LastRun } = {},
): Promise<{ name: string; bytes: Uint8Array }> {
  const folder = base(pack);
  const warnings = pack.rules.flatMap((rule) =>
    lintRule(rule, { file: `${rule.id}.rule.json`, text: JSON.stringify(rule, null, 2) }, "", {
      params: pack.params,
      population: pack.population,
      rules: pack.rules,
    })
      .filter((p) => p.severity !== "error")
      .map((p) => `${rule.id} (${p.code}${p.pointer ? ` at ${p.pointer}` : ""}): ${p.message.en}`),
  );
  const tests = pack.rules.flatMap((rule) =>
    rule.tests.map((test) => ({
      rule: rule.id,
      name: test.name,
      data: test.data,
      ...(test.expectError === true ? { expectError: true } : { expect: test.expect }),
      ...(test.tolerance === undefined ? {} : { tolerance: test.tolerance }),
    })),
  );
  const logicOf = new Map(pack.rules.map((r) => [r.id, r.logic]));
  const files: Record<string, string> = {
    [`${folder}.pack.json`]: packFileText(pack),
    "tests.jsonl": tests.map((t) => JSON.stringify(t)).join("\n") + "\n",
    "cases.jsonl":
      tests.map((t) => JSON.stringify({ logic: logicOf.get(t.rule), data: t.data })).join("\n") + "\n",
    "PORTABILITY.md": `# Portability warnings\n\n${warnings.length === 0 ? "None." : warnings.map((w) => `- ${w}`).join("\n")}\n`,
  };
  let sample: { dataset: string; records: number; asOf: string } | undefined;
  if (reference && reference.records.length > 0) {
    // The sample alone is the run's input, so `crw eval` of sample-records.json reproduces every
    // line, population values included.
    const records = reference.records.slice(0, SAMPLE_RECORDS);
    const params = resolveParams(pack.params, {});
    if (!params.ok) throw new Error(params.error.map((e) => e.en).join("; "));
    const date = await resolveRunDate(undefined, records);
    const lines: string[] = [];
    for await (const chunk of runPack(await preparedOf(pack), records, {
      params: params.value,
      ctx: date.ctx,
    }))
      for (const result of chunk) lines.push(resultLine(result));
    files["sample-records.json"] = JSON.stringify(records, null, 2) + "\n";
    files["sample-expected.jsonl"] = lines.join("\n") + "\n";
    sample = { dataset: reference.name, records: records.length, asOf: date.ctx.as_of };
  }
  const { lastRun } = options;
  if (lastRun) {
    files["last-run/summary.json"] = JSON.stringify(lastRun.summary, null, 2) + "\n";
    files["last-run/results.csv"] = lastRun.resultsCsv;
  }
  files["README.md"] = engineersReadme(pack, warnings, sample, lastRun?.summary);
  const entries: Record<string, Uint8Array> = {};
  const sums: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const bytes = strToU8(text);
    entries[`${folder}/${name}`] = bytes;
    sums.push(`${await sha256(bytes)}  ${name}`);
  }
  entries[`${folder}/SHA256SUMS`] = strToU8(sums.join("\n") + "\n");
  return {
    name: `${folder}.zip`,
    bytes: zipSync(entries, { level: 6, ...(options.mtime ? { mtime: options.mtime } : {}) }),
  };
}
