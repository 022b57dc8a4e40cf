import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Object store sizes of the workspace database and its seed marker, read straight from IndexedDB. */
function storedCounts(page: Page) {
  return page.evaluate(async () => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const known = await indexedDB.databases();
    if (!known.some((d) => d.name === "channel-rules-workbench")) return null;
    const db = await done(indexedDB.open("channel-rules-workbench"));
    const tx = db.transaction(["rules", "manifests", "datasets", "datasetLayouts", "meta"]);
    const counts = {
      version: db.version,
      rules: await done(tx.objectStore("rules").count()),
      manifests: await done(tx.objectStore("manifests").count()),
      datasets: await done(tx.objectStore("datasets").count()),
      datasetLayouts: await done(tx.objectStore("datasetLayouts").count()),
      seed: await done(tx.objectStore("meta").get("seed")),
    };
    db.close();
    return counts;
  });
}

const expectedCounts = { version: 4, rules: 35, manifests: 2, datasets: 1, datasetLayouts: 1 };

function explorer(page: Page) {
  const tree = page.getByRole("complementary", { name: "Side Bar" }).getByRole("tree", { name: "Workspace" });
  return {
    tree,
    item: (name: string) => tree.getByRole("treeitem", { name, exact: true }),
    level: (level: number) => tree.locator(`[role="treeitem"][aria-level="${level}"]`),
  };
}

async function expandRuleKinds(page: Page, kinds: string[]) {
  const { item } = explorer(page);
  for (const kind of kinds) {
    await item(kind).locator(".tree-row").click();
    await expect(item(kind)).toHaveAttribute("aria-expanded", "true");
  }
}

test.describe("workspace seeded on first start", () => {
  test("shows every rule group, both manifests and the 300-row dataset, all stored in IndexedDB", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    const { tree, item, level } = explorer(page);
    await expect(tree).toBeVisible();
    await expect(item("Rules")).toHaveAttribute("aria-expanded", "true");
    await expect(item("Rules")).toHaveAccessibleDescription("35 items");
    await expect(item("Incentive")).toHaveAccessibleDescription("14 items");
    await expect(item("Elimination")).toHaveAccessibleDescription("13 items");
    await expect(item("Loyalty")).toHaveAccessibleDescription("8 items");
    await expect(item("Incentive")).toHaveAttribute("aria-expanded", "false");

    await expandRuleKinds(page, ["Incentive", "Elimination", "Loyalty"]);
    await expect(level(3)).toHaveCount(35);
    const volume = item("Tiered retroactive volume rebate");
    await expect(volume).toHaveAccessibleDescription(/^volume-rebate/);
    await expect(volume).toHaveAttribute("aria-level", "3");
    await expect(item("Incentive").getByRole("group").getByRole("treeitem")).toHaveCount(14);

    const manifests = item("Pack manifests").getByRole("group").getByRole("treeitem");
    await expect(manifests).toHaveCount(2);
    await expect(manifests.nth(0)).toHaveAccessibleName("dealer-program");
    await expect(manifests.nth(0)).toHaveAccessibleDescription("1.0.0");
    await expect(manifests.nth(1)).toHaveAccessibleDescription("1.1.0");
    await expect(item("distributors-300")).toHaveAccessibleDescription("300 rows");

    const status = page.getByRole("contentinfo", { name: "Status Bar" });
    await expect(status.getByText("distributors-300 · 300 rows")).toBeVisible();
    expect(await storedCounts(page)).toMatchObject(expectedCounts);
    await expect(page.getByRole("region", { name: "Panel" })).toContainText(
      "No problems have been detected in the workspace.",
    );
  });

  test("a reload reads the same workspace from IndexedDB: no duplicates, no reseeding, edits kept", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    const { item, level } = explorer(page);
    await expect(item("distributors-300")).toBeVisible();
    const first = await storedCounts(page);
    expect(first).toMatchObject(expectedCounts);

    // Change a rule's title the way a later editor would, straight in the database.
    await page.evaluate(async () => {
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(new Error(String(request.error)));
        });
      const db = await done(indexedDB.open("channel-rules-workbench"));
      const store = db.transaction("rules", "readwrite").objectStore("rules");
      const stored = (await done(store.get("cash-rebate"))) as { rule: { title: { en: string } } };
      stored.rule.title.en = "My cash rebate";
      await done(store.put(stored));
      db.close();
    });

    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.reload();
    await expandRuleKinds(page, ["Incentive", "Elimination", "Loyalty"]);
    await expect(level(3)).toHaveCount(35);
    await expect(item("My cash rebate")).toHaveAccessibleDescription(/^cash-rebate/);
    await expect(item("Cash rebate (A-class conversion)")).toHaveCount(0);
    await expect(item("Pack manifests").getByRole("group").getByRole("treeitem")).toHaveCount(2);
    await expect(item("distributors-300")).toHaveAccessibleDescription("300 rows");
    await expect(page.getByRole("contentinfo").getByText("distributors-300 · 300 rows")).toBeVisible();

    const second = await storedCounts(page);
    expect(second).toEqual(first);
    // The seed files are one lazily loaded chunk (src/platform/seed/bundledFiles.ts): a seeded
    // profile never fetches it again.
    expect(requested.filter((url) => url.includes("bundledFiles"))).toEqual([]);
  });

  test("the tree follows the WAI-ARIA keyboard model with one roving tab stop", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    const { tree, item } = explorer(page);
    await expect(item("Rules")).toBeVisible();
    await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
    await item("Rules").focus();
    await expect(item("Rules")).toHaveAttribute("aria-selected", "true");

    await page.keyboard.press("ArrowDown");
    await expect(item("Incentive")).toBeFocused();
    await expect(item("Incentive")).toHaveAttribute("aria-selected", "true");
    await expect(item("Rules")).toHaveAttribute("aria-selected", "false");
    await page.keyboard.press("ArrowRight");
    await expect(item("Incentive")).toHaveAttribute("aria-expanded", "true");
    await expect(item("Incentive")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(item("Cash rebate (A-class conversion)")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(item("Collection gate")).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(item("Incentive")).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(item("Incentive")).toHaveAttribute("aria-expanded", "false");
    await expect(item("Collection gate")).toHaveCount(0);

    await page.keyboard.press("End");
    await expect(item("distributors-300")).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(item("Datasets")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(item("Datasets")).toHaveAttribute("aria-expanded", "false");
    await expect(item("distributors-300")).toHaveCount(0);
    await page.keyboard.press(" ");
    await expect(item("Datasets")).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Home");
    await expect(item("Rules")).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(item("Rules")).toHaveAttribute("aria-expanded", "false");
    await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);

    // Tab leaves the tree and Shift+Tab comes back to the row that had the focus.
    await page.keyboard.press("Tab");
    await expect(item("Rules")).not.toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(item("Rules")).toBeFocused();
  });

  test("the Data view lists the datasets with their row counts", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const side = page.getByRole("complementary", { name: "Side Bar" });
    const list = side.getByRole("list", { name: "Datasets" });
    await expect(list.getByRole("listitem")).toHaveCount(1);
    const dataset = list.getByRole("button", { name: "Use distributors-300 as the active dataset" });
    await expect(dataset).toHaveAttribute("aria-current", "true");
    await expect(dataset).toContainText("300 rows");
    await expect(dataset).toContainText("Distributor evaluation record");
    await page.screenshot({ path: "test-results/screenshots/workspace-data-en-dark.png" });
    // The Explorer keeps its open groups while another view is showing.
    await page.getByRole("button", { name: "Explorer", exact: true }).click();
    await explorer(page).item("Loyalty").locator(".tree-row").click();
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await page.getByRole("button", { name: "Explorer", exact: true }).click();
    await expect(explorer(page).item("Loyalty")).toHaveAttribute("aria-expanded", "true");
  });

  test("a workspace that cannot be opened shows why, and Retry opens it", async ({ page }) => {
    // Every open is refused, as a browser does while storage is blocked for the site, until the test
    // unblocks it (the user allowed storage) and presses Retry.
    await page.addInitScript(() => {
      const factory = window.indexedDB;
      const open = factory.open.bind(factory);
      (window as unknown as { storageBlocked: boolean }).storageBlocked = true;
      factory.open = (...args: Parameters<IDBFactory["open"]>) => {
        if ((window as unknown as { storageBlocked: boolean }).storageBlocked)
          throw new DOMException("Access to storage is not allowed.", "SecurityError");
        return open(...args);
      };
    });
    await page.goto("/?lang=en&theme=dark");
    const side = page.getByRole("complementary", { name: "Side Bar" });
    await expect(side.getByRole("alert")).toHaveText(/This browser window has no usable IndexedDB/);
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await expect(side.getByRole("alert")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/workspace-failed-en-dark.png" });
    await page.evaluate(() => ((window as unknown as { storageBlocked: boolean }).storageBlocked = false));
    await side.getByRole("button", { name: "Retry" }).click();
    await expect(side.getByRole("list", { name: "Datasets" }).getByRole("listitem")).toHaveCount(1);
    await page.getByRole("button", { name: "Explorer", exact: true }).click();
    await expect(explorer(page).item("distributors-300")).toHaveAccessibleDescription("300 rows");
    expect(await storedCounts(page)).toMatchObject(expectedCounts);
  });

  test("no IndexedDB at all (a private mode without it) shows a clear message in both languages", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      delete (window as { indexedDB?: IDBFactory }).indexedDB;
      Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    });
    await page.goto("/?lang=en&theme=dark");
    const side = page.getByRole("complementary", { name: "Side Bar" });
    await expect(side.getByRole("alert")).toHaveText(/This browser window has no usable IndexedDB/);
    await expect(side.getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Data", exact: true })).toBeVisible();
    await page.goto("/?lang=zh-CN&theme=light");
    await expect(page.getByRole("complementary", { name: "侧边栏" }).getByRole("alert")).toHaveText(
      /没有可用的 IndexedDB/,
    );
    await page.screenshot({ path: "test-results/screenshots/workspace-no-indexeddb-zh-light.png" });
  });

  test("an older tab holding the database open blocks the upgrade: says so, and Retry opens it", async ({
    page,
  }) => {
    // The page first holds version 1 open and ignores versionchange, as a tab of an older build does.
    await page.addInitScript(() => {
      const request = indexedDB.open("channel-rules-workbench", 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        for (const store of ["rules", "manifests", "datasets"])
          db.createObjectStore(store, { keyPath: "id" });
        db.createObjectStore("datasetRecords", { keyPath: ["datasetId", "index"] });
        db.createObjectStore("meta");
      };
      request.onsuccess = () => ((window as unknown as { staleTab: IDBDatabase }).staleTab = request.result);
    });
    await page.goto("/?lang=en&theme=dark");
    const side = page.getByRole("complementary", { name: "Side Bar" });
    await expect(side.getByRole("alert")).toHaveText(/Another tab of the workbench holds the workspace open/);
    await page.screenshot({ path: "test-results/screenshots/workspace-blocked-en-dark.png" });
    await page.evaluate(() => (window as unknown as { staleTab: IDBDatabase }).staleTab.close());
    await side.getByRole("button", { name: "Retry" }).click();
    await expect(explorer(page).item("distributors-300")).toHaveAccessibleDescription("300 rows");
  });

  test("screenshots: English dark and Chinese light", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await expandRuleKinds(page, ["Incentive"]);
    await explorer(page).item("Tiered retroactive volume rebate").locator(".tree-row").click();
    await page.screenshot({ path: "test-results/screenshots/workspace-en-dark.png" });

    await page.goto("/?lang=zh-CN&theme=light");
    const zh = page.getByRole("tree", { name: "工作区" });
    await expect(zh).toBeVisible();
    await expect(zh.getByRole("treeitem", { name: "规则", exact: true })).toHaveAccessibleDescription(
      "35 项",
    );
    await zh.getByRole("treeitem", { name: "激励", exact: true }).locator(".tree-row").click();
    await expect(
      zh.getByRole("treeitem", { name: "台阶返利(全额累进)", exact: true }),
    ).toHaveAccessibleDescription(/^volume-rebate/);
    await expect(
      zh.getByRole("treeitem", { name: "distributors-300", exact: true }),
    ).toHaveAccessibleDescription("300 行");
    await expect(
      page.getByRole("contentinfo", { name: "状态栏" }).getByText("distributors-300 · 300 行"),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/workspace-zh-CN-light.png" });
  });
});
