/** Doubles and strings whose JavaScript text the SQL must reproduce in error messages (errorText.test.ts, postgres.test.ts). */
import fc from "fast-check";
import { dialectOf, type DialectName } from "../../../src/engine/sql";
import { jsNumberText, shownValue } from "../../../src/engine/sql/errorText";
import { doubleLiteral, stringLiteral } from "../../../src/engine/sql/dialect";

/** Layout boundaries of Number::toString, powers of ten, -0, the extremes, and random doubles. */
export function textDoubles(): number[] {
  const edges = [
    0,
    -0,
    1,
    -1,
    0.1,
    0.5,
    100,
    1e21,
    9.999999999999999e20,
    1e-6,
    1e-7,
    9.99999e-7,
    123456789012345680000,
    1e16,
    1e15,
    12345678.9,
    5e-324,
    Number.MAX_VALUE,
    -Number.MIN_VALUE,
    2 ** 53,
    0.000001234,
    1.5e300,
    63389.174999999996,
    4.35,
    1 / 3,
    NaN,
    Infinity,
    -Infinity,
  ];
  for (let e = -10; e <= 25; e++) edges.push(Number(`1e${e}`), Number(`1.25e${e}`), -Number(`7e${e}`));
  // Powers of two (a narrower gap below), subnormals and the smallest normal double.
  for (let e = -1074; e <= 1023; e += 37) edges.push(2 ** e, -(2 ** e) * 3);
  edges.push(2.2250738585072014e-308, 2.225073858507201e-308, 1e-310, 4.9e-322, 2 ** 55, 2 ** 56, 2 ** 54);
  const random = fc.sample(fc.double({ noNaN: true }), { numRuns: 400, seed: 20261204 });
  const scaled = fc.sample(
    fc.tuple(fc.integer({ min: -9999999, max: 9999999 }), fc.integer({ min: -12, max: 24 })),
    {
      numRuns: 200,
      seed: 7,
    },
  );
  return [...edges, ...random, ...scaled.map(([m, e]) => m * 10 ** e)];
}

export const textStrings = [
  "",
  "plain",
  'quote " and backslash \\',
  "line\nbreak\ttab\r\b\f and \u0001\u001f",
  "汉字 and é",
  "x".repeat(58),
  "y".repeat(59),
  'z"'.repeat(40),
];

/** One SELECT of each value's text as JavaScript writes it (String for numbers, show() for strings). */
export function textQuery(dialect: DialectName, doubles: number[], strings: string[]): string {
  const d = dialectOf(dialect);
  const numbers = doubles.map((x, i) => `(${i}, ${doubleLiteral(d, x)})`).join(", ");
  const texts = strings
    .map((s, i) => `(${doubles.length + i}, CAST(${stringLiteral(s)} AS ${d.text}))`)
    .join(", ");
  return (
    `SELECT i, ${jsNumberText(d, "x")} AS t FROM (VALUES ${numbers}) AS n(i, x) UNION ALL ` +
    `SELECT i, ${shownValue(d, "s", "string")} AS t FROM (VALUES ${texts}) AS v(i, s) ORDER BY i`
  );
}

/** What outputCheck.ts's show() gives. */
export function jsText(doubles: number[], strings: string[]): string[] {
  return [
    ...doubles.map((x) => String(x)),
    ...strings.map((s) => {
      const json = JSON.stringify(s);
      return json.length > 60 ? json.slice(0, 57) + "..." : json;
    }),
  ];
}
