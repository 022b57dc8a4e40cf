/**
 * `npm run bench -- simulation`: dealer-program 1.1.0 over 100,000 records (CRW_BENCH_SIM_RECORDS),
 * in the production build in headless Chromium: from `Simulation: Run` (records in IndexedDB) to the
 * rendered report, with the longest main-thread task during the run (PerformanceObserver
 * `longtask`); then the same pack over the same records through `crw eval` for the ratio. The records
 * are the 300-record sample repeated with new ids (`D-0001` → `D-0001-000042`), written to IndexedDB
 * in the page in the app's columnar layout (tests/e2e/columnarDataset.ts) and to a JSONL file for
 * the CLI, so both read the same data. CRW_BENCH_SIM_RUNS sets the number of runs;
 * CRW_BENCH_SIM_PROFILE=<file> writes the page's (main thread's) CPU profile of the first run.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import { chromiumArgs, chromiumPath } from "../e2e/chromium";
import { replicate, sampleRecords, seedColumnarDataset } from "../e2e/columnarDataset";
import { median, type BenchSection } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RECORDS = Number(process.env.CRW_BENCH_SIM_RECORDS ?? 100_000);
const RUNS = Number(process.env.CRW_BENCH_SIM_RUNS ?? 3);
const MANIFEST = "rules/manifests/dealer-program-1.1.0.manifest.json";
const DATASET = `bench-${RECORDS}`;
/** A file to write the page's CPU profile of the first run to (Chrome DevTools `.cpuprofile`). */
const PROFILE = process.env.CRW_BENCH_SIM_PROFILE;

async function runOnce(page: Page, profile?: string): Promise<{ ms: number; longest: number }> {
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  const cdp = profile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.start");
  }
  await page.keyboard.press("F1");
  await page.getByRole("combobox").fill("Simulation: Run");
  await page
    .getByRole("option", { name: /^Simulation: Run/ })
    .first()
    .click();
  await page
    .getByRole("option", { name: /dealer-program 1\.1\.0/ })
    .first()
    .click();
  const option = page.getByRole("option", { name: new RegExp(DATASET) }).first();
  await option.waitFor();
  const start = Date.now();
  await option.click();
  await page
    .getByRole("article", { name: new RegExp(`dealer-program 1\\.1\\.0 on ${DATASET}`) })
    .getByRole("region", { name: "Headline" })
    .waitFor({ timeout: 600_000 });
  const ms = Date.now() - start;
  if (cdp && profile) {
    const { profile: data } = await cdp.send("Profiler.stop");
    await writeFile(profile, JSON.stringify(data));
    await cdp.detach();
  }
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  await page.keyboard.press("Control+W");
  return { ms, longest };
}

export default async function simulation(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), "crw-sim-bench-"));
  const sample = sampleRecords();
  const data = join(dir, "data.jsonl");
  const lines: string[] = [];
  for (let i = 0; i < RECORDS; i++) lines.push(JSON.stringify(replicate(sample, i)));
  await writeFile(data, lines.join("\n") + "\n");
  lines.length = 0;

  await build({ root, logLevel: "warn" });
  const server = await preview({
    root,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, open: false },
  });
  const url = `${server.resolvedUrls?.local[0] ?? "http://127.0.0.1:4173/"}?lang=en&theme=dark`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const browserMs: number[] = [];
  const longest: number[] = [];
  const cliMs: number[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // tsx (esbuild keepNames) wraps named functions in __name(); the page functions need it defined.
    await context.addInitScript("globalThis.__name = (f) => f;");
    await context.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: "longtask", buffered: false });
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("treeitem", { name: "Rules" }).waitFor();
    await seedColumnarDataset(page, DATASET, RECORDS);
    await page.reload();
    await page.getByRole("treeitem", { name: "Rules" }).waitFor();
    for (let i = 0; i < RUNS; i++) {
      const r = await runOnce(page, i === 0 ? PROFILE : undefined);
      browserMs.push(r.ms);
      longest.push(r.longest);
      const started = Date.now();
      const cli = spawnSync(process.execPath, ["dist/cli/crw.mjs", "eval", MANIFEST, "--data", data], {
        cwd: root,
        stdio: ["ignore", "ignore", "pipe"],
        encoding: "utf8",
      });
      cliMs.push(Date.now() - started);
      if (cli.status !== 0 && cli.status !== 1) throw new Error(`crw eval failed: ${cli.stderr}`);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  const b = median(browserMs);
  const c = median(cliMs);
  return {
    title: `Simulation: dealer-program 1.1.0 over ${RECORDS.toLocaleString("en")} records (median of ${RUNS})`,
    rows: [
      {
        name: "browser: IndexedDB → rendered report",
        "median ms": b,
        "min ms": Math.min(...browserMs),
        "max ms": Math.max(...browserMs),
        target: RECORDS <= 100_000 ? "≤ 1,500 (goal 1,000)" : "≤ 15,000",
      },
      {
        name: "longest main-thread task during the run",
        "median ms": median(longest),
        "min ms": Math.min(...longest),
        "max ms": Math.max(...longest),
        target: "≤ 100",
      },
      {
        name: "crw eval, same pack and JSONL data",
        "median ms": c,
        "min ms": Math.min(...cliMs),
        "max ms": Math.max(...cliMs),
        target: "—",
      },
      {
        name: "ratio browser / crw eval",
        "median ms": Number((b / c).toFixed(2)),
        "min ms": "",
        "max ms": "",
        target: "≤ 1",
      },
    ],
    notes: [],
  };
}
