import "fake-indexeddb/auto";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeRows, encodeChunk } from "../../../src/platform/storage/columnar";
import {
  createDatasetRepository,
  indexedDbDatasetBackend,
  memoryDatasetBackend,
} from "../../../src/platform/storage/datasetRepository";
import { openWorkspaceDatabase } from "../../../src/platform/storage/indexedDbRepositories";
import { projectedValue, projectionTransferables } from "../../../src/platform/storage/projection";
import type { DatasetRepository } from "../../../src/platform/storage/repositories";

const samples = JSON.parse(readFileSync("samples/distributors-300.json", "utf8")) as Record<
  string,
  unknown
>[];

const key = fc.oneof(
  fc.constantFrom("id", "sales", "net_ytd", "__proto__", "0", "a.b", "名称", "", "constructor"),
  fc.string({ maxLength: 4 }),
);
const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 2 ** 53 + 2, -(2 ** 63), 1e308, Number("12345678901234567890"), Number.MIN_VALUE),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom("经销商", "😀 emoji", "", "\u0000", "=SUM(A1)"),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  ),
}));
/** Records that share a shape (typed columns) with some keys missing, and free-form ones. */
const shaped = fc.record(
  {
    id: fc.string({ maxLength: 5 }),
    sales: fc.record(
      { net_ytd: fc.double(), monthly: fc.array(fc.integer(), { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    active: fc.option(fc.boolean()),
    region: fc.constantFrom("华东", "华北", "西北"),
  },
  { requiredKeys: ["id"] },
);
const record = fc.oneof(shaped, fc.dictionary(key, value, { maxKeys: 5 }), value);

let counter = 0;
const backends: [string, () => DatasetRepository][] = [
  ["memory", () => createDatasetRepository(memoryDatasetBackend(), { chunkRows: 5 })],
  [
    "IndexedDB",
    () => {
      const name = `crw-columnar-${++counter}`;
      let db: ReturnType<typeof openWorkspaceDatabase> | undefined;
      return createDatasetRepository(
        indexedDbDatasetBackend(() => (db ??= openWorkspaceDatabase(name, () => (db = undefined)))),
        { chunkRows: 5 },
      );
    },
  ],
];

describe("columnar encoding", () => {
  it("any records, encoded and decoded, deep-equal what went in (null, missing, -0, big integers, Unicode)", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const chunk = encodeChunk(records);
        expect(decodeRows(chunk.columns, 0, records.length)).toEqual(records);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps -0, big integers and missing apart from 0, null and undefined", () => {
    const records = [{ a: -0, b: 2 ** 60 }, { a: 0, b: null }, { b: Number("12345678901234567890") }, {}];
    const chunk = encodeChunk(records);
    const out = decodeRows(chunk.columns, 0, 4) as Record<string, unknown>[];
    expect(Object.is(out[0]!.a, -0)).toBe(true);
    expect(Object.is(out[1]!.a, 0)).toBe(true);
    expect(out[2]).toEqual({ b: Number("12345678901234567890") });
    expect("a" in out[2]!).toBe(false);
    expect(out[3]).toEqual({});
    expect(chunk.columns.map((c) => [c.path, c.data.type])).toEqual([
      [["a"], "number"],
      [["b"], "number"],
      // The empty record is the empty object at the root.
      [[], "mixed"],
    ]);
  });

  it("a column whose type changes halfway keeps every earlier cell exactly (nulls, missing, -0)", () => {
    const records = [
      { n: 1.5, s: "x", b: true },
      { n: null, s: null, b: null },
      {},
      { n: -0, s: "y", b: false },
      { n: "now a string", s: 7, b: [] },
      { n: 2, s: "x", b: true },
    ];
    const chunk = encodeChunk(records);
    // The empty record is the empty object at the root, a fourth column.
    expect(chunk.columns.map((c) => c.data.type)).toEqual(["mixed", "mixed", "mixed", "mixed"]);
    const n = chunk.columns[0]!.data;
    expect(n.type === "mixed" && n.values).toEqual([1.5, null, undefined, -0, "now a string", 2]);
    expect(n.type === "mixed" && 2 in n.values).toBe(false);
    const out = decodeRows(chunk.columns, 0, records.length) as Record<string, unknown>[];
    expect(out).toEqual(records);
    expect(Object.is(out[3]!.n, -0)).toBe(true);
  });

  it("stores typed columns: exact small integers as Int32, others as Float64, strings by dictionary", () => {
    const chunk = encodeChunk(samples);
    const byPath = new Map(chunk.columns.map((c) => [c.path.join("."), c.data]));
    const tier = byPath.get("profile.city_tier");
    expect(tier?.type === "number" && tier.values).toBeInstanceOf(Int32Array);
    const share = byPath.get("profile.our_share_of_purchases");
    expect(share?.type === "number" && share.values).toBeInstanceOf(Float64Array);
    const region = byPath.get("profile.sales_region");
    expect(region?.type === "string" && region.dictionary.length).toBeLessThan(10);
    expect(byPath.get("profile.is_exclusive")?.type).toBe("boolean");
    expect(byPath.has("sales.monthly.11")).toBe(true);
    expect(decodeRows(chunk.columns, 0, samples.length)).toEqual(samples);
  });

  it("refuses functions and symbols as IndexedDB would", () => {
    expect(() => encodeChunk([{ id: 1 }, { f: () => 1 }])).toThrow(/Record 2/);
    expect(() => encodeChunk([{ s: Symbol("x") }])).toThrow();
  });
});

describe.each(backends)("columnar datasets (%s)", (_name, make) => {
  const meta = (id: string) => ({
    id,
    name: id,
    sourceFile: `${id}.json`,
    createdAt: "2024-01-01T00:00:00.000Z",
  });

  it("any dataset read back whole, or in any range across chunk boundaries, deep-equals what went in", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 23 }),
        fc.nat(25),
        fc.nat(25),
        async (records, start, count) => {
          const repos = make();
          expect(await repos.create(meta("p"), records)).toBe(true);
          expect(await repos.records("p")).toEqual(records);
          expect(await repos.records("p", { start, count })).toEqual(
            count === 0 ? [] : records.slice(start, start + count),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("projects columns over a range into transferable typed arrays", async () => {
    const repos = make();
    const rows = samples.slice(0, 12);
    await repos.create(meta("s"), rows);
    const p = await repos.columns(
      "s",
      ["sales.net_ytd", "profile.sales_region", "profile.is_exclusive", "targets.quarter_sales", "nope"],
      {
        start: 3,
        count: 8,
      },
    );
    expect(p).toMatchObject({ start: 3, rows: 8 });
    const [net, region, exclusive, quarters, nope] = p.columns;
    expect(net!.type).toBe("number");
    expect(net!.type === "number" && net!.values).toBeInstanceOf(Float64Array);
    expect(region!.type).toBe("string");
    expect(exclusive!.type).toBe("boolean");
    expect(quarters!.type).toBe("mixed");
    expect(nope!.type).toBe("null");
    for (let i = 0; i < 8; i++) {
      const r = rows[i + 3] as {
        sales: { net_ytd: number };
        profile: { sales_region: string; is_exclusive: boolean };
        targets: { quarter_sales: number[] };
      };
      expect(projectedValue(net!, i)).toBe(r.sales.net_ytd);
      expect(projectedValue(region!, i)).toBe(r.profile.sales_region);
      expect(projectedValue(exclusive!, i)).toBe(r.profile.is_exclusive);
      expect(projectedValue(quarters!, i)).toEqual(r.targets.quarter_sales);
      expect(projectedValue(nope!, i)).toBeUndefined();
    }
    const buffers = projectionTransferables(p);
    expect(buffers.length).toBeGreaterThanOrEqual(3);
    // They really transfer (detach), as postMessage would with this list.
    structuredClone(p, { transfer: buffers });
    expect(buffers[0]!.byteLength).toBe(0);
  });

  it("projects missing and null cells as bitmaps, and a column whose type changes as mixed", async () => {
    const repos = make();
    const rows = [{ v: 1 }, { v: null }, {}, { v: 2.5 }, { v: 3 }, { v: 4 }, { v: "x" }];
    await repos.create(meta("m"), rows);
    const [v] = (await repos.columns("m", ["v"], { start: 0, count: 5 })).columns;
    expect(v!.type).toBe("number");
    expect([0, 1, 2, 3, 4].map((i) => projectedValue(v!, i))).toEqual([1, null, undefined, 2.5, 3]);
    const [all] = (await repos.columns("m", ["v"])).columns;
    expect(all!.type).toBe("mixed");
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => projectedValue(all!, i))).toEqual([
      1,
      null,
      undefined,
      2.5,
      3,
      4,
      "x",
    ]);
  });

  it("streams a dataset in batches; it exists only once committed", async () => {
    const repos = make();
    const writer = await repos.begin(meta("w"));
    expect(writer).toBeDefined();
    expect(await repos.begin(meta("w"))).toBeUndefined();
    await writer!.append(samples.slice(0, 3));
    await writer!.append(samples.slice(3, 14));
    expect(await repos.list()).toEqual([]);
    expect(await repos.records("w")).toEqual([]);
    const done = await writer!.commit();
    expect(done.rowCount).toBe(14);
    expect(await repos.records("w")).toEqual(samples.slice(0, 14));
    expect((await repos.get("w"))?.rowCount).toBe(14);
    // Chunks encoded elsewhere (a worker) go in as they are; misuse ends the writer, leaving nothing.
    const chunks = await repos.begin(meta("c"));
    await chunks!.appendChunk(encodeChunk(samples.slice(0, 5)));
    await chunks!.appendChunk(encodeChunk(samples.slice(5, 7)));
    await expect(chunks!.appendChunk(encodeChunk(samples.slice(7, 8)))).rejects.toThrow(/short chunk/);
    expect(await repos.describe("c")).toBeUndefined();
    const good = await repos.begin(meta("c"));
    await good!.appendChunk(encodeChunk(samples.slice(0, 5)));
    await good!.appendChunk(encodeChunk(samples.slice(5, 7)));
    await good!.commit();
    expect(await repos.records("c")).toEqual(samples.slice(0, 7));
  });

  it("an aborted or failed stream leaves nothing, and the id can be used again", async () => {
    const repos = make();
    const writer = await repos.begin(meta("a"));
    await writer!.append(samples.slice(0, 12));
    await writer!.abort();
    expect(await repos.list()).toEqual([]);
    expect(await repos.describe("a")).toBeUndefined();
    const again = await repos.begin(meta("a"));
    await expect(again!.append([{ f: () => 1 }, ...samples.slice(0, 10)])).rejects.toThrow();
    await expect(again!.commit()).rejects.toThrow(/ended/);
    expect(await repos.list()).toEqual([]);
    expect(await repos.create(meta("a"), [{ id: 1 }])).toBe(true);
    expect(await repos.records("a")).toEqual([{ id: 1 }]);
  });

  it("describes columns with their paths and types, and renames", async () => {
    const repos = make();
    await repos.create(meta("d"), [{ id: "a", n: 1, o: { s: "x" } }]);
    expect((await repos.describe("d"))?.columns.map((c) => [c.dotted, c.type])).toEqual([
      ["id", "string"],
      ["n", "number"],
      ["o.s", "string"],
    ]);
    expect(await repos.rename("d", "Renamed")).toBe(true);
    expect((await repos.get("d"))?.name).toBe("Renamed");
    expect(await repos.rename("missing", "x")).toBe(false);
  });
});

describe("abandoned imports", () => {
  it("a writer's layout left by a closed tab is swept by the next writer after ten minutes", async () => {
    let now = new Date("2024-01-01T00:00:00.000Z");
    const backend = memoryDatasetBackend();
    const repos = createDatasetRepository(backend, { now: () => now, chunkRows: 2 });
    const meta = { id: "x", name: "x", sourceFile: "x", createdAt: now.toISOString() };
    const left = await repos.begin(meta);
    await left!.append([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(await repos.begin(meta)).toBeUndefined();
    now = new Date("2024-01-01T00:11:00.000Z");
    const next = await repos.begin(meta);
    expect(next).toBeDefined();
    await next!.append([{ b: 1 }]);
    await next!.commit();
    expect(await repos.records("x")).toEqual([{ b: 1 }]);
  });
});
