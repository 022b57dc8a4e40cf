import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The low-code flow of issue 13 by keyboard alone: no click, no fill, no focus() — only key
 * presses and typed text, so everything it reaches a keyboard user reaches too.
 */

/** Runs a command from the palette (F1); the palette's input has the focus. */
async function runCommand(page: Page, title: string) {
  await page.keyboard.press("F1");
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.insertText(title);
  await expect(page.getByRole("listbox").getByRole("option").first()).toContainText(title);
  await page.keyboard.press("Enter");
}

/** Picks an item of an open quick pick by typing its name. */
async function pick(page: Page, typed: string, name: RegExp) {
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.insertText(typed);
  await expect(page.getByRole("listbox").getByRole("option").first()).toHaveAccessibleName(name);
  await page.keyboard.press("Enter");
}

/** The accessible name of the focused element (its aria-label, its label, or its text). */
function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const label =
      el.getAttribute("aria-label") ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      (el.children.length === 0 ? el.textContent : el.tagName) ??
      "";
    return label.trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on the element named `name`. */
async function tabTo(page: Page, name: string | RegExp, back = false, max = 80) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const current = await focusedName(page);
    seen.push(current);
    if (typeof name === "string" ? current === name : name.test(current)) return;
  }
  throw new Error(`Tab never reached ${String(name)}; it went through: ${seen.join(" | ")}`);
}

/** The stored text of a rule, straight from IndexedDB. */
function storedRule(page: Page, id: string) {
  return page.evaluate(async (id) => {
    const request = indexedDB.open("channel-rules-workbench");
    const db = await new Promise<IDBDatabase>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    const get = db.transaction("rules").objectStore("rules").get(id);
    const doc = await new Promise<{ text: string } | undefined>(
      (resolve) => (get.onsuccess = () => resolve(get.result as { text: string } | undefined)),
    );
    db.close();
    return doc?.text ?? "";
  }, id);
}

test.describe("low-code by keyboard alone", () => {
  test.setTimeout(240_000);

  test("a tiered rebate from the template, a band changed in the builder's table, its tests and the simulation follow", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();

    // Rules: New Rule from Template, the tiered rebate picked by typing.
    await runCommand(page, "Rules: New Rule from Template");
    await pick(page, "Tiered volume rebate", /Tiered volume rebate/);
    const form = page.getByRole("form", { name: "New rule: Tiered volume rebate" });
    await expect(form).toBeVisible();
    // The form takes the focus: its first field.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("form"))).toBe(true);
    await tabTo(page, "Rule id");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("keys-rebate");
    await tabTo(page, "Create Rule");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Created keys-rebate" })).toBeVisible();
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "keys-rebate"');
    // Its starter tests run (Ctrl+Enter) and pass.
    await page.keyboard.press("Control+Enter");
    const results = page.getByRole("tabpanel").getByRole("list", { name: "keys-rebate", exact: true });
    await expect(results.getByRole("button").first()).toHaveAccessibleName(/: passed$/);
    await expect(results.getByRole("button", { name: /: failed$/ })).toHaveCount(0);

    // Simulation: Run (F5) over the pack the template added the rule to.
    const headline = page.getByRole("article").getByRole("region", { name: "Headline" });
    const simulate = async () => {
      await page.keyboard.press("F5");
      await pick(page, "dealer-program 1.0.0", /dealer-program 1\.0\.0 \(draft\)/);
      await pick(page, "distributors-300", /distributors-300/);
      await expect(headline).toBeVisible({ timeout: 90_000 });
      await expect(headline).toContainText("Total cost");
      return (await headline.textContent()) ?? "";
    };
    await simulate();
    // The report has the new rule's output: its histogram's table of counts per bucket.
    const histogram = page
      .getByRole("article")
      .getByRole("table", { name: "Table of Tiered volume rebate", includeHidden: true });
    const reportBefore = (await histogram.textContent()) ?? "";
    expect(reportBefore).not.toBe("");

    const created = await storedRule(page, "keys-rebate");
    // Back to the rule (Go to File), into the visual builder (Ctrl+K V).
    await page.keyboard.press("Control+P");
    await pick(page, "keys-rebate", /keys-rebate/);
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "keys-rebate"');
    await page.keyboard.press("Control+K");
    await page.keyboard.press("V");
    const builder = page.getByRole("region", { name: "Visual builder of keys-rebate" });
    await expect(builder).toBeVisible();
    // The builder has the focus: Tab walks its controls to the band table's third start.
    await tabTo(page, "From, row 3");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("2000000");
    // Enter commits the cell and, as in a spreadsheet, goes down to the same column of the next row.
    await page.keyboard.press("Enter");
    const bands = builder.getByRole("table", { name: "Band table over sales.rebate_base_ytd" });
    await expect(bands.getByRole("textbox", { name: "From, row 3" })).toHaveValue("2000000");
    await expect.poll(() => focusedName(page)).toBe("From, row 4");
    // Tab along the row to the top band's rate: 5 % instead of 2 %.
    await tabTo(page, "Rate, row 4");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("0.05");
    await page.keyboard.press("Enter");
    const summary = builder.getByRole("region", { name: "Summary" });
    await expect(summary).toContainText("× 5 % when ≥ ¥6,000,000");
    await expect(summary).toContainText("when ≥ ¥2,000,000");
    await page.screenshot({ path: "test-results/screenshots/lowcode-keyboard-builder-en-dark.png" });

    // The JSON in the code view has the new start where the parameter was.
    await runCommand(page, "Rules: Toggle Visual Builder");
    await expect(page.locator(".monaco-editor").first()).toContainText('"id": "keys-rebate"');
    await page.keyboard.press("Control+S");
    await expect.poll(() => storedRule(page, "keys-rebate")).toContain("2000000");
    // Only that node changed: the parameter reference became the number, every other byte as it was.
    const edited = await storedRule(page, "keys-rebate");
    const reference = /\{\s*"var": "params\.keys_rebate_band_3_floor"\s*\}/;
    expect(created).toMatch(reference);
    const rate = /\{\s*"var": "params\.keys_rebate_band_4_rate"\s*\}/;
    expect(edited).toBe(created.replace(reference, "2000000").replace(rate, "0.05"));
    // The tests follow: a band-2 case now falls in band 3, and band 4 pays 5 %.
    await page.keyboard.press("Control+Enter");
    await expect(results.getByRole("button", { name: /: failed$/ }).first()).toBeVisible();
    await expect(
      results.getByRole("button", { name: /^band 2: 2,000,000 at 1 % .*: failed$/ }),
    ).toBeVisible();
    await expect(
      results.getByRole("button", { name: /^band 4: 9,000,000 at 2 % .*: failed$/ }),
    ).toBeVisible();
    await expect(results.getByRole("button", { name: /^band 1: .*: passed$/ })).toBeVisible();

    // The simulation again: the report changes.
    await simulate();
    await expect.poll(async () => (await histogram.textContent()) ?? "").not.toBe(reportBefore);
    await page.screenshot({ path: "test-results/screenshots/lowcode-keyboard-end-en-dark.png" });
  });
});

test("a condition wrapped in Not and the Not removed, by keyboard: the stored rule comes back byte for byte", async ({
  page,
}) => {
  await page.goto("/?lang=en&theme=dark");
  await page.getByRole("tree", { name: "Workspace" }).waitFor();
  await page.keyboard.press("Control+P");
  await pick(page, "collection-gate", /collection-gate/);
  await expect(page.locator(".monaco-editor").first()).toContainText('"id": "collection-gate"');
  const original = await storedRule(page, "collection-gate");
  await page.keyboard.press("Control+K");
  await page.keyboard.press("V");
  const builder = page.getByRole("region", { name: "Visual builder of collection-gate" });
  await expect(builder).toBeVisible();
  await tabTo(page, "Negate condition 2 (wrap it in Not)");
  await page.keyboard.press("Enter");
  await expect(builder.getByRole("region", { name: "Summary" })).toContainText(
    "not Overdue more than 90 days",
  );
  await page.keyboard.press("Control+S");
  await expect.poll(() => storedRule(page, "collection-gate")).not.toBe(original);
  const wrapped = await storedRule(page, "collection-gate");
  expect((JSON.parse(wrapped) as { logic: { and: { "!": unknown }[] } }).logic.and[1]!["!"]).toStrictEqual(
    (JSON.parse(original) as { logic: { and: unknown[] } }).logic.and[1],
  );
  // The focus stayed on the condition's Negate button; its Not's remove button is just before it.
  await expect.poll(() => focusedName(page)).toBe("Negate condition 2 (wrap it in Not)");
  await tabTo(page, "Remove this Not", true);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+S");
  await expect.poll(() => storedRule(page, "collection-gate")).toBe(original);
});

test("Add condition puts the focus on the new condition, and Alt+↑ keeps it on that condition as it moves", async ({
  page,
}) => {
  await page.goto("/?lang=en&theme=dark");
  await page.getByRole("tree", { name: "Workspace" }).waitFor();
  await page.keyboard.press("Control+P");
  await pick(page, "collection-gate", /collection-gate/);
  await expect(page.locator(".monaco-editor").first()).toContainText('"id": "collection-gate"');
  await page.keyboard.press("Control+K");
  await page.keyboard.press("V");
  await expect(page.getByRole("region", { name: "Visual builder of collection-gate" })).toBeVisible();
  /** Where the focus is: the tag of the focused control and its item's place in the condition list. */
  const focusAt = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // On a group's own button (Add condition) the list is the group's, beside the button (which
      // may itself sit in an item of an outer group: collection-gate's "any" is its third condition).
      const onAdd = el?.classList.contains("builder__add") ?? false;
      const item = onAdd ? null : el?.closest(".builder__items > li");
      const list = onAdd ? el?.parentElement?.querySelector(":scope > .builder__items") : item?.parentElement;
      const items = list ? Array.from(list.children) : [];
      return { tag: el?.tagName ?? "", index: item ? items.indexOf(item) : -1, count: items.length };
    });
  await tabTo(page, "Add condition");
  const before = await focusAt();
  await page.keyboard.press("Enter");
  // The new condition is the last of a list one longer, and its first field has the focus.
  await expect.poll(focusAt).toMatchObject({ index: before.count, count: before.count + 1 });
  expect(["INPUT", "SELECT"]).toContain((await focusAt()).tag);
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(focusAt).toMatchObject({ index: before.count - 1, count: before.count + 1 });
});
