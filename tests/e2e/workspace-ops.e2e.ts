import type { Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

const DB = "channel-rules-workbench";

function explorer(page: Page) {
  const tree = page.getByRole("complementary", { name: "Side Bar" }).getByRole("tree", { name: "Workspace" });
  return { tree, item: (name: string | RegExp) => tree.getByRole("treeitem", { name, exact: true }) };
}

async function openExplorerAt(page: Page, kind: string, ruleTitle: string) {
  const { item } = explorer(page);
  await item(kind).locator(".tree-row").first().click();
  await expect(item(kind)).toHaveAttribute("aria-expanded", "true");
  await item(ruleTitle).locator(".tree-row").click();
  await expect(item(ruleTitle)).toBeFocused();
}

/** Reads a stored rule or manifest (and its draft) straight from IndexedDB. */
function stored(page: Page, store: "rules" | "manifests", id: string) {
  return page.evaluate(
    async ({ db: name, store, id }) => {
      const done = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      const db = await done(indexedDB.open(name));
      const tx = db.transaction([store, "drafts"]);
      const doc = (await done(tx.objectStore(store).get(id))) as
        { text: string; revision?: number } | undefined;
      const kind = store === "rules" ? "rule" : "manifest";
      const draft = (await done(tx.objectStore("drafts").get(`${kind}:${id}`))) as
        { text: string } | undefined;
      db.close();
      return { doc, draft };
    },
    { db: DB, store, id },
  );
}

/**
 * What another tab's save does at the storage level, done from a second page of the same profile:
 * the next revision written to IndexedDB and announced on the crw-workspace channel.
 */
function saveElsewhere(page: Page, store: "rules" | "manifests", id: string, text: string) {
  return page.evaluate(
    async ({ db: name, store, id, text }) => {
      const done = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      const db = await done(indexedDB.open(name));
      const tx = db.transaction(store, "readwrite");
      const doc = (await done(tx.objectStore(store).get(id))) as Record<string, unknown>;
      const revision = ((doc.revision as number | undefined) ?? 1) + 1;
      const parsed = JSON.parse(text) as unknown;
      await done(
        tx
          .objectStore(store)
          .put({ ...doc, text, [store === "rules" ? "rule" : "manifest"]: parsed, revision }),
      );
      db.close();
      const channel = new BroadcastChannel("crw-workspace");
      const kind = store === "rules" ? "rule" : "manifest";
      channel.postMessage({ type: "document.saved", uri: `${kind}:${id}`, revision, text });
      channel.close();
      return revision;
    },
    { db: DB, store, id, text },
  );
}

/** The id this page's workbench claimed (the Web Lock it holds while alive). */
function tabIdOf(page: Page) {
  return page.evaluate(async () => {
    const { held = [] } = await navigator.locks.query();
    return held.find((l) => l.name?.startsWith("crw-tab:"))?.name?.slice("crw-tab:".length);
  });
}

/** Leaves an unsaved text as the app does while the user types (a draft), then the tab is killed. */
function leaveDraft(
  page: Page,
  kind: "rule" | "manifest",
  id: string,
  text: string,
  baseRevision = 1,
  tab?: string,
) {
  return page.evaluate(
    async ({ db: name, kind, id, text, baseRevision, tab }) => {
      const done = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      const db = await done(indexedDB.open(name));
      const tx = db.transaction("drafts", "readwrite");
      const uri = `${kind}:${id}`;
      const draft = { uri, kind, id, text, baseRevision, updatedAt: new Date().toISOString() };
      await done(tx.objectStore("drafts").put(tab === undefined ? draft : { ...draft, tab }));
      db.close();
    },
    { db: DB, kind, id, text, baseRevision, tab },
  );
}

const toasts = (page: Page) => page.getByRole("region", { name: "Notifications" });

test.describe("workspace operations", () => {
  test("rename with F2, delete with the Delete key, and Undo restores it, from the Explorer", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await openExplorerAt(page, "Incentive", "Tiered retroactive volume rebate");
    const rule = explorer(page).item("Tiered retroactive volume rebate");
    await expect(rule).toHaveAccessibleDescription(/volume-rebate/);

    await page.keyboard.press("F2");
    const input = page.getByRole("combobox");
    await expect(input).toBeFocused();
    await expect(input).toHaveValue("volume-rebate");
    await input.fill("Volume Rebate");
    await expect(page.getByText(/Use lower-case letters/)).toBeVisible();
    await input.fill("volume-rebate-2025");
    await page.keyboard.press("Enter");
    await expect(toasts(page)).toContainText("Renamed volume-rebate to volume-rebate-2025; 2 manifest(s)");
    await expect(rule).toHaveAccessibleDescription(/volume-rebate-2025/);
    const renamed = await stored(page, "rules", "volume-rebate-2025");
    expect(renamed.doc?.text).toContain('"id": "volume-rebate-2025"');
    expect((await stored(page, "manifests", "dealer-program@1.0.0")).doc?.text).toContain(
      "../incentive/volume-rebate-2025.rule.json",
    );

    // The context menu offers the same commands (role=menu), with their keybindings.
    await rule.locator(".tree-row").click({ button: "right" });
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: /Rename/ })).toContainText("F2");
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(rule).toBeFocused();

    // Export Rule from the context menu downloads <id>.rule.json with the stored text.
    await rule.locator(".tree-row").click({ button: "right" });
    const download = page.waitForEvent("download");
    await page.getByRole("menu").getByRole("menuitem", { name: "Export Rule" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("volume-rebate-2025.rule.json");
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(await file.path(), "utf8")).toBe(renamed.doc?.text);
    await rule.focus();

    await page.keyboard.press("Delete");
    const dialog = page.getByRole("dialog", { name: "Delete volume-rebate-2025?" });
    await expect(dialog).toContainText("included by dealer-program@1.0.0, dealer-program@1.1.0");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(rule).toHaveCount(0);
    expect((await stored(page, "rules", "volume-rebate-2025")).doc).toBeUndefined();
    await toasts(page).getByRole("button", { name: "Undo" }).click();
    await expect(rule).toBeVisible();
    expect((await stored(page, "rules", "volume-rebate-2025")).doc?.text).toBe(renamed.doc?.text);
    await expect(toasts(page)).toContainText("Restored volume-rebate-2025");

    // The Output panel logged each step with a time.
    await page.keyboard.press("Control+Shift+U");
    const output = page.getByRole("list", { name: "Output" });
    await expect(output).toContainText("Renamed volume-rebate to volume-rebate-2025");
    await expect(output).toContainText("Deleted volume-rebate-2025");
    await expect(output).toContainText("Restored volume-rebate-2025");
  });

  test("Ctrl+Enter runs a rule's tests and the Tests panel shows them passed", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await openExplorerAt(page, "Incentive", "Tiered retroactive volume rebate");
    await page.keyboard.press("Control+Enter");
    const tab = page.getByRole("tab", { name: "Tests" });
    await expect(tab).toHaveAttribute("aria-selected", "true");
    const panel = page.getByRole("tabpanel");
    const rule = panel.getByRole("list", { name: "volume-rebate", exact: true });
    await expect(rule.getByRole("button").first()).toHaveAccessibleName(/: passed$/);
    await expect(rule.getByRole("button", { name: /: failed$/ })).toHaveCount(0);
    // The badge in the Explorer and the status bar agree.
    await expect(explorer(page).item("Tiered retroactive volume rebate")).toHaveAccessibleDescription(
      /tests passed/,
    );
    await expect(page.getByRole("button", { name: /^Tests: \d+ passed, 0 failed$/ })).toBeVisible();
  });

  test("a saved change that breaks a test's expectation shows the failure with expected vs actual", async ({
    page,
    context,
  }) => {
    await page.goto("/?lang=en&theme=light");
    await openExplorerAt(page, "Incentive", "Tiered retroactive volume rebate");
    await page.keyboard.press("Control+Enter");
    await expect(page.getByRole("tab", { name: "Tests" })).toHaveAttribute("aria-selected", "true");
    // Another tab of the same profile saves volume-rebate with its first test expecting 1 more.
    const other = await context.newPage();
    await other.goto("/?lang=en");
    await explorer(other).tree.waitFor();
    const rule = JSON.parse((await stored(other, "rules", "volume-rebate")).doc!.text) as {
      tests: { expect: number }[];
    };
    rule.tests[0]!.expect += 1;
    await saveElsewhere(other, "rules", "volume-rebate", JSON.stringify(rule, null, 2));
    const panel = page.getByRole("tabpanel");
    const failed = panel
      .getByRole("list", { name: "volume-rebate", exact: true })
      .getByRole("listitem")
      .first();
    await expect(failed.getByRole("button")).toHaveAccessibleName(/: failed$/);
    const expected = failed.locator(".tests__value--expected");
    const actual = failed.locator(".tests__value--actual");
    await expect(expected).toBeVisible();
    await expect(actual).toBeVisible();
    const [e, a] = [await expected.innerText(), await actual.innerText()];
    expect(Number(e)).toBe(Number(a) + 1);
    await expect(expected.locator("mark").first()).toBeVisible();
    await expect(explorer(page).item("Tiered retroactive volume rebate")).toHaveAccessibleDescription(
      /1 of \d+ tests failed/,
    );
    await page.screenshot({ path: "test-results/screenshots/tests-failure-en-light.png" });
    await other.close();
  });

  test("an unsaved edit survives a killed tab: the reload reopens it dirty and search finds its text", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await explorer(page).tree.waitFor();
    const { doc } = await stored(page, "rules", "cash-rebate");
    const unsaved = doc!.text.replace('"logic": {', '"x-note": "unsaved-marker-42",\n  "logic": {');
    // A long autosave pause, so the restored draft is still dirty when the Explorer is looked at
    // (with the default second, or even 8 s, a loaded machine autosaved it first).
    await page.evaluate(async (name) => {
      const open = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const put = db
        .transaction("meta", "readwrite")
        .objectStore("meta")
        .put({ autosaveDelay: 20_000 }, "settings");
      await new Promise((resolve) => (put.onsuccess = resolve));
      db.close();
    }, DB);
    // The draft is this page's, which is alive: a second page of the profile leaves it alone...
    const tab = await tabIdOf(page);
    expect(tab).toBeTruthy();
    await leaveDraft(page, "rule", "cash-rebate", unsaved, doc?.revision ?? 1, tab);
    const second = await page.context().newPage();
    await second.goto("/?lang=en&theme=dark");
    await explorer(second).tree.waitFor();
    await second.waitForTimeout(500);
    await expect(second.getByRole("tab", { name: /cash-rebate/ })).toHaveCount(0);
    await second.close();
    // ...and when this page is killed (a reload ends it), the new one finds it.
    await page.reload();
    // The tab comes back, pinned and dirty; the Explorer marks the rule.
    const tabs = page.getByRole("tablist", { name: /Open editors/ });
    await expect(tabs.getByRole("tab", { name: /cash-rebate/ })).toBeVisible();
    await explorer(page).item("Incentive").locator(".tree-row").first().click();
    const row = explorer(page)
      .tree.getByRole("treeitem", { name: /rebate/i })
      .filter({ hasText: "cash-rebate" });
    await expect(row).toHaveAccessibleDescription(/modified, not saved yet/);
    await page.keyboard.press("Control+Shift+F");
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("unsaved-marker-42");
    await expect(page.getByRole("status").filter({ hasText: "1 result in 1 file(s)" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Search results" })).toContainText("cash-rebate.rule.json");
    // Restored, it is an edit like any other: autosave stores it after the pause.
    await expect
      .poll(async () => (await stored(page, "rules", "cash-rebate")).doc?.text, { timeout: 60_000 })
      .toBe(unsaved);
  });

  test("two pages on one profile: the later save of the same document opens a conflict, Keep Mine wins", async ({
    page,
    context,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await explorer(page).tree.waitFor();
    const other = await context.newPage();
    await other.goto("/?lang=en&theme=dark");
    await explorer(other).tree.waitFor();
    // This page was editing dealer-program 1.1.0 (its draft is in IndexedDB) when it was killed...
    const { doc } = await stored(page, "manifests", "dealer-program@1.1.0");
    const mine = doc!.text.replace('"version": "1.1.0",', '"version": "1.1.0",\n  "x-note": "mine",');
    await leaveDraft(page, "manifest", "dealer-program@1.1.0", mine, doc?.revision ?? 1);

    // ...and meanwhile the other page saved the same manifest: it dragged a new rule into it.
    await other.keyboard.press("F1");
    await other.getByRole("combobox").fill("Rules: New Rule");
    await other.keyboard.press("Enter");
    await other.getByRole("option", { name: /Loyalty/ }).click();
    await other.getByRole("combobox").fill("welcome-points");
    await other.keyboard.press("Enter");
    await explorer(other).item("Loyalty").locator(".tree-row").first().click();
    const source = explorer(other).item("welcome-points").locator(".tree-row");
    await source.dragTo(explorer(other).item("dealer-program").last().locator(".tree-row"));
    await expect(toasts(other)).toContainText("Added welcome-points to dealer-program@1.1.0");

    // The first page comes back with its unsaved edit, which autosaves: not written over theirs.
    await page.reload();
    await expect(page.getByRole("tab", { name: /dealer-program/ })).toBeVisible();
    await expect(toasts(page)).toContainText("dealer-program@1.1.0 was changed in another tab");
    const theirs = (await stored(page, "manifests", "dealer-program@1.1.0")).doc?.text;
    expect(theirs).toContain("welcome-points");
    expect(theirs).not.toContain('"x-note": "mine"');
    await toasts(page).getByRole("button", { name: "Keep Mine" }).click();
    await expect
      .poll(async () => (await stored(page, "manifests", "dealer-program@1.1.0")).doc?.text)
      .toContain('"x-note": "mine"');
    // The other page hears of the save and reads the new list.
    await other.close();
  });

  test("Problems and Tests panels in both languages and themes", async ({ page }) => {
    // axe over a panel of ~180 tests takes a while on a busy 2-core machine.
    test.setTimeout(300_000);
    // A rule with a lint finding, imported through Rules: Import Rules… and the file chooser.
    await page.goto("/?lang=en&theme=dark");
    await explorer(page).tree.waitFor();
    const risky = {
      id: "risky-ratio",
      kind: "incentive",
      version: "1.0.0",
      title: { en: "Risky ratio", "zh-CN": "风险比率" },
      output: { type: "number", decimals: 4 },
      logic: { "/": [{ var: "sales.net_ytd" }, { var: "sales.prior_ytd" }] },
      tests: [{ name: "ratio", data: { sales: { net_ytd: 10, prior_ytd: 4 } }, expect: 2.5 }],
    };
    const chooser = page.waitForEvent("filechooser");
    await page.keyboard.press("F1");
    await page.getByRole("combobox").fill("Rules: Import Rules");
    await page.keyboard.press("Enter");
    await (
      await chooser
    ).setFiles({
      name: "risky-ratio.rule.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(risky, null, 2)),
    });
    await expect(toasts(page)).toContainText("Imported 1 rule(s)");
    for (const [lang, theme] of [
      ["en", "dark"],
      ["zh-CN", "light"],
      ["en", "light"],
      ["zh-CN", "dark"],
    ] as const) {
      await page.goto(`/?lang=${lang}&theme=${theme}`);
      await page.getByRole("tree", { name: lang === "en" ? "Workspace" : "工作区" }).waitFor();
      await page.keyboard.press("Control+Shift+M");
      const problems = page.getByRole("tree", { name: lang === "en" ? "Problems" : "问题" });
      await expect(problems.getByRole("treeitem", { name: "risky-ratio.rule.json" })).toBeVisible();
      // Enter on a problem opens its file.
      await problems
        .getByRole("treeitem", { name: "risky-ratio.rule.json" })
        .locator("[role=treeitem]")
        .first()
        .click();
      await expect(page.getByRole("tab", { name: /risky-ratio/ })).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/problems-${lang}-${theme}.png` });
      await page.getByRole("tab", { name: lang === "en" ? "Tests" : "测试" }).click();
      await expect(page.getByRole("tabpanel").getByRole("button").first()).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/tests-${lang}-${theme}.png` });
      expect(await seriousViolations(page), `Problems and Tests, ${lang} ${theme}`).toEqual([]);
    }
    // The Search view with results, and the Explorer's context menu, pass axe too.
    await page.keyboard.press("Control+Shift+F");
    await page.getByRole("radio", { name: "读取的字段" }).click();
    await page.getByRole("searchbox").fill("sales.rebate_base_ytd");
    await expect(page.getByRole("list", { name: "搜索结果" }).getByRole("button").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/search-zh-CN-dark.png" });
    expect(await seriousViolations(page), "Search view").toEqual([]);
    await page.getByRole("list", { name: "搜索结果" }).getByRole("button").first().click();
    await expect(page.getByRole("tab", { name: /growth-bonus/ })).toBeVisible();
    await page.keyboard.press("Control+Shift+E");
    const rules = page.getByRole("treeitem", { name: "规则", exact: true });
    await rules.locator(".tree-row").first().click({ button: "right" });
    await expect(page.getByRole("menu")).toBeVisible();
    expect(await seriousViolations(page), "context menu").toEqual([]);
    await page.keyboard.press("Escape");
  });
});
