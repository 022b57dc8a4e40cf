import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SALES_REGIONS, type DistributorRecord } from "../../src/generator/index";
import { ROOT, SAMPLE_CSV, SAMPLE_JSON } from "../rules/crw";
import { nullPaths, recordValidator, schema } from "../generator/schema";

const records = JSON.parse(readFileSync(join(ROOT, SAMPLE_JSON), "utf8")) as DistributorRecord[];

/** Runs `npm run samples` (the tsx entry) with the given arguments. */
function samples(...args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/devtools/samples.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: run.status, stderr: run.stderr };
}

interface SchemaNode {
  type?: string;
  title?: string;
  "x-title-zh-CN"?: string;
  "x-unit"?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function leaves(node: SchemaNode, path: string): [string, SchemaNode][] {
  if (node.properties)
    return Object.entries(node.properties).flatMap(([k, child]) => [
      [`${path}${k}`, child] as [string, SchemaNode],
      ...leaves(child, `${path}${k}.`),
    ]);
  if (node.items) return leaves(node.items, `${path}*.`);
  return [];
}

describe("samples/distributors-300", () => {
  it("holds 300 valid records without nulls, in all seven regions", () => {
    const validate = recordValidator();
    expect(records).toHaveLength(300);
    for (const record of records) {
      expect(validate(record), `${record.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(nullPaths(record)).toEqual([]);
    }
    expect(new Set(records.map((r) => r.profile.sales_region))).toEqual(new Set(SALES_REGIONS));
    expect(new Set(records.map((r) => r.id)).size).toBe(300);
  });

  it("labels every schema field in en and zh-CN, with a unit on every number", () => {
    for (const [path, node] of leaves(schema, "")) {
      expect(node.title, path).toBeTruthy();
      expect(node["x-title-zh-CN"], path).toBeTruthy();
      if (node.type === "number" || node.type === "integer") expect(node["x-unit"], path).toBeTruthy();
    }
  });

  it("is reproduced byte for byte by the generator with its seed (JSON and CSV)", () => {
    const dir = mkdtempSync(join(tmpdir(), "crw-samples-"));
    for (const [file, out] of [
      [SAMPLE_JSON, join(dir, "s.json")],
      [SAMPLE_CSV, join(dir, "s.csv")],
    ] as const) {
      const run = samples("--count", "300", "--seed", "20241231", "--out", out);
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(readFileSync(join(ROOT, file), "utf8"));
    }
  });

  it("writes JSONL with one record per line", () => {
    const out = join(mkdtempSync(join(tmpdir(), "crw-samples-")), "s.jsonl");
    expect(samples("--count", "5", "--seed", "20241231", "--out", out).status).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(records.slice(0, 5));
  });

  it("writes the same records on worker threads (20,000 and more) as in one thread", () => {
    const dir = mkdtempSync(join(tmpdir(), "crw-samples-"));
    // Both counts give five-digit ids, so the first 10,000 lines must be identical.
    expect(samples("--count", "20000", "--seed", "7", "--out", join(dir, "parallel.jsonl")).status).toBe(0);
    expect(samples("--count", "10000", "--seed", "7", "--out", join(dir, "single.jsonl")).status).toBe(0);
    const parallel = readFileSync(join(dir, "parallel.jsonl"), "utf8").trim().split("\n");
    expect(parallel).toHaveLength(20000);
    expect(parallel.slice(0, 10000).join("\n")).toBe(readFileSync(join(dir, "single.jsonl"), "utf8").trim());
    expect((JSON.parse(parallel[19999] ?? "{}") as { id?: string }).id).toBe("D-20000");
  });

  it.each([
    [["--count", "0", "--seed", "1", "--out", "x.json"], /--count/],
    [["--count", "5", "--seed", "1", "--out", "x.txt"], /--out/],
    [["--count", "5", "--seed", "1", "--industry", "toys", "--out", "x.json"], /--industry/],
    [["--count", "5", "--seed", "1", "--as-of", "2024-13-01", "--out", "x.json"], /--as-of/],
  ])("rejects bad usage %j with exit status 2", (args, message) => {
    const run = samples(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
