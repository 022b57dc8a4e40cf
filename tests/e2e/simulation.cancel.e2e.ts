import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { seedColumnarDataset } from "./columnarDataset";
import { expect, test } from "./fixtures";

const DATASET = "generated-1m";
const ROWS = 1_000_000;
const MANIFEST = "rules/manifests/dealer-program-1.1.0.manifest.json";

/**
 * Whether a stored column is one dealer-program 1.1.0 or its report reads: its path, or the path of
 * an object or array holding it, is named in the manifest or one of its rules (`"sales.net_ytd"`).
 */
async function readByPack(): Promise<(dotted: string) => boolean> {
  const text = await readFile(MANIFEST, "utf8");
  const files = (JSON.parse(text) as { rules: string[] }).rules.map((p) => `rules/${p.slice(3)}`);
  const all = text + (await Promise.all(files.map((file) => readFile(file, "utf8")))).join("\n");
  return (dotted) => {
    const segments = dotted.split(".");
    if (segments[0] === "id" || segments[0] === "as_of") return true;
    return segments.some((_, i) => all.includes(`"${segments.slice(0, i + 1).join(".")}"`));
  };
}

/** The command palette's input (the Simulation view's selects are comboboxes too). */
const palette = (page: Page) => page.getByPlaceholder("Type the name of a command to run.");

async function command(page: Page, title: string) {
  await page.keyboard.press("F1");
  await palette(page).fill(title);
  await page
    .getByRole("option", { name: new RegExp(`^${title}`) })
    .first()
    .click();
}

/** Milliseconds until the page runs a task posted now: how long input would wait. */
const taskDelay = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const posted = performance.now();
        setTimeout(() => resolve(performance.now() - posted), 0);
      }),
  );

test.describe("simulation over a million rows", () => {
  test.setTimeout(90_000);

  test("the page answers during the run, and Cancel (Shift+F5) stops it at once", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    // A million rows written in the app's columnar layout, as an import stores them: the columns
    // the run reads (the whole sample would be 800 MB of chunks), every chunk a copy of the first.
    await seedColumnarDataset(page, DATASET, ROWS, {
      repeatFirstChunk: true,
      keepColumn: await readByPack(),
    });
    await page.reload();
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: "longtask" });
    });

    await command(page, "Simulation: Run");
    await page
      .getByRole("option", { name: /dealer-program 1\.1\.0 \(draft\)/ })
      .first()
      .click();
    await page
      .getByRole("option", { name: new RegExp(DATASET) })
      .first()
      .click();
    // The Simulation view shows the run's progress bar (opened after picking: its selects list the
    // same packs and datasets as options).
    await page
      .getByRole("tab", { name: "Simulation" })
      .or(page.getByRole("button", { name: "Simulation" }))
      .first()
      .click();
    const progress = page.getByRole("progressbar", { name: "Simulation" });
    await expect(progress).toBeVisible();
    // Records are being read and evaluated: the bar moves.
    await expect
      .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 60_000 })
      .toBeGreaterThan(0);

    // The page keeps answering input while the workers run: the palette opens and closes.
    expect(await taskDelay(page)).toBeLessThan(250);
    await page.keyboard.press("F1");
    await expect(palette(page)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(palette(page)).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/simulation-1m-running-en-dark.png" });

    // Cancel: the bar goes and the notification says so, without waiting for the run.
    const pressed = Date.now();
    await page.keyboard.press("Shift+F5");
    await expect(page.getByText("The simulation was cancelled.")).toBeVisible({ timeout: 2_000 });
    await expect(progress).toHaveCount(0);
    const answeredMs = Date.now() - pressed;
    expect(answeredMs).toBeLessThan(2_000);
    await page.screenshot({ path: "test-results/screenshots/simulation-1m-cancelled-en-dark.png" });
    expect(await taskDelay(page)).toBeLessThan(250);
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    test.info().annotations.push({ type: "longest main-thread task (ms)", description: String(longest) });
    test.info().annotations.push({ type: "cancel answered (ms)", description: String(answeredMs) });
    // No report opened: the run was stopped, not finished.
    await expect(page.getByRole("article", { name: new RegExp(`on ${DATASET}`) })).toHaveCount(0);
  });
});
