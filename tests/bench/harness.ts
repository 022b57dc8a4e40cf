/**
 * Benchmark harness for `npm run bench`: every figure is the median of several runs, printed as a
 * table. Timing lives only here, never in the test suite, where it would flake on a shared machine.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs `node ...args` from the repository root with stdout discarded, and returns its wall time and the
 * JSON that the command printed to stderr after `marker` (its own CPU and memory figures).
 */
export function runMeasured<Stats>(
  args: string[],
  marker: string,
  okCodes: readonly number[] = [0],
): Promise<{ ms: number; stats: Stats }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      const stats = new RegExp(`${marker} (.*)`).exec(stderr);
      if (!stats || !okCodes.includes(code ?? -1))
        reject(new Error(`${args.join(" ")} failed (${code}): ${stderr}`));
      else resolve({ ms, stats: JSON.parse(stats[1]!) as Stats });
    });
  });
}

export interface BenchRow {
  name: string;
  /** Column name → printed value. Numbers are formatted with thousands separators. */
  [column: string]: string | number;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
  /** Lines printed under the table: what was checked, what limits the figures. */
  notes?: string[];
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `fn` `runs` times after `warmup` untimed runs and returns the median wall time in milliseconds
 * together with every sample (so callers can report spread).
 */
export async function measure(
  fn: () => unknown,
  { runs = 5, warmup = 1 }: { runs?: number; warmup?: number } = {},
): Promise<{ medianMs: number; samplesMs: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samplesMs.push(performance.now() - start);
  }
  return { medianMs: median(samplesMs), samplesMs };
}

/** mulberry32: a tiny, fast, seeded PRNG, so every run benchmarks the same records. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** Renders a section as a plain-text table. */
export function formatSection(section: BenchSection): string {
  const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string | number | undefined) =>
    value === undefined ? "" : typeof value === "number" ? numberFormat.format(value) : value;
  const widths = columns.map((c) => Math.max(c.length, ...section.rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  const out = [`## ${section.title}`, "", line(columns), line(widths.map((w) => "-".repeat(w)))];
  for (const row of section.rows) out.push(line(columns.map((c) => cell(row[c]))));
  for (const note of section.notes ?? []) out.push(`  ${note}`);
  return out.join("\n") + "\n";
}
