/**
 * `npm run bench -- cli` (start-up section): wall time of short `crw` commands as whole processes,
 * the prebuilt bundle (what `npx crw` runs, through the src/cli/crw.js launcher) against the sources
 * run through tsx (`npm run crw`, the development path). Targets from issue 14: `crw --help` ≤ 150 ms,
 * `crw test rules` ≤ 1 s. run.ts rebuilds the bundle before any section, so the figures are for the
 * current sources (a stale bundle would fall back to tsx: the section refuses to time that).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, type BenchRow, type BenchSection } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = 9;
const tsxCli = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));

/** Median, minimum and maximum wall milliseconds of `node ...args` after one untimed run. */
function time(args: string[]): { median: number; min: number; max: number } {
  const samples: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${String(result.stderr)}`);
    if (String(result.stderr).includes("through tsx"))
      throw new Error(`the bundle is stale: ${String(result.stderr)}`);
    if (i > 0) samples.push(ms);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export default function cliStartupBench(): Promise<BenchSection> {
  const commands: { name: string; args: string[]; targetMs: number }[] = [
    { name: "crw --help", args: ["--help"], targetMs: 150 },
    { name: "crw test rules", args: ["test", "rules"], targetMs: 1000 },
  ];
  const rows: BenchRow[] = [];
  for (const command of commands) {
    const bundle = time(["src/cli/crw.js", ...command.args]);
    const sources = time([tsxCli, "src/cli/main.ts", ...command.args]);
    rows.push({
      name: `${command.name} (bundle)`,
      "median ms": Math.round(bundle.median),
      "min ms": Math.round(bundle.min),
      "max ms": Math.round(bundle.max),
      "target ms": command.targetMs,
      "× tsx": Math.round((bundle.median / sources.median) * 100) / 100,
    });
    rows.push({
      name: `${command.name} (tsx, sources)`,
      "median ms": Math.round(sources.median),
      "min ms": Math.round(sources.min),
      "max ms": Math.round(sources.max),
      "target ms": "",
      "× tsx": 1,
    });
  }
  return Promise.resolve({
    title: "crw start-up: prebuilt bundle against tsx",
    rows,
    notes: [
      `Whole processes from the repository root, stdout discarded; median of ${RUNS} runs after one untimed run.`,
      "bundle: node src/cli/crw.js (the bin: checks dist/cli/inputs.json against the sources, then imports dist/cli/crw.mjs).",
      "tsx: node tsx src/cli/main.ts, as npm run crw runs it (tsx keeps a transform cache, so this is its warm figure).",
      "Excludes npx's own start (about 0.4-0.5 s of npm itself).",
    ],
  });
}
