/** What differs between the SQL engines the compiler targets. */
export type DialectName = "duckdb" | "postgres";

export interface Dialect {
  name: DialectName;
  double: string;
  text: string;
  /** `x` is NaN (both engines treat NaN as equal to itself and greater than every number). */
  isNan(x: string): string;
  /** `x` is a finite number (neither NaN nor ±Infinity). */
  isFinite(x: string): string;
  /**
   * Rounds a finite double half away from zero on its 15-significant-digit decimal reading
   * (pack-format.md §2) and returns the double nearest to the rounded decimal.
   */
  round(x: string, decimals: number): string;
  /** A string collation that orders by code point, not by locale. */
  binaryCollation: string;
  /**
   * Appended to every SELECT of the chain to keep the planner from flattening it: PostgreSQL pulls
   * subqueries up into their parent and substitutes column references by whole expressions, which
   * grows exponentially down a chain of steps that each read a value several times (`OFFSET 0` is
   * the documented fence). DuckDB plans the chain as it is written.
   */
  fence: string;
}

/** A double literal that both engines parse to exactly the double JavaScript holds. */
export function doubleLiteral(dialect: Dialect, value: number): string {
  if (Number.isNaN(value)) return `CAST('NaN' AS ${dialect.double})`;
  if (value === Infinity) return `CAST('Infinity' AS ${dialect.double})`;
  if (value === -Infinity) return `CAST('-Infinity' AS ${dialect.double})`;
  // The shortest round-trip text, parsed by the engine's correctly rounded strtod; never a DECIMAL
  // literal, which DuckDB would keep in decimal arithmetic.
  // -0 is written as text: the integer literal 0 (or -0, an integer negation) would be +0.
  if (Object.is(value, -0)) return `CAST('-0' AS ${dialect.double})`;
  return `CAST(${Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value) : `'${String(value)}'`} AS ${dialect.double})`;
}

export function stringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A quoted identifier (column names keep their dots and dashes: "out.volume-rebate"). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const duckdb: Dialect = {
  name: "duckdb",
  double: "DOUBLE",
  text: "VARCHAR",
  isNan: (x) => `isnan(${x})`,
  isFinite: (x) => `isfinite(${x})`,
  // printf('%.14e') is the 15-significant-digit reading; DECIMAL(38,18) holds it below 10^20 and
  // ROUND on DECIMAL rounds half away from zero; the text of the result is parsed back, correctly
  // rounded. From 10^15 up the reading has no fraction left, so the result is the reading itself.
  round: (x, d) =>
    `CASE WHEN abs(${x}) >= 1e15 THEN CAST(printf('%.14e', ${x}) AS DOUBLE) ` +
    `ELSE CAST(CAST(ROUND(CAST(printf('%.14e', ${x}) AS DECIMAL(38, 18)), ${d}) AS VARCHAR) AS DOUBLE) END`,
  binaryCollation: "",
  fence: "",
};

const postgres: Dialect = {
  name: "postgres",
  double: "DOUBLE PRECISION",
  text: "TEXT",
  isNan: (x) => `(${x} = CAST('NaN' AS DOUBLE PRECISION))`,
  isFinite: (x) =>
    `(${x} NOT IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION)))`,
  // float8 → numeric keeps DBL_DIG (15) significant digits; round(numeric) rounds half away from
  // zero; numeric → float8 goes through its text, correctly rounded.
  round: (x, d) => `CAST(ROUND(CAST(${x} AS NUMERIC), ${d}) AS DOUBLE PRECISION)`,
  binaryCollation: ' COLLATE "C"',
  fence: " OFFSET 0",
};

export function dialectOf(name: DialectName): Dialect {
  return name === "duckdb" ? duckdb : postgres;
}

/**
 * `decimals` rounding of a finite double in SQL, the arithmetic of roundHalfAwayFromZero
 * (src/engine/pack/decimal.ts) step for step: every operation is one IEEE double operation, so the
 * engines compute exactly what JavaScript does. Where that arithmetic cannot decide (magnitudes past
 * 10^13 units, values within float noise of a tie) it falls back to the dialect's decimal rounding,
 * {@link Dialect.round}; on real data that is rare, and the fast path is many times cheaper.
 */
export function roundSql(dialect: Dialect, x: string, decimals: number): string {
  const lit = (v: number) => doubleLiteral(dialect, v);
  const p = lit(Number(`1e${decimals}`));
  const a = `abs(${x})`;
  const y = `(${a} * ${p})`;
  const r = `round(${y})`;
  const k = `floor(${y})`;
  const margin = `(${y} * ${lit(6e-15)})`;
  const fraction = `(${y} - ${k})`;
  // The units of 10^-decimals, or NULL where only the decimal reading can tell.
  const units =
    `CASE WHEN abs(${y} - ${r}) <= ${margin} THEN ${r} ` +
    `WHEN abs(${fraction} - ${lit(0.5)}) > ${margin} THEN CASE WHEN ${fraction} > ${lit(0.5)} THEN ${k} + ${lit(1)} ELSE ${k} END END`;
  const signed = `CASE WHEN ${x} < ${lit(0)} THEN ${lit(0)} - (${units}) / ${p} ELSE (${units}) / ${p} END`;
  return (
    `CASE WHEN ${x} = ${lit(0)} THEN ${lit(0)} ` +
    `WHEN ${x} = trunc(${x}) AND ${a} < ${lit(1e15)} THEN ${x} ` +
    `WHEN NOT (${y} < ${lit(1e13)}) THEN ${dialect.round(x, decimals)} ` +
    `WHEN ${r} / ${p} = ${a} THEN ${x} ` +
    `ELSE COALESCE(${signed}, ${dialect.round(x, decimals)}) END`
  );
}
