import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The data part's whole-workspace commands, driven from the palette: generate a synthetic dataset
 * (and cancel a large one, finding nothing left), back the workspace up, change it, restore the
 * backup (a damaged one is refused first), and reset to the samples.
 */

const palette = (page: Page) => page.getByRole("combobox");
const options = (page: Page) => page.getByRole("listbox").getByRole("option");
const shots = "test-results/screenshots";
const scratch = "test-results/e2e-data-commands";
mkdirSync(shots, { recursive: true });
mkdirSync(scratch, { recursive: true });

/** Runs a command from the palette: its title typed, its option chosen (arrows, then Enter). */
async function runCommand(page: Page, label: string) {
  await page.keyboard.press("F1");
  await palette(page).fill(label);
  // "Back Up…" also matches "Restore from Backup…" fuzzily, so find the option by its own title.
  const option = options(page).filter({ hasText: label });
  await expect(option).toHaveCount(1);
  for (let i = 0; i < 10 && (await option.getAttribute("aria-selected")) !== "true"; i++)
    await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
}

const datasetList = (page: Page) =>
  page.getByRole("complementary", { name: "Side Bar" }).getByRole("list", { name: "Datasets" });

test.describe("data commands", () => {
  test("generate, cancel a large generation, back up, change, restore, reset to samples", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto("/?lang=en&theme=dark");
    await expect(page.getByRole("tree", { name: "Workspace" })).toBeVisible();
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(1);
    // The Data view says whether the browser keeps the workspace.
    await expect(
      page.getByText(/Kept by the browser|may clear this data|does not say whether/),
    ).toBeVisible();

    // Generate 1,000 records with seed 42.
    await runCommand(page, "Data: Generate Synthetic Dataset…");
    const dialog = page.getByRole("dialog", { name: "Generate Synthetic Dataset" });
    await expect(dialog.getByRole("combobox", { name: "Records" })).toBeFocused();
    await dialog.getByRole("combobox", { name: "Records" }).selectOption({ label: "1,000" });
    await dialog.getByRole("spinbutton", { name: "Seed" }).fill("42");
    await expect(dialog.getByRole("textbox", { name: "Dataset name" })).toHaveValue("synthetic-1000-seed-42");
    await expect(dialog).toContainText("npm run samples -- --count 1000 --seed 42 --out data.jsonl");
    await page.screenshot({ path: `${shots}/data-generate-en-dark.png` });
    await dialog.getByRole("button", { name: "Generate" }).click();
    await expect(dialog).toBeHidden();
    const generated = datasetList(page).getByRole("button", {
      name: "Use synthetic-1000-seed-42 as the active dataset",
    });
    await expect(generated).toContainText("1,000 rows");
    await expect(generated).toHaveAttribute("aria-current", "true");

    // A million records, cancelled once the bar moves: nothing is left, even after a reload.
    await runCommand(page, "Data: Generate Synthetic Dataset…");
    await dialog.getByRole("combobox", { name: "Records" }).selectOption({ label: "1,000,000" });
    await dialog.getByRole("button", { name: "Generate" }).click();
    const progress = dialog.getByRole("progressbar", { name: "Generation progress" });
    await expect(progress).toBeVisible();
    await expect
      .poll(async () => Number(await progress.getAttribute("value")), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(2);
    const chunksOf = (id: string) =>
      page.evaluate(
        (id) =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open("channel-rules-workbench");
            open.onsuccess = () => {
              const tx = open.result.transaction(["datasetChunks", "datasetLayouts"], "readonly");
              const range = IDBKeyRange.bound([id, -Infinity, -Infinity], [id, Infinity, Infinity]);
              const count = tx.objectStore("datasetChunks").count(range);
              const layout = tx.objectStore("datasetLayouts").count(id);
              tx.oncomplete = () => {
                open.result.close();
                resolve(count.result + layout.result);
              };
            };
            open.onerror = () => reject(new Error(String(open.error)));
          }),
        id,
      );
    await expect.poll(() => chunksOf("synthetic-1000000-seed-1")).toBe(0);

    // Back up: one zip download named workspace-<date>.crw.zip.
    const downloading = page.waitForEvent("download");
    await runCommand(page, "Workspace: Back Up…");
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^workspace-\d{4}-\d{2}-\d{2}\.crw\.zip$/);
    const backup = `${scratch}/${download.suggestedFilename()}`;
    await download.saveAs(backup);
    await expect(page.getByRole("status").filter({ hasText: /Backed up \d+ rules/ })).toBeVisible();

    // Change things: delete the generated dataset.
    await runCommand(page, "Data: Delete Dataset");
    await palette(page).fill("synthetic-1000");
    await page.keyboard.press("Enter");
    await page
      .getByRole("dialog", { name: "Delete dataset synthetic-1000-seed-42?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(1);

    // A damaged backup is refused, naming the problem, and changes nothing.
    writeFileSync(`${scratch}/broken.crw.zip`, "this is not a zip");
    let chooser = page.waitForEvent("filechooser");
    await runCommand(page, "Workspace: Restore from Backup…");
    await (await chooser).setFiles(`${scratch}/broken.crw.zip`);
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "broken.crw.zip cannot be restored: This file is not a zip archive" }),
    ).toBeVisible();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(1);

    // Generate it again: same id, made later, so the backup's and this one conflict.
    await runCommand(page, "Data: Generate Synthetic Dataset…");
    await dialog.getByRole("combobox", { name: "Records" }).selectOption({ label: "1,000" });
    await dialog.getByRole("spinbutton", { name: "Seed" }).fill("42");
    await dialog.getByRole("button", { name: "Generate" }).click();
    await expect(dialog).toBeHidden();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(2);
    const createdAt = () =>
      page.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const open = indexedDB.open("channel-rules-workbench");
            open.onsuccess = () => {
              const get = open.result
                .transaction("datasets", "readonly")
                .objectStore("datasets")
                .get("synthetic-1000-seed-42");
              get.onsuccess = () => {
                open.result.close();
                resolve(String((get.result as { createdAt?: string } | undefined)?.createdAt));
              };
            };
            open.onerror = () => reject(new Error(String(open.error)));
          }),
      );
    const regenerated = await createdAt();

    // The real backup: its one conflict is listed with what differs; Escape cancels and changes nothing.
    const restoreDialog = page.getByRole("dialog", {
      name: `Restore ${download.suggestedFilename()}: choose what to keep`,
    });
    const conflict = restoreDialog.getByRole("group", { name: "Dataset synthetic-1000-seed-42" });
    chooser = page.waitForEvent("filechooser");
    await runCommand(page, "Workspace: Restore from Backup…");
    await (await chooser).setFiles(backup);
    await expect(restoreDialog.getByRole("list", { name: "Conflicts" }).getByRole("listitem")).toHaveCount(1);
    await expect(conflict).toContainText("created: mine");
    await expect(conflict.getByRole("radio", { name: "Keep mine" })).toBeChecked();
    await page.keyboard.press("Escape");
    await expect(restoreDialog).toBeHidden();
    expect(await createdAt()).toBe(regenerated);

    // In zh-CN, for the screenshot; cancelled too.
    await page.goto("/?lang=zh-CN&theme=dark");
    await expect(page.getByRole("contentinfo")).toBeVisible();
    chooser = page.waitForEvent("filechooser");
    await runCommand(page, "工作区: 从备份恢复…");
    await (await chooser).setFiles(backup);
    const zhDialog = page.getByRole("dialog", {
      name: `恢复 ${download.suggestedFilename()}：选择保留哪一方`,
    });
    await expect(zhDialog.getByRole("group", { name: "数据集 synthetic-1000-seed-42" })).toBeVisible();
    await zhDialog.getByRole("radio", { name: "采用备份的" }).check();
    await page.screenshot({ path: `${shots}/restore-conflicts-zh-CN-dark.png` });
    await zhDialog.getByRole("button", { name: "取消" }).click();
    await expect(zhDialog).toBeHidden();
    expect(await createdAt()).toBe(regenerated);

    // Take the backup's: the workbench reloads over the merged workspace.
    await page.goto("/?lang=en&theme=dark");
    await expect(page.getByRole("contentinfo", { name: "Status Bar" })).toBeVisible();
    chooser = page.waitForEvent("filechooser");
    await runCommand(page, "Workspace: Restore from Backup…");
    await (await chooser).setFiles(backup);
    await conflict.getByRole("radio", { name: "Take the backup's" }).check();
    await restoreDialog.getByRole("button", { name: "Restore", exact: true }).click();
    // The workbench starts again over the restored workspace (the Data view stays open).
    await page.waitForEvent("load");
    await expect(page.getByRole("contentinfo", { name: "Status Bar" })).toBeVisible();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(2);
    await expect(
      datasetList(page).getByRole("button", { name: "Use synthetic-1000-seed-42 as the active dataset" }),
    ).toContainText("1,000 rows");
    expect(await createdAt()).not.toBe(regenerated);

    // Reset to samples: it says what goes and what stays; the user's dataset stays.
    await runCommand(page, "Workspace: Reset to Samples");
    const reset = page.getByRole("dialog", { name: "Reset the workspace to the samples?" });
    await expect(reset).toContainText(
      "Replaces the sample dataset distributors-300 with the shipped records.",
    );
    await expect(reset).toContainText("Kept as they are: 1 other datasets");
    await reset.getByRole("button", { name: "Reset" }).click();
    // The workbench starts again over the restored workspace (the Data view stays open).
    await page.waitForEvent("load");
    await expect(page.getByRole("contentinfo", { name: "Status Bar" })).toBeVisible();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(2);
  });

  test("a write that will not fit is refused up front; a full disk halfway leaves nothing", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await expect(page.getByRole("tree", { name: "Workspace" })).toBeVisible();
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Generate Synthetic Dataset" });

    // The browser reports 10 MB free: 100,000 records (about 100 MB) are refused before anything is written.
    await page.evaluate(() => {
      const storage = navigator.storage;
      storage.estimate = () => Promise.resolve({ usage: 990 * 1024 ** 2, quota: 1000 * 1024 ** 2 });
    });
    await runCommand(page, "Data: Generate Synthetic Dataset…");
    await dialog.getByRole("combobox", { name: "Records" }).selectOption({ label: "100,000" });
    await dialog.getByRole("button", { name: "Generate" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      /This needs about [\d.]+ MB of storage but only 10 MB is free/,
    );
    await expect(dialog).toContainText("Nothing was stored.");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(1);

    // Room enough by the estimate, but the disk fills after about two chunks (400 column chunks):
    // the write stops and nothing stays.
    await page.evaluate(() => {
      navigator.storage.estimate = () => Promise.resolve({ usage: 0, quota: 1000 * 1024 ** 3 });
      const proto = IDBObjectStore.prototype;
      const original = Object.getOwnPropertyDescriptor(proto, "put")!.value as (
        this: IDBObjectStore,
        ...args: unknown[]
      ) => IDBRequest<IDBValidKey>;
      let chunks = 0;
      proto.put = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === "datasetChunks" && ++chunks > 400)
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return original.apply(this, args);
      };
    });
    await runCommand(page, "Data: Generate Synthetic Dataset…");
    await dialog.getByRole("combobox", { name: "Records" }).selectOption({ label: "100,000" });
    await dialog.getByRole("button", { name: "Generate" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "The generation failed: The browser's storage for this site is full: the write stopped and nothing of it was kept.",
      { timeout: 60_000 },
    );
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(1);
    await page.reload();
    await expect(page.getByRole("contentinfo", { name: "Status Bar" })).toBeVisible();
    await expect(datasetList(page).getByRole("listitem")).toHaveCount(1);
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open("channel-rules-workbench");
          open.onsuccess = () => {
            const tx = open.result.transaction(["datasetChunks", "datasetLayouts"], "readonly");
            const id = "synthetic-100000-seed-1";
            const chunks = tx
              .objectStore("datasetChunks")
              .count(IDBKeyRange.bound([id, -Infinity, -Infinity], [id, Infinity, Infinity]));
            const layouts = tx.objectStore("datasetLayouts").count(id);
            tx.oncomplete = () => resolve(chunks.result + layouts.result);
          };
        }),
    );
    expect(left).toBe(0);
  });

  test("the generate dialog in Chinese", async ({ page }) => {
    await page.goto("/?lang=zh-CN&theme=light");
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await runCommand(page, "数据: 生成模拟数据集…");
    const dialog = page.getByRole("dialog", { name: "生成模拟数据集" });
    await expect(dialog.getByRole("combobox", { name: "记录数" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "生成" })).toBeEnabled();
    await dialog.getByRole("spinbutton", { name: "随机种子" }).fill("");
    await expect(dialog.getByRole("alert")).toHaveText("随机种子必须是 0 到 4,294,967,295 之间的整数。");
    await expect(dialog.getByRole("button", { name: "生成" })).toBeDisabled();
    await dialog.getByRole("spinbutton", { name: "随机种子" }).fill("7");
    await page.screenshot({ path: `${shots}/data-generate-zh-CN-light.png` });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });
});
