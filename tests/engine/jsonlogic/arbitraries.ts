/**
 * fast-check generators for the differential tests: random logic over every supported operator and
 * random records shaped like the ones rules read (nested objects, arrays, numbers including 0, -0
 * and NaN-producing strings, nulls, missing keys).
 */
import fc from "fast-check";
import { operatorNames, type OperatorName } from "../../../src/engine";

export const numbers = fc.oneof(
  { arbitrary: fc.constantFrom(0, -0, -1, NaN, Infinity), weight: 2 },
  fc.constantFrom(1, 2, 3, 0.5, 0.1, 0.7, 10, 100, 1e21, Number.MAX_VALUE, -Infinity),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
);

export const strings = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "-0",
    "1",
    "2.5",
    "1e3",
    " 2 ",
    "abc",
    "a",
    "b",
    "null",
    "NaN",
    "Infinity",
    "a.b",
    "x,y",
  ),
  fc.string({ maxLength: 6 }),
);

export const scalars = fc.oneof(numbers, strings, fc.boolean(), fc.constant(null));

/** Paths a rule might read; some only exist sometimes, some name inherited members (hardening). */
export const safePaths = [
  "",
  "a",
  "b",
  "s",
  "n",
  "o",
  "o.x",
  "o.y",
  "o.deep.z",
  "arr",
  "arr.0",
  "arr.1",
  "arr.length",
  "s.length",
  "s.0",
  "current",
  "accumulator",
  "current.x",
  "nope",
  "nope.deeper",
  "x",
  "y",
] as const;
export const inheritedPaths = [
  "toString",
  "__proto__",
  "constructor.name",
  "o.valueOf",
  "arr.map",
  "s.toUpperCase",
  "hasOwnProperty",
] as const;

const element = fc.oneof(scalars, fc.record({ x: scalars, y: scalars }, { requiredKeys: [] }));

/** A record: every key optional, nested objects and arrays. */
export const records = fc.oneof(
  fc.record(
    {
      a: scalars,
      b: scalars,
      s: strings,
      n: numbers,
      x: scalars,
      y: scalars,
      o: fc.record({ x: scalars, y: scalars, deep: fc.record({ z: scalars }) }, { requiredKeys: [] }),
      arr: fc.array(element, { maxLength: 4 }),
      current: scalars,
      accumulator: scalars,
    },
    { requiredKeys: [] },
  ),
  scalars,
  fc.array(element, { maxLength: 3 }),
);

/** Random logic over `ops`, with var paths drawn from `paths`. */
export function logicOver(
  ops: readonly OperatorName[],
  paths: readonly string[],
  maxDepth = 4,
  leaves: fc.Arbitrary<unknown> = scalars,
): fc.Arbitrary<unknown> {
  const pathArb = fc.oneof(fc.constantFrom(...paths), fc.constantFrom(0, 1));
  const varNode = fc.oneof(
    pathArb.map((p) => ({ var: p })),
    fc.tuple(pathArb, scalars).map(([p, d]) => ({ var: [p, d] })),
  );
  const { node } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", maxDepth },
      { arbitrary: leaves, weight: 3 },
      { arbitrary: varNode, weight: 3 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...ops), fc.array(tie("node"), { maxLength: 4 }), fc.boolean())
          .map(([op, args, bare]) => (bare && args.length === 1 ? { [op]: args[0] } : { [op]: args })),
        weight: 6,
      },
      { arbitrary: fc.array(tie("node"), { maxLength: 3 }), weight: 1 },
      { arbitrary: fc.constantFrom<unknown>(["a", "b"], ["x", "nope"], { a: 1, b: 2 }, {}), weight: 1 },
    ),
  }));
  return node;
}

/** The arithmetic and comparison core that real rules are made of, generated more densely. */
export const numericOperators: readonly OperatorName[] = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "min",
  "max",
  "<",
  "<=",
  ">",
  ">=",
  "==",
  "===",
  "!=",
  "if",
  "and",
  "or",
  "!",
];

/** Leaves for numeric logic: mostly numbers (with -0 and NaN), some number-like strings and nulls. */
export const numericLeaves = fc.oneof(
  { arbitrary: numbers, weight: 4 },
  fc.constantFrom<unknown>("", "0", "-0", "2.5", " 2 ", "abc", null, true, false, []),
);

/** Every operator except `log`, which the tests exercise separately (it writes to the console). */
export const quietOperators = operatorNames.filter((op) => op !== "log");

/** Renders values JSON cannot carry, so a failure message shows exactly what ran. */
export function show(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === "number" && !Number.isFinite(v)) return `$js:${String(v)}`;
      if (typeof v === "number" && Object.is(v, -0)) return "$js:-0";
      if (v === undefined) return "$js:undefined";
      return v;
    }) ?? "$js:undefined"
  );
}

/** Object.is for numbers (so -0 and NaN count), structural equality for arrays and objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every(
      (k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as never)[k], (b as never)[k]),
    );
  }
  return a === b;
}

export type Outcome = { threw: true } | { threw: false; value: unknown };

export function outcome(run: () => unknown): Outcome {
  try {
    return { threw: false, value: run() };
  } catch {
    return { threw: true };
  }
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.threw || b.threw ? a.threw === b.threw : sameValue(a.value, b.value);
}
