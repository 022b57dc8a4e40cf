import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The rule and manifest editors: Monaco bundled and loaded on the first open, completion of `var`
 * paths from the dataset schema, markers from the engine's validator that undo takes away, hovers,
 * the manifest's pack-level problems, the conflict diff, and the CSP Monaco needs. Monaco's own DOM
 * (rendered lines, squiggles) has no roles, so those few checks use its class names.
 */

const volumeRebate = readFileSync("rules/incentive/volume-rebate.rule.json", "utf8");
const dealerProgram = readFileSync("rules/manifests/dealer-program-1.0.0.manifest.json", "utf8");

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`${needle} is not in the file`);
  return index + 1;
}

const strings = {
  en: {
    quickOpen: "Go to File",
    ruleEditor: "Rule volume-rebate",
    manifestEditor: "Pack manifest dealer-program@1.0.0",
    label: "Net sales YTD · 年初至今净销售额",
    hoverLabel: "Rebate base YTD · 年初至今返利基数",
    type: "Type: number",
    unit: "Unit: CNY",
    share: "Records with a value: 100%",
    sample: "In the selected record:",
  },
  "zh-CN": {
    quickOpen: "转到文件",
    ruleEditor: "规则 volume-rebate",
    manifestEditor: "规则包清单 dealer-program@1.0.0",
    label: "年初至今净销售额 · Net sales YTD",
    hoverLabel: "年初至今返利基数 · Rebate base YTD",
    type: "类型：number",
    unit: "单位：CNY",
    share: "有值的记录占比：100%",
    sample: "所选记录中的值：",
  },
} as const;
type Locale = keyof typeof strings;

/** Opens a document with Ctrl+P and waits for its editor to have the keyboard focus. */
async function quickOpen(page: Page, query: string, editorName: string) {
  // Quick open lists what the workspace holds once it is read: the status bar names the dataset then.
  await expect(page.getByRole("contentinfo").getByText(/distributors-300/)).toBeVisible();
  const quickInput = page.getByRole("dialog");
  const input = quickInput.getByRole("combobox");
  // The first press may come before the workbench has started listening.
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press("Control+p");
    await expect(input).toBeFocused({ timeout: 1000 });
  }).toPass();
  await input.fill(query);
  await expect(quickInput.getByRole("option").first()).toContainText(query);
  const started = Date.now();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("textbox", { name: editorName });
  await expect(editor).toBeFocused({ timeout: 20_000 });
  return { editor, openToFocusMs: Date.now() - started };
}

/** Moves the cursor to the start of a 1-based line with Monaco's Go to Line (Ctrl+G). */
async function goToLine(page: Page, line: number) {
  await page.keyboard.press("Control+g");
  await page.keyboard.type(String(line));
  await page.keyboard.press("Enter");
}

const renderedText = (page: Page) => page.locator(".monaco-editor .view-lines").first();
/** The rendered token whose whole text is `text` (a JSON string with its quotes). */
const token = (page: Page, text: string) =>
  page
    .locator(".monaco-editor .view-line span span")
    .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })
    .first();

function recordTiming(name: string, ms: number) {
  mkdirSync("test-results", { recursive: true });
  const file = "test-results/editor-timings.json";
  let all: Record<string, number[]> = {};
  try {
    all = JSON.parse(readFileSync(file, "utf8")) as Record<string, number[]>;
  } catch {
    // first run
  }
  (all[name] ??= []).push(ms);
  writeFileSync(file, JSON.stringify(all, null, 2));
  console.log(`${name}: ${ms} ms`);
}

test.describe("rule editor", () => {
  for (const locale of ["en", "zh-CN"] as const satisfies Locale[]) {
    for (const theme of ["dark", "light"] as const) {
      test(`completes a var path and explains it on hover (${locale}, ${theme})`, async ({ page }) => {
        const s = strings[locale];
        await page.goto(`/?lang=${locale}&theme=${theme}`);
        const { openToFocusMs } = await quickOpen(page, "volume-rebate", s.ruleEditor);
        recordTiming("open volume-rebate → focused editor (first open, loads Monaco)", openToFocusMs);

        // `"sales.attainment_ytd"` → `"sales.` and the list of the sales fields opens.
        await goToLine(page, lineOf(volumeRebate, '"sales.attainment_ytd"'));
        await page.keyboard.press("End");
        await page.keyboard.press("ArrowLeft");
        for (let i = 0; i < ".attainment_ytd".length; i++) await page.keyboard.press("Backspace");
        await page.keyboard.type(".");
        const suggestions = page.getByRole("listbox", { name: /Suggest|建议/ });
        await expect(suggestions).toBeVisible();
        const net = suggestions.getByRole("option", { name: /^net_ytd/ });
        await expect(net).toContainText(s.label);
        await expect(net).toContainText("number · CNY · 100%");
        await page.screenshot({ path: `test-results/screenshots/editor-completion-${locale}-${theme}.png` });
        await page.keyboard.type("net_y");
        await expect(suggestions.getByRole("option").first()).toHaveAccessibleName(/^net_ytd/);
        await page.keyboard.press("Enter");
        await expect(suggestions).toBeHidden();
        await expect(renderedText(page)).toContainText('"var": "sales.net_ytd"');

        await token(page, '"sales.rebate_base_ytd"').hover();
        const hover = page.getByRole("tooltip").filter({ hasText: s.hoverLabel });
        await expect(hover).toBeVisible();
        for (const line of [s.type, s.unit, s.share, s.sample]) await expect(hover).toContainText(line);
        await page.screenshot({ path: `test-results/screenshots/editor-hover-${locale}-${theme}.png` });
      });
    }
  }

  test("an unknown operator gets a marker with the validator's message; undo takes it away", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await quickOpen(page, "volume-rebate", strings.en.ruleEditor);
    await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(0);
    await goToLine(page, lineOf(volumeRebate, '"or": ['));
    await page.keyboard.press("End");
    for (let i = 0; i < '": ['.length; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("x");
    await expect(renderedText(page)).toContainText('"orx": [');
    await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(1);
    await page.keyboard.press("F8");
    await expect(
      page.getByText('Unknown operator "orx": only json-logic-js 2.0.5 operators are allowed.').first(),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/editor-marker-en-dark.png" });
    await page.keyboard.press("Escape");

    // The quick fix knows the closest operator.
    await page.keyboard.press("Control+.");
    await expect(page.getByText('Change to "or"').first()).toBeVisible();
    await page.keyboard.press("Escape");

    await page.keyboard.press("Control+z");
    await expect(renderedText(page)).toContainText('"or": [');
    await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(0);
  });

  test("chords that start in the editor: Monaco's own (Ctrl+K Ctrl+0, fold all) and the workbench's (Ctrl+K Ctrl+T)", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await quickOpen(page, "volume-rebate", strings.en.ruleEditor);
    await expect(renderedText(page)).toContainText('"or": [');
    await page.keyboard.press("Control+k");
    await page.keyboard.press("Control+0");
    await expect(renderedText(page)).not.toContainText('"or": [');
    await page.keyboard.press("Control+k");
    await page.keyboard.press("Control+j");
    await expect(renderedText(page)).toContainText('"or": [');
    await page.keyboard.press("Control+k");
    await page.keyboard.press("Control+t");
    await expect(page.getByRole("dialog").getByRole("option", { name: /High Contrast/ })).toBeVisible();
    await page.keyboard.press("Escape");
  });

  test("completes members from the rule-file schema and operators with their snippet", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await quickOpen(page, "volume-rebate", strings.en.ruleEditor);
    const suggestions = page.getByRole("listbox", { name: "Suggest" });

    // The value of "kind": the schema's enum.
    await goToLine(page, lineOf(volumeRebate, '"kind": "incentive"'));
    await page.keyboard.press("End");
    for (let i = 0; i < '"incentive",'.length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Control+Space");
    await expect(suggestions.getByRole("option", { name: /"loyalty"/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+z");

    // Replace the gate's second operand by an operation typed from the operator list.
    const line = lineOf(volumeRebate, '"sales.rebate_base_ytd"');
    await goToLine(page, line + 2);
    await page.keyboard.press("End");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("ma");
    await expect(suggestions.getByRole("option", { name: /^max/ })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(renderedText(page)).toContainText('{ "max": [a, b] }');
  });
});

test.describe("editor state", () => {
  test("undo history survives switching tabs; cursor and scroll come back after a reload", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    const { editor } = await quickOpen(page, "volume-rebate", strings.en.ruleEditor);
    await goToLine(page, lineOf(volumeRebate, '"Tiered retroactive volume rebate"'));
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type(" v2");
    await expect(renderedText(page)).toContainText("volume rebate v2");

    await quickOpen(page, "cash-rebate", "Rule cash-rebate");
    await page.getByRole("tab", { name: "volume-rebate" }).click();
    await editor.focus();
    await page.keyboard.press("Control+z");
    await expect(renderedText(page)).toContainText('"Tiered retroactive volume rebate"');
    await page.keyboard.press("Control+Shift+z");
    await expect(renderedText(page)).toContainText("volume rebate v2");

    // The "Run tests" CodeLens sits above "tests"; the cursor goes deep into the file.
    const testsLine = lineOf(volumeRebate, '"tests": [');
    await goToLine(page, testsLine);
    await expect(page.getByText("▶ Run tests")).toBeVisible();
    await expect(page.getByText("not run yet")).toBeVisible();
    const deep = lineOf(volumeRebate, "band 4: 8,000,000 at 2.0 %");
    await goToLine(page, deep);
    await expect(renderedText(page)).toContainText("band 4: 8,000,000 at 2.0 %");
    await page.keyboard.press("Control+s");
    await expect(page.getByRole("tab", { name: "volume-rebate" })).not.toHaveAccessibleDescription(
      /modified/,
    );
    // The view state is saved a moment after the cursor stops, then the layout is stored.
    await page.waitForTimeout(1500);
    await page.reload();
    const restored = page.getByRole("textbox", { name: strings.en.ruleEditor });
    await expect(restored).toBeFocused({ timeout: 20_000 });
    await expect(renderedText(page)).toContainText("band 4: 8,000,000 at 2.0 %");
    await expect(renderedText(page)).not.toContainText('"x-catalogue"');
  });
});

test.describe("manifest editor", () => {
  test("marks a duplicate producer on its line", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await quickOpen(page, "dealer-program@1.0.0", strings.en.manifestEditor);
    await goToLine(page, lineOf(dealerProgram, '"out": "pop.region_q_yoy_latest"'));
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    for (let i = 0; i < "region_q_yoy_latest".length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("abc_class");
    await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(1, { timeout: 15_000 });
    await page.keyboard.press("F8");
    await expect(page.getByText(/pop\.abc_class is produced twice/).first()).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/editor-manifest-problem-en-dark.png" });
  });
});

test.describe("conflicts", () => {
  test("a save over another tab's save opens the diff; Take Theirs shows their text", async ({ context }) => {
    const autosaveOff = async (page: Page) => {
      await page.getByRole("button", { name: "Settings", exact: true }).click();
      const delay = page.getByRole("spinbutton", { name: "Autosave delay (ms)" });
      await delay.fill("0");
      await expect(delay).toHaveValue("0");
    };
    const retitle = async (page: Page, suffix: string) => {
      await goToLine(page, lineOf(volumeRebate, '"Tiered retroactive volume rebate"'));
      await page.keyboard.press("End");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.type(suffix);
    };
    // Autosave off in the shared profile, so each side saves exactly when the test says.
    const mine = await context.newPage();
    await mine.goto("/?lang=en&theme=dark");
    await autosaveOff(mine);
    await quickOpen(mine, "volume-rebate", strings.en.ruleEditor);

    // Both pages open the stored version before either edits it, then both change it.
    const theirs = await context.newPage();
    await theirs.goto("/?lang=en&theme=dark");
    // The profile remembers the Settings view is open, and that autosave is off.
    await expect(theirs.getByRole("spinbutton", { name: "Autosave delay (ms)" })).toHaveValue("0");
    await quickOpen(theirs, "volume-rebate", strings.en.ruleEditor);
    await mine.bringToFront();
    await mine.getByRole("textbox", { name: strings.en.ruleEditor }).focus();
    await retitle(mine, " (mine)");
    await theirs.bringToFront();
    await theirs.getByRole("textbox", { name: strings.en.ruleEditor }).focus();
    await retitle(theirs, " (theirs)");
    const theirTab = theirs.getByRole("tab", { name: "volume-rebate" });
    await expect(theirTab).toHaveAccessibleDescription(/modified/);
    await theirs.keyboard.press("Control+s");
    await expect(theirTab).not.toHaveAccessibleDescription(/modified/);

    // This tab saves its edit against the revision it started from.
    await mine.bringToFront();
    await mine.getByRole("textbox", { name: strings.en.ruleEditor }).focus();
    await mine.keyboard.press("Control+s");
    const conflict = mine.getByRole("region", { name: "Conflict" });
    await expect(conflict).toBeVisible();
    await expect(mine.getByRole("textbox", { name: /Saved version of volume-rebate/ })).toBeAttached();
    await expect(mine.getByRole("textbox", { name: /Your version of volume-rebate/ })).toBeAttached();
    await expect(conflict.locator(".view-lines").first()).toContainText("(theirs)");
    await mine.screenshot({ path: "test-results/screenshots/editor-conflict-en-dark.png" });
    await conflict.getByRole("button", { name: "Take Theirs" }).click();
    await expect(conflict).toBeHidden();
    await expect(renderedText(mine)).toContainText("Tiered retroactive volume rebate (theirs)");
    await expect(renderedText(mine)).not.toContainText("(mine)");
    // Taking theirs is an edit like any other: undo brings this tab's text back.
    await mine.getByRole("textbox", { name: strings.en.ruleEditor }).focus();
    await mine.keyboard.press("Control+z");
    await expect(renderedText(mine)).toContainText("Tiered retroactive volume rebate (mine)");
  });
});

test.describe("content security policy", () => {
  test("Monaco runs with no eval, no data: images and same-origin workers; styles need 'unsafe-inline'", async ({
    page,
    baseURL,
  }) => {
    // Stricter than the app's own policy (vite.config.ts): no data: or blob: anywhere. Monaco injects
    // <style> elements and style attributes, so styles need 'unsafe-inline'; its squiggles would be
    // data: images, which overrides.css replaces. Workers get the policy from their own response.
    const strict = "default-src 'self'; style-src 'self' 'unsafe-inline'";
    await page.route(`${baseURL}/**`, async (route) => {
      const response = await route.fetch();
      const isDocument = route.request().resourceType() === "document";
      const isWorker = /\.worker-[\w-]+\.js$/.test(route.request().url());
      const headers = { ...response.headers() };
      if (isDocument || isWorker) headers["content-security-policy"] = strict;
      await route.fulfill({ response, headers });
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.disposition} ${e.effectiveDirective} ${e.sourceFile}`),
      );
    });
    await page.goto("/?lang=en&theme=dark");
    await quickOpen(page, "volume-rebate", strings.en.ruleEditor);
    // Schema completion proves the JSON worker started and answers.
    await goToLine(page, lineOf(volumeRebate, '"kind": "incentive"'));
    await page.keyboard.press("End");
    for (let i = 0; i < '"incentive",'.length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Control+Space");
    await expect(page.getByRole("option", { name: /"elimination"/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+z");
    // A marker: Monaco's own squiggle is a data: image, which this policy refuses (overrides.css).
    await goToLine(page, lineOf(volumeRebate, '"or": ['));
    await page.keyboard.press("End");
    for (let i = 0; i < '": ['.length; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("x");
    await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(1);
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    const fromMonaco = violations.filter((v) => /editor-|runtime-|jsonMode-|worker/.test(v));
    expect(fromMonaco).toEqual([]);
    expect(violations.every((v) => v.startsWith("report script-src"))).toBe(true);
  });
});
