/**
 * Runs the real `crw` command line the way engineers do, so the golden tests check the shipped rules
 * through the same code path as `npx crw`: the prebuilt bundle as plain `node` (built from the current
 * sources by tests/cli/globalSetup.ts before the tests start).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Result of one `crw` run. */
export interface CrwRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/crw.mjs …args` from the repository root. */
export function crw(...args: string[]): CrwRun {
  const run = spawnSync(process.execPath, ["dist/cli/crw.mjs", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** One line of `crw eval` output. */
export interface EvalLine {
  id: string;
  out: Record<string, unknown>;
  pop: Record<string, unknown>;
  errors: unknown[];
}

/** Evaluates a manifest over a dataset at the sample's evaluation date and parses the JSON lines. */
export function evaluate(manifest: string, data: string, ...extra: string[]): EvalLine[] {
  const run = crw("eval", manifest, "--data", data, "--as-of", "2024-12-31", ...extra);
  if (run.status !== 0) throw new Error(`crw eval failed (${run.status}): ${run.stderr}`);
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as EvalLine);
}

/** Manifests shipped in rules/manifests, relative to the root. */
export const MANIFESTS = [
  "rules/manifests/dealer-program-1.0.0.manifest.json",
  "rules/manifests/dealer-program-1.1.0.manifest.json",
] as const;

/** The checked-in sample, relative to the root. */
export const SAMPLE_JSON = "samples/distributors-300.json";
export const SAMPLE_CSV = "samples/distributors-300.csv";
