import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function runCommand(page: Page, title: string) {
  await page.keyboard.press("F1");
  await page.getByRole("combobox").fill(title);
  await page.keyboard.press("Enter");
}

/** Serious and critical axe violations inside one part of the page, readably. */
async function violationsIn(page: Page, selector: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The stored text of a rule, straight from IndexedDB. */
function storedRule(page: Page, id: string) {
  return page.evaluate(async (id) => {
    const request = indexedDB.open("channel-rules-workbench");
    const db = await new Promise<IDBDatabase>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    const get = db.transaction("rules").objectStore("rules").get(id);
    const doc = await new Promise<{ text: string }>(
      (resolve) => (get.onsuccess = () => resolve(get.result as { text: string })),
    );
    db.close();
    return doc.text;
  }, id);
}

test.describe("low-code", () => {
  test("a tiered rebate from the template: the form, a band edited in the table, the rule created with passing tests", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    await runCommand(page, "Rules: New Rule from Template");
    // The quick pick lists the templates in both languages; typing the Chinese name finds it.
    await page.getByRole("combobox").fill("分段");
    await expect(page.getByRole("option", { name: /Tiered volume rebate/ })).toBeVisible();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "New rule: Tiered volume rebate" });
    await expect(form).toBeVisible();
    await form.getByLabel("Rule id").fill("spring-rebate");
    await form.getByLabel("Calculation").selectOption("marginal");
    // A bad value is named beside its cell and stops the creation.
    const bands = form.getByRole("table", { name: /Bands: 4 rows/ });
    await bands.getByRole("textbox", { name: "From (CNY), Row 3" }).fill("500000");
    await form.getByRole("button", { name: "Create Rule" }).click();
    await expect(form.getByRole("alert")).toContainText("1 value needs fixing");
    await expect(bands.getByRole("textbox", { name: "From (CNY), Row 3" })).toBeFocused();
    await expect(bands.getByRole("textbox", { name: "From (CNY), Row 3" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await bands.getByRole("textbox", { name: "From (CNY), Row 3" }).fill("2,500,000");
    await bands.getByRole("textbox", { name: "Rate, Row 3" }).fill("1.2");
    await expect(bands).toContainText("¥2,500,000");
    await page.screenshot({ path: "test-results/screenshots/lowcode-template-form-en-dark.png" });
    await form.getByRole("button", { name: "Create Rule" }).click();
    // The new rule opens in the editor; its tests run and pass.
    await expect(page.getByRole("tab", { name: /spring-rebate|Tiered volume rebate/ }).first()).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Created spring-rebate" })).toBeVisible();
    // The form's tab closes once the rule is stored.
    await expect(page.getByRole("tab", { name: "Tiered volume rebate" })).toHaveCount(0);
    await page.keyboard.press("Control+Enter");
    const panel = page.getByRole("tabpanel");
    const rule = panel.getByRole("list", { name: "spring-rebate", exact: true });
    await expect(rule.getByRole("button").first()).toHaveAccessibleName(/: passed$/);
    await expect(rule.getByRole("button", { name: /: failed$/ })).toHaveCount(0);
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "spring-rebate"');
    // The pack now declares the rule's levers with the values of the form.
    const manifest = await page.evaluate(async () => {
      const request = indexedDB.open("channel-rules-workbench");
      const db = await new Promise<IDBDatabase>(
        (resolve) => (request.onsuccess = () => resolve(request.result)),
      );
      const get = db.transaction("manifests").objectStore("manifests").get("dealer-program@1.0.0");
      const doc = await new Promise<{ text: string }>(
        (resolve) => (get.onsuccess = () => resolve(get.result as { text: string })),
      );
      db.close();
      return JSON.parse(doc.text) as { params: Record<string, { default: number }>; rules: string[] };
    });
    expect(manifest.params["spring_rebate_band_3_floor"]?.default).toBe(2500000);
    expect(manifest.params["spring_rebate_band_3_rate"]?.default).toBe(0.012);
    expect(manifest.rules).toContain("../incentive/spring-rebate.rule.json");
    await page.screenshot({ path: "test-results/screenshots/lowcode-template-created-en-dark.png" });
  });

  test("the template form in Chinese and light", async ({ page }) => {
    await page.goto("/?lang=zh-CN&theme=light");
    await page.getByRole("tree", { name: "工作区" }).waitFor();
    await runCommand(page, "从模板新建规则");
    await page.getByRole("combobox").fill("MDF");
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: /新建规则/ });
    await expect(form.getByRole("table", { name: /各等级比例与上限/ })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/lowcode-template-form-zh-CN-light.png" });
    expect(await violationsIn(page, ".template-form"), "template form").toEqual([]);
  });

  test("volume-rebate in the visual builder: a band threshold changed in the table, the JSON changes, Ctrl+Z undoes it", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    const tree = page.getByRole("tree", { name: "Workspace" });
    await tree.getByRole("treeitem", { name: "Incentive", exact: true }).locator(".tree-row").first().click();
    await tree
      .getByRole("treeitem", { name: "Tiered retroactive volume rebate", exact: true })
      .locator(".tree-row")
      .dblclick();
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "volume-rebate"');
    const original = await storedRule(page, "volume-rebate");
    await page.locator(".monaco-editor textarea").first().focus();
    await page.keyboard.press("Control+K");
    await page.keyboard.press("V");
    const builder = page.getByRole("region", { name: "Visual builder of volume-rebate" });
    await expect(builder).toBeVisible();
    await expect(page.getByRole("button", { name: "Visual Builder" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    const bands = builder.getByRole("table", { name: "Band table over sales.rebate_base_ytd" });
    await expect(bands.getByRole("row")).toHaveCount(5);
    // The third band starts at a parameter, shown with its title and default.
    // A parameter cell is a field picker (a combobox over the fields and parameters).
    const from3 = bands.getByRole("combobox", { name: "From, row 3" });
    await expect(from3).toHaveValue("params.tier_2_floor");
    await expect(bands).toContainText("Rebate band 3 starts at");
    await expect(bands).toContainText("default ¥3,000,000");
    await page.screenshot({ path: "test-results/screenshots/lowcode-builder-bands-en-dark.png" });
    await from3.fill("3500000");
    await from3.press("Enter");
    await expect(bands.getByRole("textbox", { name: "From, row 3" })).toHaveValue("3500000");
    await expect(bands).toContainText("¥3,500,000");
    // The same document: the code view shows the new threshold where the parameter was.
    await page.getByRole("button", { name: "Visual Builder" }).click();
    await expect(page.locator(".monaco-editor").first()).toBeVisible();
    await page.keyboard.press("Control+S");
    await expect
      .poll(() => storedRule(page, "volume-rebate"))
      .toContain('"var": "sales.rebate_base_ytd"\n                  },\n                  3500000');
    const edited = await storedRule(page, "volume-rebate");
    // Only that node changed.
    expect(edited).toBe(
      original.replace('{\n                    "var": "params.tier_2_floor"\n                  }', "3500000"),
    );
    // Back in the builder, Ctrl+Z undoes the builder's edit (one history with the code).
    await page.getByRole("button", { name: "Visual Builder" }).click();
    await builder.getByRole("textbox", { name: "From, row 3" }).focus();
    await page.keyboard.press("Control+Z");
    await expect(builder.getByRole("combobox", { name: "From, row 3" })).toHaveValue("params.tier_2_floor");
    await page.keyboard.press("Control+S");
    await expect.poll(() => storedRule(page, "volume-rebate")).toBe(original);
  });

  test("the builder on a matrix, a lookup and an unrecognised block, in Chinese and light", async ({
    page,
  }) => {
    for (const [lang, theme, rule] of [
      ["zh-CN", "light", "usability-segment"],
      ["en", "light", "mdf-accrual"],
      ["zh-CN", "dark", "points-expiring-now"],
    ] as const) {
      await page.goto(`/?lang=${lang}&theme=${theme}`);
      await page.getByRole("tree", { name: lang === "en" ? "Workspace" : "工作区" }).waitFor();
      await page.keyboard.press("Control+P");
      await page.getByRole("combobox").fill(rule);
      await page.keyboard.press("Enter");
      await expect(page.locator(".monaco-editor").first()).toContainText(`"id": "${rule}"`);
      const original = await storedRule(page, rule);
      await runCommand(page, lang === "en" ? "Rules: Toggle Visual Builder" : "切换可视化编辑");
      const builder = page.getByRole("region", {
        name: lang === "en" ? `Visual builder of ${rule}` : `${rule} 的可视化编辑器`,
      });
      await expect(builder).toBeVisible();
      await page.screenshot({
        path: `test-results/screenshots/lowcode-builder-${rule}-${lang}-${theme}.png`,
      });
      expect(await violationsIn(page, ".builder"), `builder on ${rule}`).toEqual([]);
      // Showing a rule in the builder never changes it.
      expect(await storedRule(page, rule)).toBe(original);
    }
  });
});
