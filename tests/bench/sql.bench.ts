/**
 * `npm run bench -- sql`: the dealer-program 1.1.0 pack over generated records (CSV, the generator of
 * `npm run samples`), as `crw eval` and as `crw sql`'s statement in embedded DuckDB, each in its own
 * child process writing every result (JSON lines for crw eval, a CSV for DuckDB). Medians of 3 runs.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, runMeasured, type BenchSection } from "./harness";

const RECORDS = Number(process.env.CRW_BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.CRW_BENCH_RUNS ?? 3);
const MANIFEST = "rules/manifests/dealer-program-1.1.0.manifest.json";
const SCHEMA = "samples/distributor.schema.json";

/** The child that runs the statement: DuckDB writes every result row to a CSV file. */
const DUCK_RUNNER = `
import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
const [sqlFile, outFile] = process.argv.slice(1);
const started = performance.now();
const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
const sql = readFileSync(sqlFile, "utf8").replace(/;\\s*$/, "");
await connection.run("COPY (" + sql + ") TO '" + outFile + "' (HEADER)");
const rows = (await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM read_csv('" + outFile + "')")).getRowObjectsJS()[0].n;
process.stderr.write("duck-stats " + JSON.stringify({ records: rows, seconds: (performance.now() - started) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + "\\n");
`;

interface Stats {
  records: number;
  maxRssBytes: number;
}

export default async function sqlBench(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), "crw-bench-sql-"));
  try {
    const data = join(dir, "records.csv");
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/devtools/samples.ts",
        "--count",
        String(RECORDS),
        "--seed",
        "7",
        "--out",
        data,
      ],
      { stdio: "ignore" },
    );
    const sqlFile = join(dir, "pack.sql");
    const table = `read_csv('${data}', header = true, all_varchar = true)`;
    const sql = execFileSync(
      process.execPath,
      [
        "dist/cli/crw.mjs",
        "sql",
        MANIFEST,
        "--dialect",
        "duckdb",
        "--schema",
        SCHEMA,
        "--as-of",
        "2024-12-31",
        "--table",
        table,
      ],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    await import("node:fs/promises").then((fs) => fs.writeFile(sqlFile, sql));
    const evalRuns: { ms: number; stats: Stats }[] = [];
    const duckRuns: { ms: number; stats: Stats }[] = [];
    for (let i = 0; i < RUNS; i++) {
      evalRuns.push(
        await runMeasured<Stats>(
          [
            "dist/cli/crw.mjs",
            "eval",
            MANIFEST,
            "--data",
            data,
            "--schema",
            SCHEMA,
            "--as-of",
            "2024-12-31",
            "--stats",
          ],
          "crw-stats",
          [0, 1],
        ),
      );
      duckRuns.push(
        await runMeasured<Stats>(
          ["--input-type=module", "-e", DUCK_RUNNER, sqlFile, join(dir, "out.csv")],
          "duck-stats",
        ),
      );
    }
    for (const run of [...evalRuns, ...duckRuns]) {
      if (run.stats.records !== RECORDS)
        throw new Error(`a run produced ${run.stats.records} rows, not ${RECORDS}`);
    }
    const row = (name: string, runs: { ms: number; stats: Stats }[]) => ({
      name,
      "wall s": Math.round(median(runs.map((r) => r.ms)) / 100) / 10,
      "records/s": Math.round(median(runs.map((r) => RECORDS / (r.ms / 1000)))),
      "peak RSS MiB": Math.round(median(runs.map((r) => r.stats.maxRssBytes / 2 ** 20))),
    });
    const ratio = median(evalRuns.map((r) => r.ms)) / median(duckRuns.map((r) => r.ms));
    return {
      title: `crw sql in DuckDB vs crw eval: dealer-program 1.1.0 (35 rules, 7 population operators) over ${RECORDS.toLocaleString("en-US")} CSV records`,
      rows: [
        row("crw eval (JSON lines to /dev/null)", evalRuns),
        row("DuckDB, crw sql's statement (CSV out)", duckRuns),
      ],
      notes: [
        `Median of ${RUNS} runs each; DuckDB is ${ratio.toFixed(1)}× crw eval's speed (wall time, Node start-up included in both).`,
        "Both read the same CSV; DuckDB's time includes planning the statement (about a second for this pack) and writing every result row.",
        "DuckDB uses its default thread count; crw eval runs on one thread. 10,000,000 records were not run on the 2-core machine.",
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
