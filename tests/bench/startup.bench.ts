/**
 * `npm run bench -- startup`: the production build in headless Chromium on this machine. For a fresh
 * profile (first visit: seeds IndexedDB) and a second visit: time to the first rendered Explorer, time
 * until the palette answers F1, and time from opening the first rule to a focused editor; then the
 * gzipped size of every chunk. Medians of five runs, each in its own browser context.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import { chromiumArgs, chromiumPath } from "../e2e/chromium";
import { median, type BenchSection } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = 5;

async function explorerShown(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url);
  await page.getByRole("treeitem", { name: "Rules" }).waitFor();
  return Date.now() - start;
}

async function paletteAnswers(page: Page): Promise<number> {
  const start = Date.now();
  await page.keyboard.press("F1");
  await page.getByRole("listbox").getByRole("option").first().waitFor();
  const ms = Date.now() - start;
  await page.keyboard.press("Escape");
  return ms;
}

async function editorFocused(page: Page): Promise<number> {
  await page.keyboard.press("Control+P");
  await page.getByRole("combobox").fill("volume-rebate");
  const start = Date.now();
  await page.keyboard.press("Enter");
  // The rule editor is Monaco: its text area takes the focus once the editor is ready.
  await page.waitForFunction(() => document.activeElement?.closest(".monaco-editor") !== null, undefined, {
    timeout: 30_000,
  });
  return Date.now() - start;
}

function chunkRows(): BenchSection["rows"] {
  const assets = join(root, "dist", "app", "assets");
  return readdirSync(assets)
    .filter((f) => f.endsWith(".js") || f.endsWith(".css"))
    .map((f) => {
      const bytes = readFileSync(join(assets, f));
      return { name: f, "raw KB": bytes.length / 1024, "gzip KB": gzipSync(bytes).length / 1024 };
    })
    .sort((a, b) => b["gzip KB"] - a["gzip KB"]);
}

/**
 * The JavaScript a first visit downloads before anything is drawn: index.html's entry script and
 * every chunk it preloads. The bundler splits shared modules into chunks named after one of them
 * (a "SimulationView" chunk that is mostly xstate and React), so the entry chunk alone understates
 * what start-up costs; this is the figure to hold to the budget.
 */
function startupJs(chunks: BenchSection["rows"]): { files: number; gzipKb: number } {
  const html = readFileSync(join(root, "dist", "app", "index.html"), "utf8");
  const names = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const loaded = chunks.filter((c) => names.includes(String(c.name)));
  return { files: loaded.length, gzipKb: loaded.reduce((sum, c) => sum + Number(c["gzip KB"]), 0) };
}

export default async function startup(): Promise<BenchSection[]> {
  await build({ root, logLevel: "warn" });
  const server = await preview({
    root,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, open: false },
  });
  const url = `${server.resolvedUrls?.local[0] ?? "http://127.0.0.1:4173/"}?lang=en&theme=dark`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const figures = {
    first: [] as number[],
    second: [] as number[],
    palette: [] as number[],
    editor: [] as number[],
  };
  let editorError: string | undefined;
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      figures.first.push(await explorerShown(page, url));
      figures.second.push(await explorerShown(page, url));
      figures.palette.push(await paletteAnswers(page));
      try {
        figures.editor.push(await editorFocused(page));
      } catch (error) {
        editorError = error instanceof Error ? error.message.split("\n")[0] : String(error);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const row = (name: string, samples: number[], target: string) => ({
    name,
    "median ms": samples.length ? median(samples) : "n/a",
    "min ms": samples.length ? Math.min(...samples) : "n/a",
    "max ms": samples.length ? Math.max(...samples) : "n/a",
    target,
  });
  const chunks = chunkRows();
  const main = chunks.find((c) => /^index-.*\.js$/.test(c.name));
  const initial = startupJs(chunks);
  return [
    {
      title: `Start-up of the production build (headless Chromium, median of ${RUNS})`,
      rows: [
        row("first Explorer, fresh profile (seeds)", figures.first, "≤ 2,000"),
        row("first Explorer, second visit", figures.second, "≤ 1,000"),
        row("palette answers F1", figures.palette, "—"),
        row("open first rule → focused editor", figures.editor, "≤ 1,000"),
      ],
      notes: editorError ? [`editor: ${editorError}`] : [],
    },
    {
      title: "Chunks of the production build",
      rows: chunks,
      notes: [
        `entry chunk: ${main ? Number(main["gzip KB"]).toFixed(1) : "?"} KB gzipped`,
        `start-up JavaScript (entry and its ${initial.files - 1} preloaded chunks): ${initial.gzipKb.toFixed(1)} KB gzipped (target ≤ 250)`,
      ],
    },
  ];
}
