import { describe, expect, it } from "vitest";
import { createMemoryRepositories } from "../../../src/platform";
import { csvCell, exportDataset } from "../../../src/platform/datasets/exportDataset";
import { importRecords } from "../../../src/platform/datasets/importRecords";

describe("dataset export", () => {
  it("neutralises text cells that a spreadsheet would run as a formula; numbers stay numbers", () => {
    expect(["=SUM(A1)", "+1", "-x", "@cmd", "\tx", "\rx"].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-x",
      "'@cmd",
      "'\tx",
      '"\'\rx"',
    ]);
    expect([-80, 1.5, true, null, undefined, 'say "hi", ok', { a: 1 }].map(csvCell)).toEqual([
      "-80",
      "1.5",
      "true",
      "",
      "",
      '"say ""hi"", ok"',
      '"{""a"":1}"',
    ]);
  });

  it("writes CSV with a BOM and dotted headers, and JSONL, that import back to the same records", async () => {
    const repos = createMemoryRepositories();
    const records = [
      { id: "A", name: "经销商", sales: { net: 1.5, q: [1, 2] } },
      { id: "B", name: "x,y", sales: { net: -2, q: [3, 4] } },
    ];
    await repos.datasets.create({ id: "d", name: "d", sourceFile: "d", createdAt: "t" }, records);
    const bytes = new Uint8Array(
      await new Blob((await exportDataset(repos.datasets, "d", "csv")).parts).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(csv).toBe('\uFEFFid,name,sales.net,sales.q.0,sales.q.1\r\nA,经销商,1.5,1,2\r\nB,"x,y",-2,3,4\r\n');
    const jsonl = await new Blob((await exportDataset(repos.datasets, "d", "jsonl")).parts).text();
    expect(
      jsonl
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(records);
    const back: unknown[] = [];
    const context = { schema: {}, validate: () => null };
    await importRecords(new Blob([csv]), { format: "csv" }, context, {
      records: (batch) => Promise.resolve(void back.push(...batch)),
    });
    expect(back).toEqual(records);
  });
});
