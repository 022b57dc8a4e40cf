import type { Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

/** Runs a command from the palette; typing goes to the palette's input, which has the focus. */
async function runCommand(page: Page, title: string) {
  await page.keyboard.press("F1");
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.insertText(title);
  await expect(page.getByRole("listbox").getByRole("option").first()).toContainText(title);
  await page.keyboard.press("Enter");
}

/** Go to File (Ctrl+P): the quick open takes the focus, so typing goes to it even with a builder full of comboboxes. */
async function openFile(page: Page, name: string) {
  await page.keyboard.press("Control+P");
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.insertText(name);
  await expect(page.getByRole("listbox").getByRole("option").first()).toContainText(name);
  await page.keyboard.press("Enter");
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
    expect(await seriousViolations(page, ".template-form"), "template form").toEqual([]);
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
      await openFile(page, rule);
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
      expect(await seriousViolations(page, ".builder"), `builder on ${rule}`).toEqual([]);
      // Showing a rule in the builder never changes it.
      expect(await storedRule(page, rule)).toBe(original);
    }
  });

  test("builder editing: conditions added and removed, a case moved, the summary follows, the view comes back after a reload", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    // The Explorer's hover of a rule reads its summary, between the title and the file.
    const tree = page.getByRole("tree", { name: "Workspace" });
    await tree.getByRole("treeitem", { name: "Incentive", exact: true }).locator(".tree-row").first().click();
    await expect(
      tree.getByRole("treeitem", { name: "Collection gate", exact: true }).locator(".tree-row"),
    ).toHaveAttribute(
      "title",
      /^Collection gate\nCollection rate ≥ Collection-rate gate and Overdue more than 90 days ≤ ¥0 and .+\.\nrules\/incentive\/collection-gate\.rule\.json$/,
    );
    await openFile(page, "collection-gate");
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "collection-gate"');
    const original = await storedRule(page, "collection-gate");
    // The toggle sits at the end of the tab bar, not pressed while the code shows.
    const toggle = page.getByRole("button", { name: "Visual Builder" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const builder = page.getByRole("region", { name: "Visual builder of collection-gate" });
    const summary = builder.getByRole("region", { name: "Summary" });
    await expect(summary).toHaveText(
      /^SummaryCollection rate ≥ Collection-rate gate and Overdue more than 90 days ≤ ¥0 and \(not .+ or .+ = 0\)\.$/,
    );
    const all = builder.getByRole("group", { name: "All of these conditions" });
    await expect(all.getByRole("button", { name: /^Remove condition \d$/ })).toHaveCount(3 + 2);
    // Add condition (the group's own button comes after the nested "any" group's).
    await all.getByRole("button", { name: "Add condition" }).last().click();
    await expect(all.getByRole("button", { name: "Remove condition 4" })).toBeVisible();
    await expect(summary).toContainText(
      "(not Any late payment closes the collection gate or Late payments, 12 months = 0) and Overdue more than 90 days ≤ ¥0.",
    );
    // Remove the second condition, by keyboard: Tab to its button and Enter.
    await all.getByRole("button", { name: "Remove condition 2" }).first().focus();
    await page.keyboard.press("Enter");
    await expect(all.getByRole("button", { name: "Remove condition 4" })).toHaveCount(0);
    await page.keyboard.press("Control+S");
    await expect.poll(() => storedRule(page, "collection-gate")).not.toBe(original);
    const edited = await storedRule(page, "collection-gate");
    const logic = (t: string) => (JSON.parse(t) as { logic: { and: unknown[] } }).logic.and;
    expect(logic(edited)).toStrictEqual([logic(original)[0], logic(original)[2], logic(original)[1]]);
    // Lossless: the text outside the logic, and the kept conditions' text, are as they were.
    expect(edited.slice(edited.indexOf('"tests"'))).toBe(original.slice(original.indexOf('"tests"')));
    const anyGroup = original.slice(
      original.indexOf('      {\n        "or"'),
      original.indexOf("\n    ]\n  },"),
    );
    expect(edited).toContain(anyGroup);

    // A case of an if/else-if chain moved up: the code and the summary follow; Ctrl+Z undoes it.
    await openFile(page, "collection-multiplier");
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "collection-multiplier"');
    const chainOriginal = await storedRule(page, "collection-multiplier");
    await page.locator(".monaco-editor textarea").first().focus();
    await page.keyboard.press("Control+K");
    await page.keyboard.press("V");
    const chainBuilder = page.getByRole("region", { name: "Visual builder of collection-multiplier" });
    const chainSummary = chainBuilder.getByRole("region", { name: "Summary" });
    const order = async () => {
      const text = (await chainSummary.textContent()) ?? "";
      return text.indexOf("low multiplier") < text.indexOf("middle multiplier")
        ? "low first"
        : "middle first";
    };
    await expect.poll(order).toBe("middle first");
    await chainBuilder.getByRole("button", { name: "Move case 4 up" }).click();
    await expect.poll(order).toBe("low first");
    await page.screenshot({ path: "test-results/screenshots/lowcode-builder-cases-en-dark.png" });
    await page.keyboard.press("Control+S");
    await expect.poll(() => storedRule(page, "collection-multiplier")).not.toBe(chainOriginal);
    const moved = JSON.parse(await storedRule(page, "collection-multiplier")) as { logic: { if: unknown[] } };
    const before = JSON.parse(chainOriginal) as { logic: { if: unknown[] } };
    expect(moved.logic.if.slice(4, 8)).toStrictEqual([
      ...before.logic.if.slice(6, 8),
      ...before.logic.if.slice(4, 6),
    ]);
    await chainBuilder.getByRole("button", { name: "Move case 3 down" }).focus();
    await page.keyboard.press("Control+Z");
    await expect.poll(order).toBe("middle first");
    await page.keyboard.press("Control+S");
    await expect.poll(() => storedRule(page, "collection-multiplier")).toBe(chainOriginal);

    // The builder view is remembered per rule: after a reload the rule opens in it again.
    await page.waitForTimeout(600);
    await page.reload();
    await expect(page.getByRole("region", { name: "Visual builder of collection-multiplier" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Visual Builder" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    // And the code view is remembered too, once switched back.
    await page.getByRole("button", { name: "Visual Builder" }).click();
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "collection-multiplier"');
    await page.waitForTimeout(600);
    await page.reload();
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "collection-multiplier"');
    await expect(page.getByRole("button", { name: "Visual Builder" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
  });

  test("an unrecognised block is edited in its embedded Monaco, byte for byte; bad JSON is named and not stored", async ({
    page,
  }) => {
    await page.goto("/?lang=zh-CN&theme=light");
    await page.getByRole("tree", { name: "工作区" }).waitFor();
    await openFile(page, "points-expiring-now");
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "points-expiring-now"');
    const original = await storedRule(page, "points-expiring-now");
    await page.getByRole("button", { name: "可视化编辑" }).click();
    const builder = page.getByRole("region", { name: "points-expiring-now 的可视化编辑器" });
    await expect(builder.getByRole("region", { name: "摘要" })).toHaveText(
      "摘要若不活跃积分清零 则 积分余额；否则归约（…）。",
    );
    const block = builder.getByRole("textbox", { name: "此部分的 JSON" });
    await expect(block).toHaveCount(1);
    await expect(builder.locator(".builder__block .monaco-editor")).toContainText('"reduce"');
    // Not JSON: named beside the block, and the rule's text stays as it was.
    await block.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText('{"reduce": [');
    await page.keyboard.press("Tab");
    await expect(builder.getByRole("alert")).toContainText("不是有效的 JSON");
    await page.keyboard.press("Control+S");
    await page.waitForTimeout(300);
    expect(await storedRule(page, "points-expiring-now")).toBe(original);
    // Valid JSON, written compactly: stored exactly as typed, everything else unchanged.
    const typed =
      '{"reduce": [{"filter": [{"var": "loyalty.lots"}, {"<=": [{"var": "months_to_expiry"}, 0]}]}, {"+": [{"var": "accumulator"}, {"var": "current.remaining"}]}, 0]}';
    await block.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(typed);
    await page.keyboard.press("Tab");
    await expect(builder.getByRole("alert")).toHaveCount(0);
    await page.keyboard.press("Control+S");
    await expect.poll(() => storedRule(page, "points-expiring-now")).not.toBe(original);
    const start = original.indexOf('{\n        "reduce"');
    const end = original.indexOf("\n    ]\n  },", start);
    expect(await storedRule(page, "points-expiring-now")).toBe(
      original.slice(0, start) + typed + original.slice(end),
    );
  });

  test("screenshots: the builder with its summary in both languages and themes, wide and narrow", async ({
    page,
  }) => {
    // Six page loads with an accessibility scan each: more than the default minute on a loaded machine.
    test.setTimeout(180_000);
    for (const [lang, theme, width] of [
      ["en", "light", 1280],
      ["en", "dark", 1280],
      ["zh-CN", "light", 1280],
      ["zh-CN", "dark", 1280],
      ["en", "dark", 600],
      ["zh-CN", "light", 600],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/?lang=${lang}&theme=${theme}`);
      await page.getByRole("tree", { name: lang === "en" ? "Workspace" : "工作区" }).waitFor();
      await openFile(page, "volume-rebate");
      // The first round switches the builder on; later rounds find it remembered.
      const toggle = page.getByRole("button", { name: lang === "en" ? "Visual Builder" : "可视化编辑" });
      await expect(toggle).toHaveAttribute(
        "aria-pressed",
        width === 1280 && lang === "en" && theme === "light" ? "false" : "true",
      );
      if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
      await expect(
        page.getByRole("region", {
          name: lang === "en" ? "Visual builder of volume-rebate" : "volume-rebate 的可视化编辑器",
        }),
      ).toBeVisible();
      const summary = page.getByRole("region", { name: lang === "en" ? "Summary" : "摘要" });
      await expect(summary).toContainText(
        lang === "en"
          ? "Rebate base YTD × 2 % when ≥ ¥6,000,000, × 1.5 % when ≥ ¥3,000,000"
          : "年初至今返利基数 ≥ ¥6,000,000 时 × 2%，≥ ¥3,000,000 时 × 1.5%",
      );
      await page.screenshot({
        path: `test-results/screenshots/lowcode-builder-summary-${lang}-${theme}-${width}.png`,
      });
      expect(await seriousViolations(page, ".builder"), `builder ${lang} ${theme} ${width}`).toEqual([]);
      expect(await seriousViolations(page, ".editor-group__actions"), "builder toggle").toEqual([]);
    }
  });
});
