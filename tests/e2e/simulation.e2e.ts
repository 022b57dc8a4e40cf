import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

const MANIFEST = (v: string) => `rules/manifests/dealer-program-${v}.manifest.json`;

/** `crw eval` on the same files the workbench seeded, run by the test. */
function crwEval(version: string): string {
  const run = spawnSync(
    process.execPath,
    ["dist/cli/crw.mjs", "eval", MANIFEST(version), "--data", "samples/distributors-300.json"],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

async function command(page: Page, title: string) {
  await page.keyboard.press("F1");
  // In the dialog: the Simulation view's selects are comboboxes too.
  await page.getByRole("dialog").getByRole("combobox").fill(title);
  await page
    .getByRole("dialog")
    .getByRole("option", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")}`) })
    .first()
    .click();
}

async function pick(page: Page, name: RegExp) {
  await page.getByRole("dialog").getByRole("option", { name }).first().click();
}

const report = (page: Page) => page.getByRole("article");

test.describe("simulation", () => {
  test.setTimeout(240_000);

  test("run from the palette, export JSONL equal to crw eval, compare 1.1.0 with 1.0.0, reopen after reload", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();

    // Simulation: Run asks for the pack (drafts as "<name> <version> (draft)") and the dataset.
    await command(page, "Simulation: Run");
    await pick(page, /dealer-program 1\.1\.0 \(draft\)/);
    await pick(page, /distributors-300/);
    const headline = report(page).getByRole("region", { name: "Headline" });
    await expect(headline).toBeVisible({ timeout: 60_000 });
    await expect(headline).toContainText("Total cost");
    await expect(report(page).getByRole("region", { name: "Eligibility funnel" })).toContainText(
      "Collection gate",
    );
    await expect(report(page).getByRole("grid", { name: "Every record" })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/simulation-report-en-dark.png" });
    expect(await seriousViolations(page, ".report"), "report").toEqual([]);

    // Export Results as JSONL: the lines crw eval writes for the same pack and data.
    const download = page.waitForEvent("download");
    await command(page, "Simulation: Export Results as JSONL");
    const file = await download;
    expect(file.suggestedFilename()).toBe("distributors-300.dealer-program-1.1.0.results.jsonl");
    const exported = (await readFile(await file.path(), "utf8")).split("\n");
    const expected = crwEval("1.1.0").split("\n");
    expect(exported.length).toBe(expected.length);
    exported.forEach((line, i) => expect(line, `line ${i + 1}`).toBe(expected[i]));

    // The grid sorts and filters; Total cost and the grid's values are CNY.
    const grid = report(page).getByRole("grid", { name: "Every record" });
    await report(page).getByRole("searchbox", { name: "Filter records" }).fill("D-0001");
    await expect(report(page).getByText("1 of 300 records")).toBeVisible();
    await expect(grid.getByRole("row")).toHaveCount(2);
    await expect(grid).toContainText("¥");

    // Compare with Baseline: 1.0.0 (current) against 1.1.0 (proposal) over the sample.
    await command(page, "Simulation: Compare with Baseline");
    await pick(page, /dealer-program 1\.0\.0 \(draft\)/);
    await pick(page, /dealer-program 1\.1\.0 \(draft\)/);
    await pick(page, /distributors-300/);
    const compare = page.getByRole("article", {
      name: /Compare: dealer-program 1\.0\.0 → dealer-program 1\.1\.0/,
    });
    await expect(compare).toBeVisible({ timeout: 90_000 });
    const winners = compare.getByRole("table", { name: "Winners: The ten biggest" });
    const losers = compare.getByRole("table", { name: "Losers: The ten biggest" });
    await expect(winners.getByRole("row")).toHaveCount(11);
    await expect(losers.getByRole("row")).toHaveCount(11);
    // The rule library: A-class cash collapses into terminal support budget.
    const components = compare.getByRole("table", { name: "Table of Cost change" });
    await expect(components.getByRole("row", { name: /Cash rebate/ })).toContainText("-¥");
    await expect(compare.getByText(/Transition cushion/)).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/simulation-compare-en-dark.png" });
    expect(await seriousViolations(page, ".report"), "compare").toEqual([]);

    // Runs are kept: after a reload the Simulation view lists them and reopens a report as it was.
    await page.goto("/?lang=zh-CN&theme=light");
    await page
      .getByRole("tree", { name: "工作区" })
      .waitFor()
      .catch(() => undefined);
    await page
      .getByRole("tab", { name: "模拟" })
      .or(page.getByRole("button", { name: "模拟" }))
      .first()
      .click();
    const open = page.getByRole("button", { name: /打开 dealer-program 1\.1\.0/ }).first();
    await expect(open).toBeVisible();
    await open.click();
    await expect(page.getByRole("region", { name: "总览" }).first()).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/simulation-report-zh-CN-light.png" });
  });

  test("report charts are uPlot charts named for assistive technology, each with its table; compare says who moved and why", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=light");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    await command(page, "Simulation: Run");
    await pick(page, /dealer-program 1\.1\.0 \(draft\)/);
    await pick(page, /distributors-300/);
    const distribution = report(page).getByRole("region", { name: "Distribution" });
    await expect(distribution).toBeVisible({ timeout: 60_000 });
    // By region, tier and ABC class: a chart (an image with a name, drawn by uPlot on a canvas) and
    // the table of the same numbers under it.
    for (const name of ["Region", "Program tier", "ABC class"]) {
      const chart = distribution.getByRole("img", { name: `Chart of ${name}` });
      await expect(chart.locator(".uplot canvas")).toHaveCount(1);
      await expect(distribution.getByRole("table", { name: `Table of ${name}` })).toBeVisible();
    }
    const region = distribution.getByRole("table", { name: "Table of Region" });
    await expect(region.getByRole("row")).toHaveCount(8);
    // Concentration: the top 10 % against the rest, as a chart and a table.
    await expect(distribution.getByRole("img", { name: "Chart of Payout concentration" })).toBeVisible();
    const concentration = distribution.getByRole("table", { name: "Table of Payout concentration" });
    await expect(concentration.getByRole("row", { name: /Top 10 % \(30\)/ })).toBeVisible();
    // A histogram per numeric output, each with its table.
    const histograms = report(page).getByRole("region", { name: "Histograms" });
    await expect(
      histograms
        .getByRole("img", { name: /^Chart of / })
        .first()
        .locator("canvas"),
    ).toHaveCount(1);
    expect(await histograms.getByRole("img", { name: /^Chart of / }).count()).toBe(
      await histograms.getByRole("table", { name: /^Table of /, includeHidden: true }).count(),
    );
    await page.screenshot({ path: "test-results/screenshots/simulation-report-charts-en-light.png" });

    // One pack, two parameter sets: the Simulation view's override for 1.1.0 is the candidate's.
    await page.getByRole("button", { name: "Simulation", exact: true }).click();
    await page.locator("form select").first().selectOption({ label: "dealer-program 1.1.0 (draft)" });
    await page.getByText("Parameter overrides").click();
    await page.getByLabel("score_eliminate", { exact: true }).fill("50");
    await page.mouse.click(800, 300);
    await command(page, "Simulation: Compare with Baseline");
    await pick(page, /dealer-program 1\.1\.0 \(draft\)/);
    await pick(page, /dealer-program 1\.1\.0 \(draft\)/);
    await pick(page, /distributors-300/);
    const compare = page.getByRole("article", {
      name: /Compare: dealer-program 1\.1\.0 → dealer-program 1\.1\.0/,
    });
    await expect(compare).toBeVisible({ timeout: 90_000 });
    await expect(
      compare.getByRole("img", { name: "Chart of Change by region" }).locator("canvas"),
    ).toHaveCount(1);
    await expect(compare.getByRole("table", { name: "Table of Change by region" })).toBeVisible();
    // Raising the elimination score from 40 to 50 eliminates distributors on probation: each one
    // listed with the scorecard rule on both sides, its inputs and what would flip it.
    const moved = compare.getByRole("table", { name: "Who moved, and why: Elimination" });
    const row = moved.getByRole("row", { name: /D-0039/ });
    await expect(row).toContainText("kept");
    await expect(row).toContainText("eliminated");
    await expect(row).toContainText("Scorecard status probation: KPI scorecard 42.6");
    await expect(row).toContainText("Scorecard status eliminate: KPI scorecard 42.6");
    await expect(row).toContainText("needs KPI scorecard ≥ 50, has 42.6");
    await expect(row).toContainText("Score below which a distributor is eliminated = 50");
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/simulation-compare-reasons-en-light.png" });
  });
});
