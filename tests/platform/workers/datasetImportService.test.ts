import "fake-indexeddb/auto";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createMemoryRepositories } from "../../../src/platform";
import { readSheet } from "../../../src/platform/datasets/xlsx";
import { ackQueue, CHUNKS_IN_FLIGHT, handleImport } from "../../../src/platform/workers/datasetImportHandler";
import type { ImportReply, ImportRequest } from "../../../src/platform/workers/datasetImportProtocol";
import {
  createDatasetImportService,
  type ImportWorkerLike,
} from "../../../src/platform/workers/datasetImportService";

/** A worker that runs the real handler in this thread, message for message. */
function inThreadWorker(): ImportWorkerLike & { terminated: boolean; maxInFlight: number } {
  const acks = ackQueue();
  let unacknowledged = 0;
  const worker: ImportWorkerLike & { terminated: boolean; maxInFlight: number } = {
    terminated: false,
    maxInFlight: 0,
    onmessage: null,
    onerror: null,
    terminate() {
      worker.terminated = true;
    },
    postMessage(request: ImportRequest) {
      if (request.type === "ack") {
        unacknowledged--;
        acks.received();
        return;
      }
      const post = (reply: ImportReply) => {
        if (reply.type === "chunk") worker.maxInFlight = Math.max(worker.maxInFlight, ++unacknowledged);
        if (!worker.terminated)
          setTimeout(() => worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent<ImportReply>));
      };
      void handleImport(request, post, acks.next).catch((error: unknown) =>
        post({ type: "error", message: String(error) }),
      );
    },
  };
  return worker;
}

const meta = { id: "imp", name: "imp", sourceFile: "imp.csv", createdAt: "2024-01-01T00:00:00.000Z" };

function csv(rows: number): Blob {
  const lines = ["id,amount,region"];
  for (let i = 0; i < rows; i++) lines.push(`D-${i},${i * 1.5},${i % 2 ? "华东" : "华北"}`);
  lines.splice(5, 0, "bad,x,y");
  return new Blob([lines.join("\n")]);
}

describe("dataset import service", () => {
  it("keeps an ack that arrives before the write waits for it", async () => {
    const acks = ackQueue();
    acks.received();
    acks.received();
    await acks.next();
    await acks.next();
    let third = false;
    void acks.next().then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    acks.received();
    await Promise.resolve();
    expect(third).toBe(true);
  });

  it("checks, then writes exactly the valid rows through a writer, chunk by chunk", async () => {
    const workers: ReturnType<typeof inThreadWorker>[] = [];
    const service = createDatasetImportService(() => {
      workers.push(inThreadWorker());
      return workers.at(-1)!;
    });
    const repos = createMemoryRepositories();
    const file = csv(40_000);
    const seen: number[] = [];
    const check = await service.check(file, { format: "csv" }, { progress: (f) => seen.push(f) });
    // "x" in one row makes the amounts text; the user corrects the column to number.
    expect(check).toMatchObject({ rows: 40_001, valid: 40_001, badRows: 0 });
    expect(check.columns.map((c) => c.kind)).toEqual(["string", "string", "string"]);
    const corrected = await service.check(file, {
      format: "csv",
      kinds: { id: "string", amount: "number", region: "string" },
    });
    expect(corrected).toMatchObject({ valid: 40_000, badRows: 1 });
    expect(corrected.problems).toEqual([
      { line: 6, column: "amount", message: { en: '"x" is not a number', "zh-CN": "“x”不是数字" } },
    ]);
    expect(seen.at(-1)).toBe(1);
    const writer = (await repos.datasets.begin(meta))!;
    const written = await service.write(
      file,
      { format: "csv", kinds: { id: "string", amount: "number", region: "string" } },
      writer,
    );
    await writer.commit();
    expect(written.valid).toBe(40_000);
    // Three chunks, never more than CHUNKS_IN_FLIGHT sent and not yet stored.
    expect(workers.at(-1)!.maxInFlight).toBeGreaterThan(0);
    expect(workers.at(-1)!.maxInFlight).toBeLessThanOrEqual(CHUNKS_IN_FLIGHT);
    expect((await repos.datasets.get("imp"))?.rowCount).toBe(40_000);
    expect(await repos.datasets.records("imp", { start: 39_999, count: 1 })).toEqual([
      { id: "D-39999", amount: 39_999 * 1.5, region: "华东" },
    ]);
  });

  it("a cancelled write rejects with AbortError; aborting the writer leaves nothing", async () => {
    const service = createDatasetImportService(inThreadWorker);
    const repos = createMemoryRepositories();
    const writer = (await repos.datasets.begin(meta))!;
    const controller = new AbortController();
    const writing = service.write(csv(60_000), { format: "csv" }, writer, {
      signal: controller.signal,
      progress: () => controller.abort(),
    });
    await expect(writing).rejects.toMatchObject({ name: "AbortError" });
    await writer.abort();
    expect(await repos.datasets.list()).toEqual([]);
    expect(await repos.datasets.describe("imp")).toBeUndefined();
    expect(await repos.datasets.begin(meta)).toBeDefined();
  });
});

describe("XLSX", () => {
  const sheetXml = (rows: string) =>
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  const book = () =>
    new Blob([
      zipSync({
        "xl/workbook.xml": strToU8(
          '<workbook><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/></sheets></workbook>',
        ),
        "xl/_rels/workbook.xml.rels": strToU8(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>',
        ),
        "xl/sharedStrings.xml": strToU8(
          "<sst><si><t>id</t></si><si><r><t>经销</t></r><r><t>商 &amp; Co</t></r></si><si><t>when</t></si></sst>",
        ),
        "xl/styles.xml": strToU8(
          '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
        ),
        "xl/worksheets/sheet1.xml": strToU8(
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>read me</t></is></c></row>'),
        ),
        "xl/worksheets/sheet2.xml": strToU8(
          sheetXml(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>ok</t></is></c></row>' +
              '<row r="3"><c r="A3"><v>7</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" s="1"><v>45292</v></c><c r="D3" t="b"><v>1</v></c></row>' +
              '<row r="4"><c r="A4" t="str"><v>X-2</v></c><c r="D4" t="b"><v>0</v></c></row>',
          ),
        ),
      }),
    ]);

  it("reads the chosen sheet: shared, rich and inline strings, numbers, dates, booleans, gaps", async () => {
    const first = await readSheet(book(), undefined);
    expect(first).toMatchObject({ sheets: ["说明", "Data"], sheet: "说明" });
    const data = await readSheet(book(), "Data");
    expect(data.rows).toEqual([
      { row: 1, cells: ["id", "name", "when", "ok"] },
      { row: 3, cells: [7, "经销商 & Co", "2024-01-01", true] },
      { row: 4, cells: ["X-2", null, null, false] },
    ]);
    await expect(readSheet(book(), "Nope")).rejects.toThrow(/no worksheet "Nope"/);
    await expect(readSheet(new Blob(["not a zip"]), undefined)).rejects.toThrow(/not a zip/);
  });

  it("imports a sheet with sheet row numbers in the report", async () => {
    const service = createDatasetImportService(inThreadWorker);
    const check = await service.check(book(), {
      format: "xlsx",
      sheet: "Data",
      kinds: { id: "integer", name: "string", when: "string", ok: "boolean" },
    });
    expect(check).toMatchObject({ sheet: "Data", rows: 2, valid: 1, badRows: 1 });
    expect(check.problems[0]).toMatchObject({ line: 4, column: "id" });
  });
});
