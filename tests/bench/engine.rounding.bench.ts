/**
 * `npm run bench -- engine` (rounding section): values per second of the `decimals` rounding that runs
 * once per rule and record, its arithmetic fast path against the digit-string definition it must equal,
 * with the naive `Math.round(x * 100) / 100` (wrong on 1.005) for context. Three kinds of values, a
 * million each: money products (integer amount below 10^8 × a rate with up to four decimals, the
 * common case and the one the 15-digit rule is about), values already on the cent grid (most outputs
 * of rules that add rounded amounts), and quotients such as amount / 7 (never near a tie).
 */
import { roundHalfAwayFromZero, roundOnDigits } from "../../src/engine/pack/decimal";
import { measure, mulberry32, type BenchRow, type BenchSection } from "./harness";

const COUNT = Number(process.env.BENCH_RECORDS ?? 1_000_000);

function values(kind: "products" | "cents" | "quotients"): Float64Array {
  const random = mulberry32(kind === "products" ? 14 : kind === "cents" ? 15 : 16);
  const out = new Float64Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const amount = Math.floor(random() * 1e8);
    if (kind === "products") out[i] = amount * (Math.floor(random() * 10_000) / 10_000);
    else if (kind === "cents") out[i] = amount / 100;
    else out[i] = amount / 7;
  }
  return out;
}

const roundings: { name: string; fn: (x: number, d: number) => number }[] = [
  { name: "roundHalfAwayFromZero (fast path)", fn: roundHalfAwayFromZero },
  { name: "roundOnDigits (definition)", fn: roundOnDigits },
  { name: "Math.round(x*100)/100 (naive)", fn: (x) => Math.round(x * 100) / 100 },
];

export default async function roundingBench(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  for (const kind of ["products", "cents", "quotients"] as const) {
    const xs = values(kind);
    const out = new Float64Array(COUNT);
    const medians = new Map<string, number>();
    for (const { name, fn } of roundings) {
      const { medianMs } = await measure(
        () => {
          for (let i = 0; i < COUNT; i++) out[i] = fn(xs[i]!, 2);
        },
        { runs: 5, warmup: 1 },
      );
      medians.set(name, medianMs);
    }
    // The fast path must give the definition's answer on every value it was timed on.
    for (let i = 0; i < COUNT; i++) {
      const x = xs[i]!;
      if (!Object.is(roundHalfAwayFromZero(x, 2), roundOnDigits(x, 2)))
        throw new Error(`fast path and definition disagree on ${x}`);
    }
    const definition = medians.get(roundings[1]!.name)!;
    for (const { name } of roundings) {
      const ms = medians.get(name)!;
      rows.push({
        name: `${kind}: ${name}`,
        "median ms": ms,
        "M values/s": COUNT / ms / 1000,
        "× definition": definition / ms,
      });
    }
  }
  return {
    title: `decimals rounding · ${COUNT.toLocaleString("en-US")} values of each kind, 2 decimals`,
    rows,
    notes: [
      "products: integer amount < 10^8 × rate with up to 4 decimals; cents: amount / 100; quotients: amount / 7. Seeded (mulberry32).",
      "Medians of 5 runs after 1 warm-up. The fast path is checked equal (Object.is) to the definition on every value.",
    ],
  };
}
