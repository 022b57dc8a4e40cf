/**
 * Seeded pseudo-random numbers for the sample generator. Math.random is never used: a dataset must be
 * reproducible from its seed, and record i must not depend on how many records come before it, so each
 * record gets its own stream derived from (seed, index).
 */

/** Mixes a 32-bit value (the splitmix32 finaliser) so nearby seeds give unrelated streams. */
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The keys and total of a weight table, computed once per table: the tables are constants and a
 * million records draw from them several times each. The total is summed in key order, as before.
 */
const weightTables = new WeakMap<object, { keys: string[]; total: number }>();
function weightTable<K extends string>(weights: Readonly<Record<K, number>>): { keys: K[]; total: number } {
  let table = weightTables.get(weights);
  if (table === undefined) {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const key of keys) total += weights[key];
    weightTables.set(weights, (table = { keys, total }));
  }
  return table as { keys: K[]; total: number };
}

/** A small, fast generator (sfc32) with the distributions the sample model needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Starts the stream for record `index` of the dataset with seed `seed`. */
  constructor(seed: number, index = 0) {
    this.a = mix32(seed);
    this.b = mix32(this.a ^ index);
    this.c = mix32(this.b + 0x6d2b79f5);
    this.d = 1;
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer uniform in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller; one of the pair is dropped to keep the stream simple). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Approximately standard normal (sum of three uniforms, rescaled): cheap noise for monthly series. */
  quickNormal(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }

  /** Log-normal with the given median, clipped to [lo, hi]. */
  logNormal(median: number, sigma: number, lo: number, hi: number): number {
    return Math.min(hi, Math.max(lo, median * Math.exp(this.normal(0, sigma))));
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One key of a weight table, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const { keys, total } = weightTable(weights);
    let r = this.next() * total;
    for (const key of keys) {
      r -= weights[key];
      if (r < 0) return key;
    }
    const last = keys[keys.length - 1];
    if (last === undefined) throw new Error("weighted pick from an empty table");
    return last;
  }

  /** Poisson-distributed count (Knuth's method; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
}
