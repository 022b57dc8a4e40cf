import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The statement (per-record trace), pinning a record as a rule test, and the parameter sweep, driven
 * from the palette as a user would. D-0001 under dealer-program 1.0.0 is the product brief's example:
 * rebate base ¥3,750,085 in band 3 (≥ ¥3,000,000) at 1.5 %, ¥56,251.28.
 */

const combobox = (page: Page) => page.getByRole("dialog").getByRole("combobox");
const options = (page: Page) => page.getByRole("dialog").getByRole("listbox").getByRole("option");

async function runCommand(page: Page, label: string) {
  await expect(page.getByRole("contentinfo").getByText(/distributors-300/)).toBeVisible();
  await expect(async () => {
    if (!(await combobox(page).isVisible())) await page.keyboard.press("F1");
    await expect(combobox(page)).toBeFocused({ timeout: 1000 });
  }).toPass();
  await combobox(page).fill(label);
  await expect(options(page).first()).toContainText(label);
  await page.keyboard.press("Enter");
}

/** Filters the open quick pick and accepts its first option. */
async function pick(page: Page, filter: string, expected: string | RegExp) {
  await combobox(page).fill(filter);
  await expect(options(page).first()).toContainText(expected);
  await page.keyboard.press("Enter");
}

/** Answers a text quick input (replacing its proposed value when `value` is given). */
async function answer(page: Page, value?: string) {
  await expect(options(page)).toHaveCount(0);
  if (value !== undefined) await combobox(page).fill(value);
  await page.keyboard.press("Enter");
}

const strings = {
  "zh-CN": {
    explain: "模拟: 解释记录",
    pack: "dealer-program 1.0.0（草稿）",
    heading: "D-0001 的对账单",
    sentence:
      "台阶返利(全额累进) ¥56,251.28：年初至今返利基数 ¥3,750,085 × 第3档返利率 1.5%；年初至今目标达成率 105.04% 达到 返利目标达成门槛 90%",
    band: "处于第 3 档（共 4 档，≥ 返利第3档起点 ¥3,000,000）",
    flip: "需要 年初至今返利基数 ≥ ¥6,000,000，当前 ¥3,750,085",
  },
  en: {
    explain: "Simulation: Explain Record",
    pack: "dealer-program 1.0.0 (draft)",
    heading: "Statement of D-0001",
    sentence:
      "Tiered retroactive volume rebate ¥56,251.28: Rebate base YTD ¥3,750,085 × Rebate rate, band 3 1.5 %",
    band: "falls in band 3 of 4 (≥ Rebate band 3 starts at ¥3,000,000)",
    flip: "needs Rebate base YTD ≥ ¥6,000,000, has ¥3,750,085",
  },
} as const;

async function explainD0001(page: Page, locale: keyof typeof strings) {
  const s = strings[locale];
  await runCommand(page, s.explain);
  await pick(page, "1.0.0", s.pack);
  await pick(page, "distributors-300", "distributors-300");
  await answer(page, "D-0001");
  const editor = page.getByRole("region", { name: s.heading });
  await expect(editor).toBeVisible({ timeout: 30_000 });
  return editor;
}

test.describe("statement, pinned tests and sweeps", () => {
  for (const [locale, theme] of [
    ["zh-CN", "dark"],
    ["en", "light"],
  ] as const) {
    test(`explain a distributor in ${locale}: the sentence, the flip values and the evaluation tree`, async ({
      page,
    }) => {
      const s = strings[locale];
      await page.goto(`/?lang=${locale}&theme=${theme}`);
      const editor = await explainD0001(page, locale);
      const rule = editor.getByRole("region", { name: /volume-rebate$/ });
      await expect(rule).toContainText(s.sentence);
      await expect(rule).toContainText(s.band);
      await expect(rule.getByRole("listitem").filter({ hasText: s.flip })).toHaveCount(1);
      // The tree: the gate's else branch ran, the `then` value 0 did not.
      await rule.getByText(locale === "en" ? "Evaluation tree" : "求值树").click();
      const tree = rule.getByRole("tree");
      await expect(tree.getByRole("treeitem").first()).toContainText("if");
      await expect(tree.locator(".trace__node--skipped").first()).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/statement-${locale}-${theme}.png` });
      // The Trace panel (open at start) shows the same record.
      await page.getByRole("tab", { name: locale === "en" ? "Trace" : "追踪" }).click();
      const panel = page.getByRole("region", { name: locale === "en" ? "Panel" : "面板" });
      await expect(panel.getByRole("heading", { name: s.heading })).toBeVisible({ timeout: 30_000 });
      await expect(panel.getByRole("region", { name: /volume-rebate$/ })).toContainText(s.band);
      await page.screenshot({ path: `test-results/screenshots/statement-trace-${locale}-${theme}.png` });
      await page.setViewportSize({ width: 760, height: 800 });
      await page.screenshot({ path: `test-results/screenshots/statement-${locale}-${theme}-narrow.png` });
    });
  }

  test("pin the record as a test of the rule: an edit of the rule, and Ctrl+Enter shows it passing", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    const editor = await explainD0001(page, "en");
    await editor.getByRole("button", { name: "Pin as Test: Tiered retroactive volume rebate" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Added test “D-0001 · dealer-program 1.0.0”" }),
    ).toBeVisible();
    const ruleEditor = page.getByRole("textbox", { name: "Rule volume-rebate" });
    await expect(ruleEditor).toBeVisible({ timeout: 30_000 });
    await ruleEditor.focus();
    await page.keyboard.press("Control+Enter");
    const panel = page.getByRole("tabpanel");
    const tests = panel.getByRole("list", { name: "volume-rebate", exact: true });
    await expect(
      tests.getByRole("button", { name: /D-0001 · dealer-program 1\.0\.0: passed$/ }),
    ).toBeVisible();
    await expect(tests.getByRole("button", { name: /: failed$/ })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/statement-pinned-en-dark.png" });
  });

  const sweepStrings = {
    en: {
      command: "Simulation: Sweep Parameter",
      param: "Attainment gate for volume rebates",
      table: "Sweep of Attainment gate for volume rebates",
      first: "80 %",
      default: "90 % (default)",
      chart: /Total cost and counts/,
    },
    "zh-CN": {
      command: "模拟: 参数扫描",
      param: "返利目标达成门槛",
      table: "返利目标达成门槛 参数扫描",
      first: "80%",
      default: "90%（默认值）",
      chart: /总成本与数量/,
    },
  } as const;
  for (const [locale, theme] of [
    ["en", "dark"],
    ["zh-CN", "high-contrast"],
  ] as const) {
    test(`sweep the attainment gate (${locale}): the cost falls and fewer are paid as the gate rises`, async ({
      page,
    }) => {
      const s = sweepStrings[locale];
      await page.goto(`/?lang=${locale}&theme=${theme}`);
      await runCommand(page, s.command);
      await pick(page, "1.0.0", strings[locale].pack);
      await pick(page, "attainment_gate", s.param);
      await answer(page, "0.8");
      await answer(page, "1");
      await answer(page, "5");
      await pick(page, "distributors-300", "distributors-300");
      const table = page.getByRole("table", { name: s.table });
      await expect(table).toBeVisible({ timeout: 60_000 });
      const rows = table.getByRole("row");
      await expect(rows).toHaveCount(6);
      await expect(rows.nth(1).getByRole("rowheader")).toHaveText(s.first);
      await expect(rows.nth(3).getByRole("rowheader")).toHaveText(s.default);
      const column = (i: number) =>
        rows.evaluateAll(
          (trs, c) => trs.slice(1).map((tr) => Number(tr.children[c]!.textContent.replace(/[¥,]/g, ""))),
          i,
        );
      const [costs, paid] = [await column(1), await column(2)];
      // 1.0.0 at its default gate pays ¥54,589,127.80 to 198 distributors (crw eval on the same data).
      expect(costs[2]).toBe(54589127.8);
      expect(paid[2]).toBe(198);
      expect(costs[0]).toBeGreaterThan(costs[4]!);
      for (let i = 1; i < 5; i++) {
        expect(costs[i]).toBeLessThanOrEqual(costs[i - 1]!);
        expect(paid[i]).toBeLessThanOrEqual(paid[i - 1]!);
      }
      await expect(page.getByRole("img", { name: s.chart }).locator("canvas")).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/sweep-${locale}-${theme}.png` });
      await page.setViewportSize({ width: 760, height: 800 });
      await page.screenshot({ path: `test-results/screenshots/sweep-${locale}-${theme}-narrow.png` });
    });
  }

  test("a released pack: Explain Record and Sweep offer it beside the drafts and run it as released", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    // Release dealer-program 1.0.0 as the releases flow does (notes from its changelog).
    await runCommand(page, "Pack: Release");
    await pick(page, "dealer-program 1.0.0", "dealer-program 1.0.0");
    await expect(page.getByRole("status").filter({ hasText: /^Ready to release$/ })).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole("button", { name: "Release", exact: true }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /Released dealer-program 1\.0\.0/ }),
    ).toBeVisible();

    await runCommand(page, "Simulation: Explain Record");
    await pick(page, "1.0.0 (released)", "dealer-program 1.0.0 (released)");
    await pick(page, "distributors-300", "distributors-300");
    await answer(page, "D-0001");
    const editor = page.getByRole("region", { name: "Statement of D-0001" });
    await expect(editor).toBeVisible({ timeout: 30_000 });
    const rule = editor.getByRole("region", { name: /volume-rebate$/ });
    await expect(rule).toContainText(strings.en.sentence);
    await expect(rule.getByRole("listitem").filter({ hasText: strings.en.flip })).toHaveCount(1);

    await runCommand(page, "Simulation: Sweep Parameter");
    await pick(page, "1.0.0 (released)", "dealer-program 1.0.0 (released)");
    await pick(page, "attainment_gate", sweepStrings.en.param);
    await answer(page, "0.8");
    await answer(page, "1");
    await answer(page, "3");
    await pick(page, "distributors-300", "distributors-300");
    const table = page.getByRole("table", { name: sweepStrings.en.table });
    await expect(table).toBeVisible({ timeout: 60_000 });
    // The released 1.0.0 at its default gate pays what the draft does.
    await expect(table.getByRole("row", { name: /90 % \(default\)/ })).toContainText("¥54,589,127.80");
    await page.screenshot({ path: "test-results/screenshots/sweep-released-en-dark.png" });
  });
});
