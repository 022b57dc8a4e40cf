/**
 * `npm run bench -- cli`: `crw eval` as engineers run it, a child process over JSONL, on a pack of 10
 * rules and 6 population operators (tests/bench/cli/pack.ts: partitions, a rank, a percentile, a group
 * mean, a budget factor, ABC classes, a normalisation). Two sections:
 *
 * - against the straightforward json-logic-js pipeline (tests/bench/cli/naive.js) on the same pack
 *   and records, run in turn (A B A B …) so the ratio holds when the shared machine's speed drifts;
 *   both outputs are compared first (every `pop` value and every rule value without `decimals`);
 * - 1,000,000 records: records per second and peak RSS against the targets of issue 14.
 *
 * Pack and data are generated into a temp dir from a seeded PRNG and deleted afterwards.
 * CRW_BENCH_RECORDS (default 1,000,000) and CRW_BENCH_NAIVE_RECORDS (default 100,000) shorten a try-out.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rules, writeData, writePack } from "./cli/pack";
import { median, runMeasured, type BenchSection } from "./harness";

const RECORDS = Number(process.env.CRW_BENCH_RECORDS ?? 1_000_000);
const NAIVE_RECORDS = Number(process.env.CRW_BENCH_NAIVE_RECORDS ?? 100_000);
const RUNS = 3;
const AS_OF = "2026-11-22";
const naive = fileURLToPath(new URL("./cli/naive.js", import.meta.url));

interface Stats {
  records: number;
  maxRssBytes: number;
}

async function crwEval(manifest: string, data: string): Promise<{ ms: number } & Stats> {
  const args = ["src/cli/crw.js", "eval", manifest, "--data", data, "--as-of", AS_OF, "--stats"];
  // Exit 1 only means some records had errors; anything else is a broken run.
  const { ms, stats } = await runMeasured<Stats>(args, "crw-stats", [0, 1]);
  return { ms, ...stats };
}

async function naiveEval(manifest: string, data: string): Promise<{ ms: number } & Stats> {
  const { ms, stats } = await runMeasured<Stats>([naive, manifest, data, AS_OF], "naive-stats");
  return { ms, ...stats };
}

/** Both pipelines computed the same thing: every pop value, and rule values not rounded differently. */
function checkSameWork(manifest: string, data: string): void {
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: "utf8" });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args[0]} failed: ${result.stderr}`);
    return result.stdout.trimEnd().split("\n");
  };
  const crw = run(["src/cli/crw.js", "eval", manifest, "--data", data, "--as-of", AS_OF]);
  const other = run([naive, manifest, data, AS_OF]);
  if (crw.length !== other.length)
    throw new Error(`crw eval wrote ${crw.length} lines, naive ${other.length}`);
  const exact = rules.filter((r) => !("decimals" in r.output)).map((r) => r.id);
  crw.forEach((line, i) => {
    type Line = { id: unknown; out: Record<string, unknown>; pop: Record<string, unknown> };
    const a = JSON.parse(line) as Line;
    const b = JSON.parse(other[i]!) as Line;
    const same =
      a.id === b.id &&
      Object.keys(a.pop).every((k) => a.pop[k] === b.pop[k]) &&
      exact.every((k) => a.out[k] === b.out[k]);
    if (!same)
      throw new Error(`crw eval and the naive pipeline disagree on line ${i + 1}:\n${line}\n${other[i]}`);
  });
}

const ratio = (x: number) => `${x.toFixed(2)}×`;

export default async function cliBench(): Promise<BenchSection[]> {
  const dir = await mkdtemp(join(tmpdir(), "crw-bench-"));
  try {
    const manifest = await writePack(dir);
    const small = join(dir, "naive.jsonl");
    await writeData(small, NAIVE_RECORDS);
    checkSameWork(manifest, small);
    const pairs: { crw: number; naive: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await crwEval(manifest, small);
      const b = await naiveEval(manifest, small);
      pairs.push({ crw: a.ms, naive: b.ms });
    }
    const crwMs = median(pairs.map((p) => p.crw));
    const naiveMs = median(pairs.map((p) => p.naive));
    const speedup = median(pairs.map((p) => p.naive / p.crw));

    const data = join(dir, "records.jsonl");
    await writeData(data, RECORDS);
    const size = (await stat(data)).size;
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await crwEval(manifest, data));
    const rate = median(runs.map((r) => r.records / (r.ms / 1000)));
    const rss = median(runs.map((r) => r.maxRssBytes / 2 ** 20));
    const count = (n: number) => n.toLocaleString("en-US");
    return [
      {
        title: `crw eval vs a naive json-logic-js pipeline: ${rules.length} rules + 6 population operators, ${count(NAIVE_RECORDS)} JSONL records (target ≥ 10×)`,
        rows: [
          { name: "crw eval", "wall s": crwMs / 1000, "× naive": ratio(speedup) },
          { name: "naive json-logic-js pipeline", "wall s": naiveMs / 1000, "× naive": ratio(1) },
        ],
        notes: [
          `Medians of ${RUNS} pairs run in turn; "× naive" is the median of the per-pair ratios naive ÷ crw.`,
          "Same work checked first: equal line counts, ids, every pop value and every rule value without decimals (the naive pipeline rounds its own way).",
          "Naive: readline + JSON.parse, all records held as objects, jsonLogic.apply per rule and record in dependency order, population operators with sorts, JSON.stringify per line (tests/bench/cli/naive.js).",
        ],
      },
      {
        title: `crw eval: ${rules.length} rules + 6 population operators over ${count(RECORDS)} JSONL records (${Math.round(size / 2 ** 20)} MiB)`,
        rows: [
          {
            name: "records/s (target ≥ 80,000)",
            value: Math.round(rate),
            "× target": ratio(rate / 80_000),
          },
          {
            name: "peak RSS MiB (target ≤ 600)",
            value: Math.round(rss),
            "× target": ratio(rss / 600),
          },
          { name: "wall s", value: median(runs.map((r) => r.ms / 1000)), "× target": "" },
        ],
        notes: [
          `Median of ${RUNS} runs. Wall time includes Node start-up (the prebuilt dist/cli/crw.mjs, rebuilt before the sections run), reading and parsing the JSONL and writing every output line (stdout discarded).`,
          "Peak RSS is the CLI's own process.resourceUsage().maxRSS (hidden --stats flag); with the read worker it covers both threads (one process).",
          "On the shared 2-core machine absolute figures move with the load; the ratios in the first section are measured pair by pair.",
        ],
      },
    ];
  } finally {
    if (!process.env.CRW_BENCH_KEEP) await rm(dir, { recursive: true, force: true });
  }
}
