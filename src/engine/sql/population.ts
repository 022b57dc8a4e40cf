/**
 * Population operators in SQL, bit for bit what the runtime computes (pack-format.md §5,
 * src/engine/pack/population/). Ranks, percentiles, counts, minima and maxima are exact in any
 * engine; sums are not, because floating-point addition is not associative: the runtime adds in one
 * order, from 0, one value at a time, so the SQL must add the same doubles in the same sequence.
 *
 * - Partition totals run in the records' input order (`--order`'s column, or the id).
 * - Running sums of the cumulative shares run in the share order (measure descending, id, input
 *   order), including (share) or excluding (class) the record.
 *
 * PostgreSQL's window aggregates do exactly that: with a frame that starts at the partition's first
 * row, `SUM(float8)` adds each row to the running state in the window's order. DuckDB's windowed sums
 * combine a segment tree instead (not sequential), so in DuckDB totals are ordered aggregates
 * (`SUM(x ORDER BY …)`, fed in that order) and running sums are one streaming window over all
 * partitions in sequence, where a row before each partition adds minus the previous partition's sum,
 * bringing the running sum back to exactly +0 (a + −a is +0 for every finite a). A reset that does not
 * give 0 (a partition sum that overflowed) stops the query with an error instead of a wrong value.
 *
 * Both engines start a sum from its first value, the runtime from 0: they differ only in the sign of
 * a zero sum, so every sum is read through {@link plusZero}.
 */
import type { PopulationOp } from "../pack/model";
import { doubleLiteral, ident, stringLiteral, type Dialect } from "./dialect";
import type { ScalarType } from "./types";

export interface PopulationSqlInput {
  op: PopulationOp;
  dialect: Dialect;
  /** SQL of the measure when it is a number (else no record takes part). */
  measure?: string;
  /** SQL and type of the partition value. */
  partition?: { sql: string; type: ScalarType };
  /** SQL of a finite number budget (budget_factor); undefined gives NULL for everyone. */
  budget?: string;
  /** Type of the record id column. */
  idType: ScalarType;
  /** The input-order column (`#ord`) is carried; otherwise input order is the id's. */
  ordered: boolean;
  /** The CTE's comment. */
  comment: string;
}

/** Helper columns of an operator's CTEs (dropped before the next step). */
const M = ident("#m");
const PART = ident("#part");
const KEY = ident("#key");
const TOTAL = ident("#total");
const SHARE_TOTAL = ident("#share-total");
const KIND = ident("#kind");
const V = ident("#v");
const RUNNING = ident("#running");
const BEFORE = ident("#before");

/** `x`, with a zero result as +0 (the runtime's sums start from 0, so they are never −0). */
function plusZero(d: Dialect, x: string): string {
  return `CASE WHEN ${x} = ${doubleLiteral(d, 0)} THEN ${doubleLiteral(d, 0)} ELSE ${x} END`;
}

/**
 * An ORDER BY or PARTITION BY key. DuckDB hands a sorted column back decoded from its sort key, where
 * −0 became 0: numbers are sorted through a computed copy (−0 and 0 are peers either way), so the
 * value columns keep their sign.
 */
function key(d: Dialect, column: string, type: ScalarType): string {
  if (type === "number" && d.name === "duckdb") return plusZero(d, column);
  if (type === "string") return column + d.binaryCollation;
  return column;
}

export function populationSql(
  input: PopulationSqlInput,
  carried: readonly string[],
  previous: string,
  errors: string,
): string {
  return input.dialect.name === "postgres"
    ? postgresSql(input, carried, previous, errors)
    : duckdbSql(input, carried, previous, errors);
}

/** The orders and the per-record value, over a row alias `s` and window/aggregate helpers. */
interface Parts {
  /** The input order, as ORDER BY items. */
  inputOrder: string;
  /** Share order: measure descending, ties by id ascending, then input order. */
  shareOrder: string;
  /** ORDER BY items of the measure (for ranks, percentiles, minima and maxima). */
  measureKey: string;
}

function partsOf(input: PopulationSqlInput, alias: string): Parts {
  const d = input.dialect;
  const col = (name: string) => `${alias}.${ident(name)}`;
  const id = `${key(d, col("id"), input.idType)} ASC NULLS LAST`;
  const inputOrder = input.ordered ? `${key(d, col("#ord"), "number")} ASC NULLS LAST, ${id}` : id;
  const measureKey = key(d, `${alias}.${M}`, "number");
  // Ties of measure and id fall to input order (which is the id's unless --order names a column).
  const shareOrder = `${measureKey} DESC, ${id}${input.ordered ? `, ${inputOrder}` : ""}`;
  return { inputOrder, shareOrder, measureKey };
}

/**
 * The operator's value for a participating record, given SQL for the partition's statistics:
 * `total` (input-order sum), `running` (share-order sum including the record), `before` (excluding).
 */
function valueOf(
  input: PopulationSqlInput,
  over: string,
  parts: Parts,
  sums: { total: string; running: string; before: string },
): string {
  const { op, dialect: d } = input;
  const m = `s.${M}`;
  const whole = "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING";
  const { total, running, before } = sums;
  switch (op.op) {
    case "rank":
      return `CAST(RANK() OVER (${over} ORDER BY ${parts.measureKey} ${(op.order ?? "desc").toUpperCase()}) AS ${d.double})`;
    case "percentile":
      return `CAST(CUME_DIST() OVER (${over} ORDER BY ${parts.measureKey} ${(op.order ?? "asc").toUpperCase()}) AS ${d.double})`;
    case "cumulative_share":
      return `CASE WHEN ${total} > 0 THEN ${running} / ${total} END`;
    case "cumulative_share_class": {
      const share = `${before} / ${total}`;
      const reached = op.breaks
        .map((b) => `CASE WHEN ${share} >= ${doubleLiteral(d, b)} THEN 1 ELSE 0 END`)
        .join(" + ");
      const labels = op.labels.map((label, i) => `WHEN ${i} THEN ${stringLiteral(label)}`).join(" ");
      return `CASE WHEN ${total} > 0 THEN CASE ${reached || "0"} ${labels} END END`;
    }
    case "group_stat": {
      const count = `COUNT(*) OVER (${over})`;
      switch (op.stat) {
        case "sum":
          return total;
        case "mean":
          return `${total} / ${count}`;
        case "count":
          return `CAST(${count} AS ${d.double})`;
        case "min":
        case "max":
          // The runtime keeps the first record of the extreme value in input order (it replaces the
          // best only on a strict < or >), which decides between −0 and 0.
          return `FIRST_VALUE(${m}) OVER (${over} ORDER BY ${parts.measureKey} ${op.stat === "min" ? "ASC" : "DESC"}, ${parts.inputOrder} ${whole})`;
      }
      break;
    }
    case "normalize_to_max": {
      const max = `MAX(${m}) OVER (${over})`;
      return `CASE WHEN ${max} > 0 THEN ${m} / ${max} * ${doubleLiteral(d, 100)} END`;
    }
    case "budget_factor":
      if (input.budget === undefined) return `CAST(NULL AS ${d.double})`;
      return `CASE WHEN ${total} > 0 THEN LEAST(${doubleLiteral(d, 1)}, ${input.budget} / ${total}) ELSE ${doubleLiteral(d, 1)} END`;
  }
}

/** Which sums the operator reads. */
function needs(op: PopulationOp): { total: boolean; running: boolean } {
  switch (op.op) {
    case "cumulative_share":
    case "cumulative_share_class":
      return { total: true, running: true };
    case "group_stat":
      return { total: op.stat === "sum" || op.stat === "mean", running: false };
    case "budget_factor":
      return { total: true, running: false };
    default:
      return { total: false, running: false };
  }
}

function columns(alias: string, names: readonly string[]): string {
  return names.map((c) => `${alias}.${ident(c)}`).join(", ");
}

/** The measure, participation and partition value of every record, over the previous step. */
function measured(input: PopulationSqlInput, carried: readonly string[], previous: string, errors: string) {
  const d = input.dialect;
  const measure = input.measure ?? `CAST(NULL AS ${d.double})`;
  const participates =
    input.measure === undefined ? "FALSE" : `(${input.measure} IS NOT NULL AND ${d.isFinite(input.measure)})`;
  const partition = input.partition ? input.partition.sql : "NULL";
  return `SELECT ${columns("p", [...carried, errors])}, ${measure} AS ${M}, ${participates} AS ${PART}, ${partition} AS ${KEY} FROM ${previous} p${d.fence}`;
}

function postgresSql(
  input: PopulationSqlInput,
  carried: readonly string[],
  previous: string,
  errors: string,
) {
  const d = input.dialect;
  const parts = partsOf(input, "s");
  const over = `PARTITION BY s.${KEY}, s.${PART}`;
  const frame = (end: string) => `ROWS BETWEEN UNBOUNDED PRECEDING AND ${end}`;
  const sum = (order: string, end: string) =>
    plusZero(d, `SUM(s.${M}) OVER (${over} ORDER BY ${order} ${frame(end)})`);
  const value = valueOf(input, over, parts, {
    total: sum(parts.inputOrder, "UNBOUNDED FOLLOWING"),
    running: sum(parts.shareOrder, "CURRENT ROW"),
    before: `COALESCE(${sum(parts.shareOrder, "1 PRECEDING")}, ${doubleLiteral(d, 0)})`,
  });
  return [
    `${ident(input.op.id)} AS (${input.comment}`,
    `  SELECT ${columns("s", [...carried, errors])},`,
    `    CASE WHEN s.${PART} THEN ${value} END AS ${ident(input.op.out)}`,
    `  FROM (`,
    `    ${measured(input, carried, previous, errors)}`,
    `  ) s${d.fence}`,
    `)`,
  ].join("\n");
}

function duckdbSql(input: PopulationSqlInput, carried: readonly string[], previous: string, errors: string) {
  const d = input.dialect;
  const id = input.op.id;
  const name = (suffix: string) => ident(`${id}${suffix}`);
  const { total: needsTotal, running: needsRunning } = needs(input.op);
  const over = `PARTITION BY ${key(d, `s.${KEY}`, input.partition?.type ?? "null")}, s.${PART}`;
  const value = valueOf(input, over, partsOf(input, "s"), {
    total: `t.${TOTAL}`,
    running: `s.${RUNNING}`,
    before: `s.${BEFORE}`,
  });
  const keep = [...carried, errors];
  const ctes: string[] = [];
  const source = needsTotal || needsRunning ? name(":measured") : undefined;
  if (source) {
    ctes.push(
      `${source} AS ( -- ${id}: measure, participation and partition of each record\n  ${measured(input, carried, previous, errors)}\n)`,
    );
    const u = partsOf(input, "u");
    const sums = [`${plusZero(d, `SUM(u.${M} ORDER BY ${u.inputOrder})`)} AS ${TOTAL}`];
    if (needsRunning) sums.push(`${plusZero(d, `SUM(u.${M} ORDER BY ${u.shareOrder})`)} AS ${SHARE_TOTAL}`);
    ctes.push(
      [
        `${name(":sums")} AS ( -- ${id}: each partition's sum, adding in input order${needsRunning ? " (and in the share order)" : ""}`,
        `  SELECT u.${KEY}, ${sums.join(", ")}`,
        `  FROM ${source} u WHERE u.${PART} GROUP BY u.${KEY}`,
        `)`,
      ].join("\n"),
    );
  }
  let rows = source ? `SELECT * FROM ${source}` : measured(input, carried, previous, errors);
  if (needsRunning) {
    const q = partsOf(input, "q");
    const qKey = key(d, `q.${KEY}`, input.partition?.type ?? "null");
    const tKey = key(d, `t.${KEY}`, input.partition?.type ?? "null");
    const zero = doubleLiteral(d, 0);
    const message = stringLiteral(
      `population operator ${id}: a partition's sum is not a finite number, so the running sums cannot be reproduced`,
    );
    ctes.push(
      [
        `${name(":running")} AS ( -- ${id}: running sums in the share order, one sequential pass over the partitions`,
        `  SELECT r.* FROM (`,
        `    SELECT q.*, LAG(q.${RUNNING}) OVER () AS ${BEFORE} FROM (`,
        `      SELECT q.*, SUM(q.${V}) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${RUNNING} FROM (`,
        `        SELECT * FROM (`,
        `          SELECT 0 AS ${KIND}, t.${KEY}, ${zero} - COALESCE(LAG(t.${SHARE_TOTAL}) OVER (ORDER BY ${tKey} NULLS LAST), ${zero}) AS ${V} FROM ${name(":sums")} t`,
        `          UNION ALL BY NAME`,
        `          SELECT 1 AS ${KIND}, u.*, u.${M} AS ${V} FROM ${source} u WHERE u.${PART}`,
        `        ) q ORDER BY ${qKey} NULLS LAST, q.${KIND}, ${q.shareOrder}`,
        `      ) q`,
        `    ) q`,
        `  ) r`,
        // Each partition must start from exactly 0, or the sums would not be the runtime's.
        `  WHERE r.${KIND} = 1 OR (CASE WHEN r.${RUNNING} = ${zero} THEN FALSE ELSE error(${message}) END)`,
        `)`,
      ].join("\n"),
    );
    rows = `SELECT * EXCLUDE (${KIND}, ${V}) FROM ${name(":running")} UNION ALL BY NAME SELECT * FROM ${source} WHERE NOT ${PART}`;
  }
  const join = needsTotal
    ? ` LEFT JOIN ${name(":sums")} t ON s.${PART} AND t.${KEY} IS NOT DISTINCT FROM s.${KEY}`
    : "";
  ctes.push(
    [
      `${ident(id)} AS (${input.comment}`,
      `  SELECT ${columns("s", keep)},`,
      `    CASE WHEN s.${PART} THEN ${value} END AS ${ident(input.op.out)}`,
      `  FROM (${rows}) s${join}`,
      `)`,
    ].join("\n"),
  );
  return ctes.join(",\n");
}
