import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { crw } from "./run";

const MANIFEST = "rules/manifests/dealer-program-1.1.0.manifest.json";
const SCHEMA = "samples/distributor.schema.json";
const CSV = resolve("samples/distributors-300.csv");
const REFUSED = "tests/cli/fixtures/sql/refused.manifest.json";

async function duck(sql: string, values?: (number | string | boolean)[]): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJS();
}

interface Line {
  id: string;
  out: Record<string, unknown>;
  pop: Record<string, unknown>;
  errors: { rule: string; code: string; message: string }[];
}

function evalLines(stdout: string): Map<string, Line> {
  const lines = stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);
  return new Map(lines.map((l) => [l.id, l]));
}

/** Every out and pop value identical to crw eval's line (JSON numbers: -0 is written 0), and its errors. */
function expectSame(rows: Record<string, unknown>[], expected: Map<string, Line>): void {
  expect(rows.length).toBe(expected.size);
  const json = (v: unknown) => (v === 0 ? 0 : (v ?? null));
  for (const row of rows) {
    const want = expected.get(row.id as string)!;
    for (const [k, v] of Object.entries(want.out))
      expect([row.id, k, json(row[`out.${k}`])]).toEqual([row.id, k, v]);
    for (const [k, v] of Object.entries(want.pop))
      expect([row.id, k, json(row[`pop.${k}`])]).toEqual([row.id, k, v]);
    // The errors as crw eval writes them: rule, code and message.
    expect([row.id, JSON.parse(row.errors as string)]).toEqual([row.id, want.errors]);
  }
}

describe("crw sql", () => {
  it("prints one DuckDB statement whose rows are crw eval's results", async () => {
    const table = `read_csv('${CSV}', header = true, all_varchar = true)`;
    const [sql, ev] = await Promise.all([
      crw(
        "sql",
        MANIFEST,
        "--dialect",
        "duckdb",
        "--schema",
        SCHEMA,
        "--as-of",
        "2024-12-31",
        "--table",
        table,
      ),
      crw("eval", MANIFEST, "--data", CSV, "--schema", SCHEMA, "--as-of", "2024-12-31"),
    ]);
    expect(sql.code, sql.stderr).toBe(0);
    expect(sql.stdout).toMatch(/^WITH\n"crw:input" AS \(/);
    // One CTE per step, named after the rule, with the rule's title as a comment.
    expect(sql.stdout).toContain('"volume-rebate" AS ( -- Tiered retroactive volume rebate');
    expect(sql.stdout).toContain(
      '"abc" AS ( -- cumulative_share_class: ABC class by cumulative share of net sales',
    );
    expectSame(await duck(sql.stdout.replace(/;\n$/, "")), evalLines(ev.stdout));
  });

  it("writes --param values in as literals, or as $n placeholders with --placeholders", async () => {
    const table = `read_csv('${CSV}', header = true, all_varchar = true)`;
    const common = ["--dialect", "duckdb", "--schema", SCHEMA, "--as-of", "2024-12-31", "--table", table];
    const [literal, bound, ev] = await Promise.all([
      crw("sql", MANIFEST, ...common, "--param", "attainment_gate=0.7"),
      crw("sql", MANIFEST, ...common, "--param", "attainment_gate=0.7", "--placeholders"),
      crw(
        "eval",
        MANIFEST,
        "--data",
        CSV,
        "--schema",
        SCHEMA,
        "--as-of",
        "2024-12-31",
        "--param",
        "attainment_gate=0.7",
      ),
    ]);
    expect(literal.code, literal.stderr).toBe(0);
    expect(bound.code, bound.stderr).toBe(0);
    expect(bound.stdout).toContain("CAST($1 AS DOUBLE)");
    const binding = /bind (.*)\n/.exec(bound.stderr)![1]!;
    const values = [...binding.matchAll(/\$\d+ = params\.\w+ \(([^)]*)\)/g)].map(
      (m) => JSON.parse(m[1]!) as number,
    );
    expect(binding).toContain("params.attainment_gate (0.7)");
    const expected = evalLines(ev.stdout);
    expectSame(await duck(literal.stdout.replace(/;\n$/, "")), expected);
    expectSame(await duck(bound.stdout.replace(/;\n$/, ""), values), expected);
  });

  it("the errors column holds crw eval's errors: rule, code and message (value quoted as crw eval quotes it)", async () => {
    const pack = "tests/engine/sql/fixtures/errors/errors.manifest.json";
    const table = `read_csv('${CSV}', header = true, all_varchar = true)`;
    const [sql, ev] = await Promise.all([
      crw("sql", pack, "--dialect", "duckdb", "--schema", SCHEMA, "--table", table),
      crw("eval", pack, "--data", CSV, "--schema", SCHEMA),
    ]);
    expect(sql.code, sql.stderr).toBe(0);
    const expected = evalLines(ev.stdout);
    const codes = new Set([...expected.values()].flatMap((l) => l.errors.map((e) => e.code)));
    // Every kind of record error crw eval gives is in the case.
    expect([...codes].sort()).toEqual([
      "output/enum",
      "output/max",
      "output/min",
      "output/not-finite",
      "output/not-integer",
      "output/type",
      "rule/upstream",
    ]);
    expectSame(await duck(sql.stdout.replace(/;\n$/, "")), expected);
  });

  it("--order names the input-order column: population sums add as crw eval adds over that file", async () => {
    // The sample in reverse id order: summed in id order, some population values differ in the last bits.
    const dir = mkdtempSync(join(tmpdir(), "crw-sql-order-"));
    try {
      const [header, ...lines] = readFileSync(CSV, "utf8").trimEnd().split("\n");
      const reversed = join(dir, "reversed.csv");
      writeFileSync(reversed, [header, ...lines.reverse()].join("\n") + "\n");
      const table = `(SELECT *, row_number() OVER () AS seq FROM read_csv('${reversed}', header = true, all_varchar = true))`;
      const common = ["--dialect", "duckdb", "--schema", SCHEMA, "--as-of", "2024-12-31", "--table", table];
      const [ordered, byId, ev] = await Promise.all([
        crw("sql", MANIFEST, ...common, "--order", "seq"),
        crw("sql", MANIFEST, ...common),
        crw("eval", MANIFEST, "--data", reversed, "--schema", SCHEMA, "--as-of", "2024-12-31"),
      ]);
      expect(ordered.code, ordered.stderr).toBe(0);
      const expected = evalLines(ev.stdout);
      expectSame(await duck(ordered.stdout.replace(/;\n$/, "")), expected);
      const idRows = await duck(byId.stdout.replace(/;\n$/, ""));
      const differs = idRows.some((row) =>
        Object.entries(expected.get(row.id as string)!.pop).some(([k, v]) => row[`pop.${k}`] !== v),
      );
      expect(differs).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses what it cannot translate exactly, naming the file, place, rule and reason (exit 1)", async () => {
    const run = await crw("sql", REFUSED, "--dialect", "postgres", "--schema", SCHEMA);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /loose\.rule\.json:7:\d+: No exact SQL translation for rule loose: loose `==` between string and number converts types in ways SQL does not; use `===`\. \[sql\/untranslatable\]/,
    );
  });

  it("needs --as-of when the pack reads ctx, and a known dialect (exit 2)", async () => {
    const noDate = await crw("sql", MANIFEST, "--dialect", "duckdb", "--schema", SCHEMA);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain("pass --as-of YYYY-MM-DD");
    const badDialect = await crw("sql", MANIFEST, "--dialect", "oracle");
    expect(badDialect.code).toBe(2);
  });

  it("without --schema refuses record fields and says to pass it", async () => {
    const run = await crw("sql", MANIFEST, "--dialect", "duckdb", "--as-of", "2024-12-31");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("give the dataset schema (--schema)");
    expect(run.stderr).toContain("pass --schema");
  });
});

describe("crw validate --target sql", () => {
  it("reports the refusals of crw sql ahead of time, in validate's format", async () => {
    const run = await crw("validate", "--target", "sql", "--schema", SCHEMA, REFUSED);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /loose\.rule\.json:7:\d+ error sql\/untranslatable No exact SQL translation for rule loose: loose `==`/,
    );
  });

  it("checks a bare rule file too, with crw sql's refusal messages at the same place", async () => {
    const rule = "tests/cli/fixtures/sql/loose.rule.json";
    const [validate, sql] = await Promise.all([
      crw("validate", "--target", "sql", "--schema", SCHEMA, rule),
      crw("sql", rule, "--dialect", "duckdb", "--schema", SCHEMA),
    ]);
    expect(sql.code).toBe(1);
    expect(validate.code).toBe(1);
    // crw sql: `file:line:col: message [code]`; validate: `file:line:col error code message`.
    const refused =
      /^(.*loose\.rule\.json:\d+:\d+): (No exact SQL translation for rule loose: .*) \[sql\/untranslatable\]$/m.exec(
        sql.stderr,
      );
    expect(refused, sql.stderr).not.toBeNull();
    expect(validate.stdout).toContain(`${refused![1]} error sql/untranslatable ${refused![2]}`);
    // Both dialects refuse it: reported once, without a dialect.
    expect(validate.stdout.match(/sql\/untranslatable/g)).toHaveLength(1);
  });

  it("is clean for the sample packs with the sample schema", async () => {
    const run = await crw(
      "validate",
      "--target",
      "sql",
      "--schema",
      SCHEMA,
      ...[MANIFEST, "rules/manifests/dealer-program-1.0.0.manifest.json"],
    );
    expect(run.stdout).not.toContain("sql/untranslatable");
    expect(run.code).toBe(0);
  });
});
