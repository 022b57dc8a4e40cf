import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeData, writePack } from "../bench/cli/pack";
import { crw } from "./run";

// `crw eval` with the read worker (--threads 2: the second half of the JSONL file is read, admitted
// and early-evaluated on a worker thread) must write exactly what one thread writes: every line,
// the error messages with their line numbers, the as_of note and the exit status.

let dir: string;
let manifest: string;

/** The summary line ends in the run's duration, and --stats adds figures; both differ between runs. */
const stable = (stderr: string) =>
  stderr.replace(/; [\d.]+ s\n/g, "; <t> s\n").replace(/^crw-stats .*\n/m, "");
const readThreads = (stderr: string) =>
  (JSON.parse(/^crw-stats (.*)$/m.exec(stderr)?.[1] ?? "{}") as { readThreads?: number }).readThreads;

async function both(...args: string[]) {
  const one = await crw("eval", manifest, ...args, "--threads", "1", "--stats");
  const two = await crw("eval", manifest, ...args, "--threads", "2", "--stats");
  return { one, two };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crw-threads-"));
  manifest = await writePack(dir);
  const clean = join(dir, "clean.jsonl");
  await writeData(clean, 3000);
  const lines = (await readFile(clean, "utf8")).trimEnd().split("\n");
  // Messy input in both halves: malformed lines, blank lines, CRLF and lone CR breaks, missing and
  // odd fields, another as_of, no trailing line break.
  const messy = lines.map((line, i) => {
    if (i % 401 === 7) return "{not json";
    if (i % 337 === 5) return "";
    if (i % 293 === 3) return line.replace('"as_of":"2026-11-22"', '"as_of":"2026-10-31"');
    if (i % 211 === 1) return line.replace(/"sales":\{[^}]*\}/, '"sales":"n/a"');
    if (i % 173 === 2) return line.replace(/"region":"[^"]*",/, "");
    return line;
  });
  let text = "";
  messy.forEach((line, i) => (text += line + (i % 97 === 0 ? "\r\n" : i % 389 === 0 ? "\r" : "\n")));
  await writeFile(join(dir, "messy.jsonl"), text.trimEnd());
  const refused = [...lines];
  refused[2500] = "[1, 2]";
  refused[2700] = '"a string"';
  await writeFile(join(dir, "refused.jsonl"), refused.join("\n") + "\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("crw eval with the read worker", () => {
  it("writes the same lines, messages and note as one thread on messy JSONL", async () => {
    const { one, two } = await both("--data", join(dir, "messy.jsonl"));
    expect(one.stdout.split("\n").length).toBeGreaterThan(2900);
    expect([readThreads(one.stderr), readThreads(two.stderr)]).toEqual([1, 2]);
    expect(one.stderr).toContain("carry another as_of");
    expect(one.stdout).toContain("data/invalid-json");
    expect(two.stdout).toBe(one.stdout);
    expect(stable(two.stderr)).toBe(stable(one.stderr));
    expect(two.code).toBe(one.code);
  }, 120_000);

  it("refuses the same first bad record, with its index in the whole input", async () => {
    const { one, two } = await both("--data", join(dir, "refused.jsonl"), "--as-of", "2026-11-22");
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/2501|2500/);
    expect(stable(two.stderr)).toBe(stable(one.stderr));
    expect(two.code).toBe(one.code);
  }, 120_000);
});
