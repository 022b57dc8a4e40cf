import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const fixtures = fileURLToPath(new URL("./fixtures", import.meta.url));

/**
 * The prebuilt CLI, run as plain `node` (no tsx): what `npx crw` runs. tests/cli/globalSetup.ts builds
 * it from the current sources before any test starts.
 */
export const CRW_BUNDLE = "dist/cli/crw.mjs";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/crw.mjs ...args` from the repository root as a separate process. */
export function crw(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CRW_BUNDLE, ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs `crw ...args` like `crw ... | head -c <n>`: the reader closes stdout after the first output
 * arrives, so the command's later writes fail with EPIPE.
 */
export function crwClosingStdout(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CRW_BUNDLE, ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.once("data", (d: Buffer) => {
      stdout += d.toString();
      child.stdout.destroy();
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
