/**
 * `npm run bench -- data`: dataset import and column read-back in the production build, headless
 * Chromium on this machine. A JSONL file of flat 40-field records (ids, amounts, ratios, regions,
 * flags, dates) is imported through `Data: Import Dataset…` (check pass, then write pass, both in the
 * import worker); then a 40-column projection of every row is read back from IndexedDB the way
 * `DatasetRepository.columns` reads it (one key-range `getAll` per column). Row counts:
 * `CRW_BENCH_DATA_ROWS` (comma-separated, default `100000,1000000`). Medians of `CRW_BENCH_RUNS`
 * runs (default 3), each in a fresh browser context. Peak tab memory is the largest
 * `performance.memory.usedJSHeapSize` sampled during the import.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import { chromiumArgs, chromiumPath } from "../e2e/chromium";
import { median, type BenchSection } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const sizes = (process.env.CRW_BENCH_DATA_ROWS ?? "100000,1000000").split(",").map(Number);
const RUNS = Number(process.env.CRW_BENCH_RUNS ?? 3);
const regions = ["华东", "华北", "华南", "华中", "西北", "西南", "东北"];

/** Writes `rows` JSONL records of 40 fields, deterministic. */
function writeJsonl(path: string, rows: number): void {
  const fd = openSync(path, "w");
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const record: Record<string, unknown> = {
      id: `D-${String(i).padStart(7, "0")}`,
      region: regions[i % regions.length],
      active: i % 3 !== 0,
      since: `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`,
      sales: {},
    };
    for (let k = 0; k < 30; k++)
      (record.sales as Record<string, number>)[`m${k}`] = Math.round(next() * 1e6) / 100;
    for (let k = 0; k < 6; k++) record[`score${k}`] = Math.floor(next() * 100);
    buffer += JSON.stringify(record) + "\n";
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = "";
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}

async function importOnce(page: Page, url: string, file: string, rows: number) {
  await page.goto(url);
  await page.getByRole("button", { name: "Data", exact: true }).click();
  await page.getByRole("button", { name: "Import Dataset…", exact: true }).waitFor();
  let peak = 0;
  const sampler = setInterval(() => {
    void page
      .evaluate(
        () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
      )
      .then((used) => (peak = Math.max(peak, used)))
      .catch(() => undefined);
  }, 250);
  try {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import Dataset…", exact: true }).click();
    const start = Date.now();
    await (await chooser).setFiles(file);
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Import", exact: true }).waitFor({ timeout: 600_000 });
    const checked = Date.now();
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await dialog.waitFor({ state: "hidden", timeout: 600_000 });
    const written = Date.now();
    await page
      .getByRole("list", { name: "Datasets" })
      .getByText(`${rows.toLocaleString("en")} rows`, { exact: true })
      .waitFor();
    return { check: checked - start, write: written - checked, total: written - start, peak };
  } finally {
    clearInterval(sampler);
  }
}

/** Reads 40 columns of every row of the newest dataset as `columns()` does: one getAll per column. */
function readColumns(page: Page): Promise<{ ms: number; columns: number; bytes: number }> {
  // A string, not a function: tsx would add helpers (`__name`) that do not exist in the page.
  return page.evaluate(`(async () => {
    const done = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
    const db = await done(indexedDB.open("channel-rules-workbench"));
    const layouts = await done(db.transaction("datasetLayouts").objectStore("datasetLayouts").getAll());
    const layout = layouts.find((l) => l.datasetId !== "distributors-300");
    const start = performance.now();
    const store = db.transaction("datasetChunks").objectStore("datasetChunks");
    const columns = Math.min(40, layout.columns.length);
    const reads = await Promise.all(Array.from({ length: columns }, (_, column) =>
      done(store.getAll(IDBKeyRange.bound([layout.datasetId, column, 0], [layout.datasetId, column, Infinity])))));
    let bytes = 0;
    for (const chunks of reads) for (const chunk of chunks) bytes += (chunk.data.values?.byteLength ?? 0) + (chunk.data.codes?.byteLength ?? 0);
    const ms = performance.now() - start;
    db.close();
    return { ms, columns, bytes };
  })()`);
}

export default async function data(): Promise<BenchSection> {
  await build({ root, logLevel: "warn" });
  const server = await preview({
    root,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, open: false },
  });
  const url = `${server.resolvedUrls?.local[0] ?? "http://127.0.0.1:4173/"}?lang=en&theme=dark`;
  const dir = mkdtempSync(join(tmpdir(), "crw-bench-data-"));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, "--enable-precise-memory-info"],
  });
  const rows: BenchSection["rows"] = [];
  try {
    for (const size of sizes) {
      const file = join(dir, `flat-${size}.jsonl`);
      writeJsonl(file, size);
      const runs: { check: number; write: number; total: number; peak: number; read: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const imported = await importOnce(page, url, file, size);
        const read = await readColumns(page);
        runs.push({ ...imported, read: read.ms });
        await context.close();
      }
      const m = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
      rows.push({
        name: `${size.toLocaleString("en")} JSONL rows`,
        "check ms": m("check"),
        "write ms": m("write"),
        "import ms": m("total"),
        "read 40 cols ms": m("read"),
        "peak heap MB": Math.round(m("peak") / 1e6),
        target: size >= 1_000_000 ? "import ≤ 60,000; read ≤ 1,500" : "read ≤ 150",
      });
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: `Dataset import and column read-back (headless Chromium, median of ${RUNS})`,
    rows,
    notes: [
      "records: 40 leaf fields (id, region, flag, date, 30 amounts, 6 scores); import = check pass + write pass",
      "read: a 40-column projection of every row, one IndexedDB getAll per column (as DatasetRepository.columns)",
    ],
  };
}
