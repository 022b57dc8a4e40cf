/**
 * A case where population sums depend on the order of the additions: measures of magnitudes 10^-3
 * to 10^9 in an input order that is not the id order, zeros of both signs, missing measures and a
 * missing partition. The runtime adds in input order (totals) and in the share order (running sums);
 * the SQL must give the same doubles, with `order` naming the input-order column.
 */
import {
  preparePack,
  runPack,
  type PackContent,
  type PopulationOp,
  type PreparedPack,
  type RecordResult,
} from "../../../src/engine";
import { compilePackToSql, type DialectName } from "../../../src/engine/sql";

export const sumsSchema = {
  type: "object",
  required: ["id", "seq"],
  properties: {
    id: { type: "string" },
    seq: { type: "integer" },
    g: { type: "string" },
    x: { type: "number" },
  },
};

export interface SumRecord {
  id: string;
  seq: number;
  g?: string | null;
  x?: number | null;
}

/** `count` records in a shuffled order; deterministic. */
export function sumRecords(count: number): SumRecord[] {
  let state = 20261204;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: SumRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const x =
      r < 0.03 ? -0 : r < 0.06 ? 0 : r < 0.08 ? null : (random() - 0.2) * 10 ** Math.floor(random() * 12 - 3);
    const g = random() < 0.05 ? null : ["north", "south", "east"][Math.floor(random() * 3)]!;
    rows.push({ id: `r${String(i).padStart(6, "0")}`, seq: 0, ...(g === null ? {} : { g }), x });
  }
  // Input order is not id order: shuffle, then number the positions.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  rows.forEach((row, i) => (row.seq = i));
  return rows;
}

const ops: PopulationOp[] = [
  { id: "share", op: "cumulative_share", measure: "x", partitionBy: "g", out: "pop.share" },
  {
    id: "abc",
    op: "cumulative_share_class",
    measure: "x",
    breaks: [0.5, 0.8, 0.95],
    labels: ["A", "B", "C", "D"],
    out: "pop.abc",
  },
  { id: "sum", op: "group_stat", stat: "sum", measure: "x", partitionBy: "g", out: "pop.sum" },
  { id: "mean", op: "group_stat", stat: "mean", measure: "x", out: "pop.mean" },
  { id: "min", op: "group_stat", stat: "min", measure: "x", partitionBy: "g", out: "pop.min" },
  { id: "max", op: "group_stat", stat: "max", measure: "x", partitionBy: "g", out: "pop.max" },
  { id: "norm", op: "normalize_to_max", measure: "x", partitionBy: "g", out: "pop.norm" },
  { id: "budget", op: "budget_factor", measure: "x", budget: "params.budget", out: "pop.budget" },
  { id: "cut", op: "budget_factor", measure: "x", budget: "params.none", partitionBy: "g", out: "pop.cut" },
];

/** The operators over the records; `budget` -0 and 0 budgets give factors of both signs. */
export function sumsPack(budget = 1e9): PreparedPack {
  const content: PackContent = {
    params: {
      budget: { type: "number", default: budget },
      none: { type: "number", default: -0 },
    },
    population: ops,
    rules: [],
  };
  const prepared = preparePack(content, (_n, pointer, code, message, severity = "error") => ({
    code,
    severity,
    message,
    pointer,
  }));
  if (!prepared.pack) throw new Error(JSON.stringify(prepared.problems));
  return prepared.pack;
}

function literal(value: string | number | null | undefined, double: string, text: string): string {
  if (value === null || value === undefined)
    return `CAST(NULL AS ${typeof value === "string" ? text : double})`;
  if (typeof value === "string") return `CAST('${value}' AS ${text})`;
  return `CAST('${Object.is(value, -0) ? "-0" : String(value)}' AS ${double})`;
}

/** The records as a table, rows in id order (so the table's order is not the input order). */
export function sumsTable(rows: SumRecord[], dialect: DialectName): string {
  const double = dialect === "duckdb" ? "DOUBLE" : "DOUBLE PRECISION";
  const text = dialect === "duckdb" ? "VARCHAR" : "TEXT";
  const body = [...rows]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(
      (r) =>
        `(${[
          literal(r.id, double, text),
          literal(r.seq, double, text),
          r.g === undefined || r.g === null ? `CAST(NULL AS ${text})` : literal(r.g, double, text),
          r.x === undefined || r.x === null ? `CAST(NULL AS ${double})` : literal(r.x, double, text),
        ].join(", ")})`,
    )
    .join(",\n");
  return `(SELECT * FROM (VALUES ${body}) AS t("id", "seq", "g", "x")) AS v`;
}

export function compileSums(pack: PreparedPack, dialect: DialectName, table: string, order?: string) {
  const params = Object.fromEntries(Object.entries(pack.content.params).map(([k, s]) => [k, s.default]));
  return compilePackToSql(pack, {
    dialect,
    schema: sumsSchema,
    params,
    table,
    ...(order === undefined ? {} : { order }),
  });
}

export async function sumsReference(
  pack: PreparedPack,
  rows: SumRecord[],
): Promise<Map<unknown, RecordResult>> {
  const params = Object.fromEntries(Object.entries(pack.content.params).map(([k, s]) => [k, s.default]));
  const out = new Map<unknown, RecordResult>();
  for await (const chunk of runPack(pack, structuredClone(rows), {
    params,
    ctx: { as_of: "2024-12-31", eval_month: 12 },
  }))
    for (const r of chunk) out.set(r.id, r);
  return out;
}
