import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { distributor } from "../../../src/platform/datasets/distributor.validator.generated.js";
import { parseCsv } from "../../../src/platform/datasets/csvParser";
import {
  importRecords,
  type ImportContext,
  type ImportOptions,
} from "../../../src/platform/datasets/importRecords";
import { sniffEncoding } from "../../../src/platform/datasets/textInput";

const schema = JSON.parse(readFileSync("samples/distributor.schema.json", "utf8")) as unknown;
const samples = JSON.parse(readFileSync("samples/distributors-300.json", "utf8")) as Record<
  string,
  unknown
>[];
const context: ImportContext = {
  schema,
  validate: (record) => (distributor(record) ? null : (distributor.errors ?? [])) as never,
};

const blob = (text: string | Uint8Array) => new Blob([text as BlobPart]);
async function collect(file: Blob, options: ImportOptions) {
  const records: unknown[] = [];
  const check = await importRecords(file, options, context, {
    records: (batch) => Promise.resolve(void records.push(...batch)),
  });
  return { check, records };
}
/** GBK bytes of `经销商,华东` (Python's "经销商,华东".encode("gbk")). */
const gbkName = Uint8Array.from(Buffer.from("beadcffac9cc2cbbaab6ab", "hex"));

describe("CSV parsing", () => {
  it("reads quotes, doubled quotes, line breaks in quotes, CRLF and a missing last line break", () => {
    expect(parseCsv('id,note\r\n1,"a, ""b"""\n2,"two\nlines"\r3,x')).toEqual([
      { fields: ["id", "note"], line: 1 },
      { fields: ["1", 'a, "b"'], line: 2 },
      { fields: ["2", "two\nlines"], line: 3 },
      { fields: ["3", "x"], line: 5 },
    ]);
  });
});

describe("encoding", () => {
  it("tells UTF-8 (with or without BOM) from GBK", () => {
    expect(sniffEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: "utf-8",
      bom: true,
    });
    expect(sniffEncoding(new TextEncoder().encode("id,名称"))).toEqual({ encoding: "utf-8", bom: false });
    expect(sniffEncoding(gbkName)).toEqual({ encoding: "gb18030", bom: false });
  });

  it("imports a GBK CSV with Chinese names, detected, and a GBK byte far into an ASCII file", async () => {
    const head = new TextEncoder().encode("id,name,region\n");
    const row = (i: number) => new TextEncoder().encode(`D-${i},`);
    const parts: Uint8Array[] = [head];
    for (let i = 0; i < 3000; i++) parts.push(new TextEncoder().encode(`A-${i},plain,x\n`));
    parts.push(row(1), gbkName, new TextEncoder().encode("\n"));
    const { check, records } = await collect(new Blob(parts as BlobPart[]), { format: "csv" });
    expect(check.detectedEncoding).toBe("gb18030");
    expect(check.valid).toBe(3001);
    expect(records.at(-1)).toEqual({ id: "D-1", name: "经销商", region: "华东" });
    // Overridden as UTF-8, it is refused with the reason instead of turning into garbage.
    const forced = await collect(new Blob(parts as BlobPart[]), { format: "csv", encoding: "utf-8" });
    expect(forced.check.fatal?.en).toMatch(/not valid UTF-8.*GB18030/);
    expect(forced.records).toEqual([]);
  });

  it("drops a UTF-8 BOM", async () => {
    const { records } = await collect(blob("\uFEFFid,n\nx,1\n"), { format: "csv" });
    expect(records).toEqual([{ id: "x", n: 1 }]);
  });
});

describe("import checks", () => {
  it("infers column kinds and nested paths from a CSV; codes with leading zeros and huge integers stay text", async () => {
    const { check, records } = await collect(
      blob(
        "id,sales.net,sales.q.0,sales.q.1,active,code,big\nA,1.5,1,2,true,0012,123456789012345678901\nB,2,3,4,false,7,1\n",
      ),
      { format: "csv" },
    );
    expect(check.schema).toBe("inferred");
    expect(check.columns.map((c) => [c.name, c.kind])).toEqual([
      ["id", "string"],
      ["sales.net", "number"],
      ["sales.q.0", "integer"],
      ["sales.q.1", "integer"],
      ["active", "boolean"],
      ["code", "string"],
      ["big", "string"],
    ]);
    expect(records[0]).toEqual({
      id: "A",
      sales: { net: 1.5, q: [1, 2] },
      active: true,
      code: "0012",
      big: "123456789012345678901",
    });
  });

  it("lists every bad row with line, column and problem in both languages, and passes on only the good ones", async () => {
    const csv = "id,amount,params\nA,1,\nB,x,\nA,3,\n,4,\nC,5,1\nD,6\nE,7,\n";
    const { check, records } = await collect(blob(csv), {
      format: "csv",
      kinds: { id: "string", amount: "number", params: "string" },
    });
    expect(check.rows).toBe(7);
    expect(check.valid).toBe(2);
    expect(check.badRows).toBe(5);
    expect(check.problems.map((p) => [p.line, p.column])).toEqual([
      [3, "amount"],
      [4, "id"],
      [5, "id"],
      [6, "params"],
      [7, undefined],
    ]);
    expect(check.problems[0]!.message).toEqual({ en: '"x" is not a number', "zh-CN": "“x”不是数字" });
    expect(check.problems[1]!.message.en).toMatch(/Duplicate id "A": line 2/);
    expect(check.problems[3]!.message["zh-CN"]).toMatch(/保留字段/);
    expect(records).toEqual([
      { id: "A", amount: 1 },
      { id: "E", amount: 7 },
    ]);
  });

  it("checks distributor records against the dataset schema, from JSON, JSONL and CSV", async () => {
    const bad = structuredClone(samples.slice(0, 5));
    (bad[1]!.profile as Record<string, unknown>).city_tier = "five";
    delete (bad[3]!.sales as Record<string, unknown>).net_ytd;
    const json = await collect(blob(JSON.stringify(bad, null, 2)), { format: "json" });
    expect(json.check.schema).toBe("distributor");
    expect(json.check.valid).toBe(3);
    expect(json.check.problems.map((p) => p.column)).toEqual(["profile.city_tier", "sales.net_ytd"]);
    expect(json.check.problems[1]!.message["zh-CN"]).toMatch(/缺少必填字段/);
    // The line each record starts on in the pretty-printed array.
    expect(json.check.problems[0]!.line).toBeGreaterThan(2);
    const jsonl = await collect(blob(bad.map((r) => JSON.stringify(r)).join("\n") + "\n{oops\n"), {
      format: "jsonl",
    });
    expect(jsonl.check.problems.map((p) => [p.line, p.column])).toEqual([
      [2, "profile.city_tier"],
      [4, "sales.net_ytd"],
      [6, undefined],
    ]);
    expect(jsonl.records).toEqual([bad[0], bad[2], bad[4]]);
    const csv = await collect(blob(readFileSync("samples/distributors-300.csv")), { format: "csv" });
    expect(csv.check.schema).toBe("distributor");
    expect(csv.check.problems.slice(0, 3)).toEqual([]);
    expect(csv.check.valid).toBe(300);
    expect(csv.records).toEqual(samples);
  });

  it("refuses a file it cannot read at all with the reason", async () => {
    expect((await collect(blob("name,x\na,1\n"), { format: "csv" })).check.fatal?.en).toMatch(/no id column/);
    expect((await collect(blob('{"id":1}'), { format: "json" })).check.fatal?.en).toMatch(/array of records/);
    expect((await collect(blob('id\n"open'), { format: "csv" })).check.fatal?.en).toMatch(/never closed/);
  });

  it("stops with an AbortError when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      importRecords(blob("id\n1\n"), { format: "csv" }, context, { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
