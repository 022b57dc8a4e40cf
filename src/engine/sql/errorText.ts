/**
 * The text of `crw eval`'s record errors in SQL: each error is the JSON object `crw eval` writes,
 * `{"rule","code","message"}` (src/engine/pack/resultLine.ts, English messages), with the value
 * quoted as src/engine/pack/outputCheck.ts quotes it: numbers as JavaScript's `String(x)` writes them,
 * strings as `JSON.stringify` writes them (cut to 57 characters and "..." past 60), `true`, `null`.
 * Only erroneous rows evaluate these expressions (they sit in the error branch of a CASE).
 */
import { doubleLiteral, stringLiteral, type Dialect } from "./dialect";
import type { ScalarType } from "./types";

/** A SQL text expression for a compile-time text. */
function text(d: Dialect, value: string): string {
  return `CAST(${stringLiteral(value)} AS ${d.text})`;
}

/**
 * The shortest round-trip text of a finite positive double in PostgreSQL. Its own output (Ryu,
 * `extra_float_digits` ≥ 1) is not always the shortest: it leaves out digit strings that lie exactly
 * on the edge of the double's rounding interval (1.25e22 comes out as 1.2499999999999999e+22,
 * JavaScript writes 1.25e+22). JavaScript's digits are the k-digit decimal nearest to the double
 * among those that read back as it, for the least k; that is the correctly rounded k-digit reading
 * (`to_char … EEEE` is C's `%.*e`) or, for a power of two, whose interval is narrower below, the
 * decimal one unit above it. No two 15-digit decimals fit in one interval, so k below 15 shows as
 * a 15-digit reading with trailing zeros. Subnormals (fewer digits of precision) and the top of the
 * range (where a reading would overflow the cast back) keep PostgreSQL's text.
 */
function postgresShortest(d: Dialect, a: string): string {
  const reading = (k: number) => `btrim(to_char(${a}, '9.${"9".repeat(k - 1)}EEEE'))`;
  const above = (k: number) =>
    `CAST(CAST(split_part(c.r${k}, 'e', 1) AS NUMERIC) + CAST('1e-${k - 1}' AS NUMERIC) AS TEXT) || 'e' || split_part(c.r${k}, 'e', 2)`;
  const tries: string[] = [];
  for (const k of [15, 16, 17]) {
    for (const candidate of [`c.r${k}`, above(k)]) {
      tries.push(`WHEN CAST(${candidate} AS DOUBLE PRECISION) = ${a} THEN ${candidate}`);
    }
  }
  const readings = [15, 16, 17].map((k) => `${reading(k)} AS r${k}`).join(", ");
  return (
    `CASE WHEN ${a} < CAST('1e-307' AS DOUBLE PRECISION) OR ${a} >= CAST('1.7976931348623e308' AS DOUBLE PRECISION) ` +
    `THEN CAST(${a} AS TEXT) ELSE (SELECT CASE ${tries.join(" ")} END FROM (SELECT ${readings}${d.fence}) c) END`
  );
}

/**
 * A double as JavaScript's `String(x)` writes it (ECMAScript Number::toString), from the engine's
 * shortest round-trip text (the same digits: the shortest that read back as x, the nearest when
 * several are), laid out as JavaScript does: plain from 1e-6 up to below 1e21, else `d.ddde+n`.
 * DuckDB writes plain text only inside that range (trailing zeros aside: `100.0`) and `d.ddde+XX`
 * outside its own; PostgreSQL's text comes from {@link postgresShortest}, always `d.ddde+XX`.
 */
export function jsNumberText(d: Dialect, x: string): string {
  const a = `abs(${x})`;
  // PostgreSQL reads the text once, in a scalar subquery (evaluated only for the rows that need it).
  const t = d.name === "postgres" ? "q.t" : `CAST(${a} AS ${d.text})`;
  const plain = `regexp_replace(${t}, '(\\.[0-9]*[1-9])0+$|\\.0+$', '\\1')`;
  const digits = `rtrim(replace(split_part(${t}, 'e', 1), '.', ''), '0')`;
  const exponent = `CAST(split_part(${t}, 'e', 2) AS INTEGER)`;
  // The point after n = exponent + 1 digits.
  const n = `(${exponent} + 1)`;
  const k = `length(${digits})`;
  const spread =
    `CASE WHEN ${n} <= 0 THEN '0.' || repeat('0', -${n}) || ${digits} ` +
    `WHEN ${k} <= ${n} THEN ${digits} || repeat('0', ${n} - ${k}) ` +
    `ELSE substr(${digits}, 1, ${n}) || '.' || substr(${digits}, ${n} + 1) END`;
  const e = `(${n} - 1)`;
  const scientific =
    `substr(${digits}, 1, 1) || CASE WHEN ${k} > 1 THEN '.' || substr(${digits}, 2) ELSE '' END || 'e' || ` +
    `CASE WHEN ${e} >= 0 THEN '+' ELSE '-' END || CAST(abs(${e}) AS ${d.text})`;
  const zero = doubleLiteral(d, 0);
  let magnitude =
    `CASE WHEN strpos(${t}, 'e') = 0 THEN ${plain} ` +
    `WHEN ${n} > -6 AND ${n} <= 21 THEN ${spread} ELSE ${scientific} END`;
  // OFFSET 0 (the dialect's fence) keeps the planner from substituting the text into each use of q.t.
  if (d.name === "postgres")
    magnitude = `(SELECT ${magnitude} FROM (SELECT ${postgresShortest(d, a)} AS t${d.fence}) q)`;
  return (
    `CASE WHEN ${d.isNan(x)} THEN 'NaN' WHEN ${x} = CAST('Infinity' AS ${d.double}) THEN 'Infinity' ` +
    `WHEN ${x} = CAST('-Infinity' AS ${d.double}) THEN '-Infinity' WHEN ${x} = ${zero} THEN '0' ` +
    `ELSE CASE WHEN ${x} < ${zero} THEN '-' ELSE '' END || (${magnitude}) END`
  );
}

/** Characters JSON.stringify escapes, in the order that keeps earlier escapes intact (backslash first). */
const ESCAPES: [number, string][] = [
  [0x5c, "\\\\"],
  [0x22, '\\"'],
  [0x08, "\\b"],
  [0x09, "\\t"],
  [0x0a, "\\n"],
  [0x0c, "\\f"],
  [0x0d, "\\r"],
  ...Array.from({ length: 0x20 }, (_, c) => c)
    .filter((c) => ![0x08, 0x09, 0x0a, 0x0c, 0x0d].includes(c))
    .map((c): [number, string] => [c, `\\u${c.toString(16).padStart(4, "0")}`]),
];

/** `JSON.stringify(s)` of a SQL text: quotes, backslashes and control characters escaped. */
export function jsonQuote(d: Dialect, s: string): string {
  let escaped = s;
  for (const [code, replacement] of ESCAPES) {
    // PostgreSQL text cannot hold NUL; DuckDB's can.
    if (code === 0 && d.name === "postgres") continue;
    escaped = `replace(${escaped}, chr(${code}), ${stringLiteral(replacement)})`;
  }
  return `'"' || ${escaped} || '"'`;
}

/**
 * outputCheck.ts's `show(value)` for a SQL value of a known type: JSON text cut to 57 characters and
 * "..." past 60 (lengths in code points, which are UTF-16 units below U+10000).
 */
export function shownValue(d: Dialect, x: string, type: ScalarType): string {
  switch (type) {
    case "number":
      return `CASE WHEN ${x} IS NULL THEN 'null' ELSE ${jsNumberText(d, x)} END`;
    case "boolean":
      return `CASE WHEN ${x} IS NULL THEN 'null' WHEN ${x} THEN 'true' ELSE 'false' END`;
    case "null":
      return "'null'";
    case "string": {
      const quoted = jsonQuote(d, x);
      return `CASE WHEN ${x} IS NULL THEN 'null' WHEN length(${quoted}) > 60 THEN substr(${quoted}, 1, 57) || '...' ELSE ${quoted} END`;
    }
  }
}

/** A message's text inside the JSON string of the errors column (its quotes and backslashes escaped). */
function inJson(sqlText: string): string {
  return `replace(replace(${sqlText}, '\\', '\\\\'), '"', '\\"')`;
}

/**
 * One part of a message: compile-time text, or SQL text computed per row (`quoted`: it may hold
 * quotes or backslashes, escaped for the JSON string; numbers and names hold none).
 */
export type MessagePart = string | { sql: string; quoted?: boolean };

/**
 * The errors column's entry of one error: `{"rule":…,"code":…,"message":…}` as JSON.stringify writes
 * it, as a SQL text expression.
 */
export function errorEntry(d: Dialect, rule: string, code: string, message: MessagePart[]): string {
  const head = JSON.stringify({ rule, code }).slice(0, -1) + ',"message":"';
  const parts = [text(d, head)];
  for (const part of message) {
    if (typeof part === "string") parts.push(text(d, JSON.stringify(part).slice(1, -1)));
    else parts.push(part.quoted ? inJson(part.sql) : part.sql);
  }
  parts.push(text(d, '"}'));
  return parts.join(" || ");
}

/** outputCheck.ts's `show` of a compile-time value. */
export function shownLiteral(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? json.slice(0, 57) + "..." : json;
}
