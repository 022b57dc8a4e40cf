import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { crw, crwClosingStdout, fixtures } from "./run";

/** One output line; the shape is what the tests check, so it is typed loosely on purpose. */
type Line = {
  id: string;
  out: Record<string, unknown>;
  pop: Record<string, unknown>;
  errors: { message: string }[];
} & {
  result?: unknown;
  error?: string;
};
const parseLine = (text: string) => JSON.parse(text) as Line;
const good = join(fixtures, "good");
const bad = join(fixtures, "bad");
let tmp: string;
let packPath: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "crw-test-"));
  packPath = join(tmp, "program.pack.json");
  const built = await crw(
    "pack",
    "build",
    join(good, "program.manifest.json"),
    "-o",
    packPath,
    "--created-at",
    "2026-11-22T10:00:00Z",
  );
  expect(built.code, built.stderr).toBe(0);
});

describe("crw", () => {
  it("prints usage with --help and exits 2 on bad usage", async () => {
    const help = await crw("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: crw");
    for (const command of ["test", "validate", "eval", "pack", "jsonlogic"])
      expect(help.stdout).toContain(command);
    expect((await crw("frob")).code).toBe(2);
    expect((await crw("eval", join(good, "raw-rebate.rule.json"))).code).toBe(2);
  });

  it("test: runs every rule file in a directory and ends with the summary line", async () => {
    const run = await crw("test", good);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("5 passed, 0 failed");
  });

  it("test and validate: invalid JSON gets file:line:col and exit 2", async () => {
    const file = join(tmp, "broken.rule.json");
    await writeFile(file, '{\n  "id": "broken",\n  "kind": "incentive"\n  "version": "1.0.0"\n}\n');
    const test = await crw("test", file);
    expect(test.code).toBe(2);
    expect(test.stderr).toMatch(/broken\.rule\.json:4:3: invalid JSON/);
    const validate = await crw("validate", file);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toMatch(/broken\.rule\.json:4:3 error json\/syntax invalid JSON/);
  });

  it("validate: an unknown operator is an error at its place", async () => {
    const run = await crw("validate", join(bad, "unknown-op.rule.json"));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /unknown-op\.rule\.json:7:3 error logic\/unknown-operator Unknown operator "round"/,
    );
    const test = await crw("test", join(bad, "unknown-op.rule.json"));
    expect(test.code).toBe(1);
    expect(test.stdout).toContain("0 passed, 1 failed");
  });

  it("validate and pack build: lint warnings at their place; build still succeeds on warnings only", async () => {
    const dir = join(tmp, "lint");
    await mkdir(dir, { recursive: true });
    const text = [
      "{",
      '  "id": "gold-bonus",',
      '  "kind": "incentive",',
      '  "version": "1.0.0",',
      '  "title": { "en": "Gold bonus" },',
      '  "output": { "type": "number" },',
      '  "logic": {',
      '    "if": [',
      '      { "==": [{ "var": "profile.tier" }, "gold"] },',
      '      { "var": "sales.net_ytd" },',
      "      0",
      "    ]",
      "  }",
      "}",
    ].join("\n");
    const ruleFile = join(dir, "gold-bonus.rule.json");
    await writeFile(ruleFile, text + "\n");
    const plain = await crw("validate", ruleFile);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/gold-bonus\.rule\.json:9:7 warning lint\/loose-equality /);
    expect(plain.stdout).not.toContain("lint/unknown-field");
    // Against the dataset schema, profile.tier is unknown (the schema has profile.region only).
    const schema = join(good, "dataset.schema.json");
    const checked = await crw("validate", ruleFile, "--schema", schema);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/gold-bonus\.rule\.json:9:16 warning lint\/unknown-field .*profile\.tier/);
    expect(checked.stdout).not.toMatch(/unknown-field .*sales\.net_ytd/);
    expect(checked.stderr).toContain("0 error(s), 2 warning(s)");

    const manifest = join(dir, "lint.manifest.json");
    await writeFile(
      manifest,
      JSON.stringify({
        name: "lint-program",
        version: "1.0.0",
        title: { en: "Lint" },
        rules: ["gold-bonus.rule.json"],
      }),
    );
    const out = join(dir, "lint.pack.json");
    const built = await crw("pack", "build", manifest, "-o", out, "--schema", schema);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/gold-bonus\.rule\.json:9:7: warning: .*\[lint\/loose-equality\]/);
    expect(built.stderr).toMatch(/gold-bonus\.rule\.json:9:16: warning: .*\[lint\/unknown-field\]/);
    expect(JSON.parse(await readFile(out, "utf8")).name).toBe("lint-program");
  });

  it("pack build: refuses a cycle and names it", async () => {
    const out = join(tmp, "cycle.pack.json");
    const run = await crw("pack", "build", join(bad, "cycle.manifest.json"), "-o", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("pop.rank → rule cycle-b → rule cycle-a → pop.rank");
    expect(run.stderr).toMatch(/cycle\.manifest\.json:\d+:\d+: Dependency cycle/);
    await expect(readFile(out)).rejects.toThrow();
  });

  it("pack verify: accepts the built pack and fails a tampered one with an integrity mismatch", async () => {
    const ok = await crw("pack", "verify", packPath);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain("integrity ok");
    const text = await readFile(packPath, "utf8");
    const tampered = join(tmp, "tampered.pack.json");
    // One changed byte of content: the pack title.
    await writeFile(tampered, text.replace('"Fixture program"', '"Fixture programme"'));
    const run = await crw("pack", "verify", tampered);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tampered\.pack\.json:\d+:\d+: Integrity mismatch/);
  });

  it("eval: JSONL in, one line per record in input order with out and pop nested", async () => {
    const run = await crw("eval", packPath, "--data", join(good, "data.jsonl"), "--as-of", "2026-11-22");
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => parseLine(l));
    expect(lines.map((l) => l.id)).toEqual([
      "D-01",
      "D-02",
      "D-03",
      "D-04",
      "D-05",
      "D-06",
      "D-07",
      "D-08",
      "D-09",
      "D-10",
    ]);
    expect(lines.map((l) => l.pop.abc_class).join("")).toBe("AAABBBBCCC");
    // raw rebates sum to 400 at rate 0.01; budget 50 → factor 0.125; 25 × 0.125 = 3.125 → 3.13.
    expect(lines[3]).toEqual({
      id: "D-04",
      out: { "raw-rebate": 25, payable: 3.13 },
      pop: { abc_class: "B", budget: 0.125 },
      errors: [],
    });
    expect(run.stderr).toContain("10 records, 0 with errors");
  });

  describe("eval: guardrails (x-guardrails)", () => {
    const manifest = "rules/manifests/dealer-program-1.0.0.manifest.json";
    const data = "samples/distributors-300.json";

    it("reports each guardrail on stderr and counts them in the summary line; all pass on the sample", async () => {
      const run = await crw("eval", manifest, "--data", data);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(
        "crw eval: guardrail within-budget passed: Total of out.cash-rebate + out.terminal-support-budget is 54589127.8; it must be at most 100000000 (params.rebate_budget).",
      );
      expect(run.stderr).toContain(
        "crw eval: guardrail elimination-share passed: 8 of 300 records (2.7 %) match",
      );
      expect(run.stderr).toMatch(/300 records, 0 with errors; 42 steps; guardrails 5 passed, 0 failed; /);
    });

    it("a failed guardrail names its records and makes the exit status 1; stdout is unchanged", async () => {
      const strict = ["--param", "ability_threshold=75", "--param", "attitude_threshold=75"];
      const run = await crw("eval", manifest, "--data", data, ...strict);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /guardrail no-rebate-for-eliminated FAILED: 28 of 300 records match the condition; none may\. Records: D-0009, D-0012, .* and 18 more\./,
      );
      expect(run.stderr).toContain("guardrails 3 passed, 2 failed");
      expect(run.stdout.trim().split("\n")).toHaveLength(300);
    });

    it("a guardrail naming an output the pack does not have is refused before anything runs", async () => {
      const dir = await mkdtemp(join(tmpdir(), "crw-guardrails-"));
      const text = await readFile(manifest, "utf8");
      const m = JSON.parse(text.replaceAll('"../', `"${process.cwd()}/rules/`)) as Record<string, unknown>;
      m["x-guardrails"] = [{ id: "typo", kind: "total", of: "out.cash-rebates", max: 1 }];
      const path = join(dir, "typo.manifest.json");
      await writeFile(path, JSON.stringify(m, null, 2));
      const run = await crw("eval", path, "--data", data);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'Guardrail "typo": "out.cash-rebates" is not a numeric output of the pack',
      );
    });
  });

  describe("eval: the evaluation date without --as-of", () => {
    const dated = join(fixtures, "dated");
    const rule = join(dated, "run-date.rule.json");
    const dates = (stdout: string) =>
      stdout
        .trim()
        .split("\n")
        .map((l) => parseLine(l).out["run-date"]);

    it("is the first record's as_of, so the result does not depend on the day of the run", async () => {
      const run = await crw("eval", rule, "--data", join(dated, "dated.jsonl"));
      expect(run.code, run.stderr).toBe(0);
      expect(dates(run.stdout)).toEqual(["2024-12-31", "2024-12-31"]);
      expect(run.stderr).not.toContain("ctx.as_of");
      const june = await crw("eval", rule, "--data", join(dated, "dated.jsonl"), "--as-of", "2024-06-30");
      expect(dates(june.stdout)).toEqual(["2024-06-30", "2024-06-30"]);
    });

    it("says so when later records carry another as_of", async () => {
      const run = await crw("eval", rule, "--data", join(dated, "mixed.jsonl"));
      expect(dates(run.stdout)).toEqual(["2024-12-31", "2024-12-31", "2024-12-31"]);
      expect(run.stderr).toContain(
        "ctx.as_of 2024-12-31 comes from the first record, but 2 records carry another as_of",
      );
    });

    it("falls back to today with a note when the records carry no as_of", async () => {
      const run = await crw("eval", rule, "--data", join(dated, "undated.jsonl"));
      expect(run.code, run.stderr).toBe(0);
      const today = new Date().toISOString().slice(0, 10);
      expect(dates(run.stdout)).toEqual([today]);
      expect(run.stderr).toContain(`ctx.as_of is today (${today}) because the records carry no as_of`);
    });

    it("rejects a bad --as-of before reading any data", async () => {
      const run = await crw("eval", rule, "--data", join(dated, "missing.jsonl"), "--as-of", "2024-02-30");
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--as-of:");
    });
  });

  it("eval: --param overrides a parameter and unknown parameters are bad usage", async () => {
    const run = await crw(
      "eval",
      packPath,
      "--data",
      join(good, "data.jsonl"),
      "--param",
      "rate=0.02",
      "--as-of",
      "2026-01-01",
    );
    expect(JSON.parse(run.stdout.split("\n")[0]!).out["raw-rebate"]).toBe(360);
    const unknown = await crw("eval", packPath, "--data", join(good, "data.jsonl"), "--param", "nope=1");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown parameter "nope"');
  });

  it("eval: CSV with nested columns, quoted cells and inferred types", async () => {
    const run = await crw(
      "eval",
      join(good, "program.manifest.json"),
      "--data",
      join(good, "data.csv"),
      "--as-of",
      "2026-01-31",
    );
    expect(run.code).toBe(0);
    const first = JSON.parse(run.stdout.split("\n")[0]!);
    expect(first.out["raw-rebate"]).toBe(180);
  });

  it("eval: a short CSV row and a non-numeric number are per-row errors naming row and column", async () => {
    const run = await crw(
      "eval",
      join(good, "program.manifest.json"),
      "--data",
      join(bad, "short-row.csv"),
      "--schema",
      join(good, "dataset.schema.json"),
    );
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => parseLine(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]!.errors).toEqual([]);
    expect(lines[1]!.id).toBe("D-02");
    expect(lines[1]!.errors[0]!.message).toMatch(
      /short-row\.csv:3: row 2 has 2 cells but the header has 3; column 3 "profile\.region"/,
    );
    expect(lines[2]!.errors[0]!.message).toMatch(
      /short-row\.csv:4: row 3, column 2 "sales\.net_ytd": "lots" is not a number/,
    );
    expect(run.stderr).toContain("2 with errors");
  });

  it("eval: a rule reading a failed out is not evaluated and gets rule/upstream in errors", async () => {
    // U-02's net_ytd is not a number: raw-rebate is NaN (an error), and payable, which reads it,
    // would multiply null; it is not evaluated and names the failed read instead.
    const run = await crw(
      "eval",
      join(good, "program.manifest.json"),
      "--data",
      join(bad, "upstream.jsonl"),
      "--as-of",
      "2026-01-31",
    );
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => parseLine(l));
    expect(lines.map((l) => l.errors.length)).toEqual([0, 2, 0]);
    expect(lines[1]!.out).toEqual({ "raw-rebate": null, payable: null });
    expect(lines[1]!.errors).toEqual([
      expect.objectContaining({ rule: "raw-rebate", code: "output/not-finite" }),
      {
        rule: "payable",
        code: "rule/upstream",
        message: "Not evaluated: out.raw-rebate failed for this record.",
      },
    ]);
    expect(run.stderr).toContain("1 with errors (output/not-finite ×1, rule/upstream ×1)");
  });

  it("eval: a record with a reserved key is refused, naming the record and key", async () => {
    const data = join(tmp, "reserved.jsonl");
    await writeFile(data, '{"id":"D-01","sales":{"net_ytd":1}}\n{"id":"D-02","out":{"x":1}}\n');
    const run = await crw("eval", join(good, "raw-rebate.rule.json"), "--data", data, "--param", "rate=0.1");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('record 2 (id "D-02") has the top-level field "out"');
  });

  it("eval and jsonlogic: a reader that closes stdout early (| head) ends the run quietly with 0", async () => {
    const data = join(tmp, "many.jsonl");
    const record = (i: number) => JSON.stringify({ id: `D-${i}`, sales: { net_ytd: i * 10 } });
    // About 1.5 MB of output, far more than a pipe buffer, so writes continue after the close.
    await writeFile(data, Array.from({ length: 20_000 }, (_, i) => record(i)).join("\n") + "\n");
    const run = await crwClosingStdout("eval", packPath, "--data", data, "--as-of", "2026-11-22");
    expect(run.stdout).toMatch(/^\{"id":"D-0"/);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
    expect(run.code).toBe(0);
    const cases = join(tmp, "many-cases.jsonl");
    await writeFile(cases, '{"logic":{"cat":["x",{"var":"a"}]},"data":{"a":"y"}}\n'.repeat(50_000));
    const logic = await crwClosingStdout("jsonlogic", cases);
    expect(logic.stdout).toMatch(/^\{"result":"xy"\}/);
    expect(logic.stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
    expect(logic.code).toBe(0);
  });

  it("pack diff: lists changes, checks the bump and measures the impact", async () => {
    // The same version with a changed default, as a manifest next to copies of its rules.
    const manifest = JSON.parse(await readFile(join(good, "program.manifest.json"), "utf8"));
    manifest.params.rate.default = 0.02;
    const changed = join(tmp, "changed.manifest.json");
    await writeFile(changed, JSON.stringify(manifest));
    for (const rule of manifest.rules as string[]) await copyFile(join(good, rule), join(tmp, rule));
    const run = await crw(
      "pack",
      "diff",
      packPath,
      changed,
      "--data",
      join(good, "data.jsonl"),
      "--as-of",
      "2026-11-22",
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("params changed: rate");
    expect(run.stdout).toContain("version bump: none; changes need at least minor: does NOT fit");
    expect(run.stdout).toContain("out.raw-rebate: total 400.00 → 800.00, 10 changed");
    expect(run.stdout).toContain("pop.abc_class: A 3 → 3, B 4 → 4, C 3 → 3, 0 changed");
    expect(run.stdout).toMatch(
      /pop\.budget: min 0\.125 → 0\.0625, mean 0\.125 → 0\.0625, max 0\.125 → 0\.0625, 10 changed/,
    );
    expect(run.stderr).toContain("exists with different content");
    const same = await crw("pack", "diff", packPath, packPath);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("content identical");
  });

  it("jsonlogic: both engines, with values JSON cannot carry", async () => {
    const cases = join(tmp, "cases.jsonl");
    await writeFile(
      cases,
      [
        '{"logic":{"+":[{"var":"a"},1]},"data":{"a":2}}',
        '{"logic":{"/":[1,0]},"data":null}',
        '{"logic":{"+":[null,1]},"data":null}',
        '{"logic":{"var":"x"},"data":{"x":{"$js":"-Infinity"}}}',
        '{"logic":{"toString":[]},"data":null}',
      ].join("\n") + "\n",
    );
    for (const engine of ["reference", "compiled"]) {
      const run = await crw("jsonlogic", cases, "--engine", engine);
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trim()
        .split("\n")
        .map((l) => parseLine(l));
      expect(lines.slice(0, 4)).toEqual([
        { result: 3 },
        { result: { $js: "Infinity" } },
        { result: { $js: "NaN" } },
        { result: { $js: "-Infinity" } },
      ]);
      expect(lines[4]!.error).toMatch(/toString/);
    }
  });
});
