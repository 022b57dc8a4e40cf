/**
 * Differential harness for the SQL target: the same pack and records through `crw eval`'s pipeline
 * and through the compiled SQL in DuckDB (and PostgreSQL, see postgres.ts), compared row by row.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRecordGenerator, csvHeader, csvHeaderLine, csvLine } from "../../../src/generator/index";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { expect } from "vitest";
import {
  compilePackToSql,
  makeRunContext,
  runPack,
  type CompiledSql,
  type DialectName,
  type PreparedPack,
  type RecordResult,
  type RunContext,
} from "../../../src/engine";
import { readRecords } from "../../../src/cli/io/records";
import { errorsText } from "../../../src/engine/pack/resultLine";
import { loadTarget } from "../../../src/cli/io/target";
import { runParams } from "../../../src/cli/commands/params";

export const SCHEMA_PATH = "samples/distributor.schema.json";
export const SAMPLE_CSV = "samples/distributors-300.csv";
export const MANIFESTS = [
  "rules/manifests/dealer-program-1.0.0.manifest.json",
  "rules/manifests/dealer-program-1.1.0.manifest.json",
];

export const sampleSchema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Record<string, unknown>;

export interface Case {
  prepared: PreparedPack;
  params: Record<string, unknown>;
  ctx: RunContext;
}

export async function loadCase(
  path: string,
  paramTexts: Record<string, string> = {},
  asOf = "2024-12-31",
): Promise<Case> {
  const target = await loadTarget(path, paramTexts);
  const params = runParams(target.prepared.content.params, paramTexts);
  const ctx = makeRunContext(asOf);
  if (!ctx.ok) throw new Error("bad date");
  return { prepared: target.prepared, params, ctx: ctx.value };
}

/** `crw eval`'s results over a data file, by id. */
export async function reference(c: Case, data: string | unknown[]): Promise<Map<unknown, RecordResult>> {
  const records =
    typeof data === "string" ? readRecords(data, sampleSchema) : data.map((r) => structuredClone(r));
  const results = new Map<unknown, RecordResult>();
  for await (const chunk of runPack(c.prepared, records, { params: c.params, ctx: c.ctx })) {
    for (const r of chunk) results.set(r.id, r);
  }
  return results;
}

export function compile(
  c: Case,
  dialect: DialectName,
  schema: unknown = sampleSchema,
  table = "records",
): CompiledSql {
  return compilePackToSql(c.prepared, {
    dialect,
    schema: schema as never,
    params: c.params,
    ctx: c.ctx,
    table,
  });
}

let instance: Promise<DuckDBConnection> | undefined;
export function duck(): Promise<DuckDBConnection> {
  // One thread: the test machine is shared, and DuckDB's threads only contend there.
  instance ??= DuckDBInstance.create(":memory:", { threads: "1" }).then((db) => db.connect());
  return instance;
}

export type Row = Record<string, unknown>;

export async function duckRows(sql: string): Promise<Row[]> {
  const connection = await duck();
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS();
}

/** A number as the comparison shows it: -0 apart from 0. */
function shown(value: unknown): unknown {
  return Object.is(value, -0) ? "-0" : value;
}

/**
 * Compares SQL rows with `crw eval` results: every out and pop value identical (Object.is, so -0 is
 * not 0 and no last bit may differ), and the errors text exactly as `crw eval` writes it.
 */
export function compareRows(rows: Row[], expected: Map<unknown, RecordResult>): { compared: number } {
  expect(rows.length).toBe(expected.size);
  for (const row of rows) {
    const want = expected.get(row.id);
    expect(want, `id ${String(row.id)}`).toBeDefined();
    const w = want!;
    for (const [group, values] of [
      ["out", w.out],
      ["pop", w.pop],
    ] as const) {
      for (const [name, value] of Object.entries(values)) {
        const got = row[`${group}.${name}`] ?? null;
        if (!Object.is(got, value ?? null)) {
          expect({ id: row.id, [group]: name, value: shown(got) }).toEqual({
            id: row.id,
            [group]: name,
            value: shown(value),
          });
        }
      }
    }
    // The errors text exactly as crw eval writes it: rule, code and message.
    if (row.errors !== errorsText(w.errors))
      expect({ id: row.id, errors: row.errors }).toEqual({ id: row.id, errors: errorsText(w.errors) });
  }
  return { compared: rows.length };
}

/** Generated records (`npm run samples`' generator) written as CSV, as `crw eval --data` reads them. */
export function writeGenerated(dir: string, count: number, seed: number): string {
  const generate = createRecordGenerator({ seed, asOf: "2024-12-31", industry: "mixed", idWidth: 6 });
  const first = generate(0);
  const columns = csvHeader(first);
  const lines = [csvHeaderLine(columns)];
  for (let i = 0; i < count; i++) lines.push(csvLine(i === 0 ? first : generate(i), columns));
  const path = join(dir, `generated-${seed}-${count}.csv`);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}
