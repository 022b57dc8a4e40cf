import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function runCommand(page: Page, title: string) {
  await page.keyboard.press("F1");
  await page.getByRole("combobox").fill(title);
  await page.keyboard.press("Enter");
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
  });
});
