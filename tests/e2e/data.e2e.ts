import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * A GBK-encoded CSV as Excel on a Chinese Windows saves it: three dealers, one with an amount that is
 * not a number. Built from bytes, since Node has no GBK encoder: "经销商甲" etc. in code page 936.
 */
function gbkCsv(): Buffer {
  const gbk = (hex: string) => Buffer.from(hex, "hex");
  return Buffer.concat([
    Buffer.from("id,name,region,amount\r\n"),
    // D-1,经销商甲,华东,1200.5
    Buffer.from("D-1,"),
    gbk("beadcffac9ccbcd7"),
    Buffer.from(","),
    gbk("bbaab6ab"),
    Buffer.from(",1200.5\r\n"),
    // D-2,经销商乙,华北,abc  (the bad row, line 3)
    Buffer.from("D-2,"),
    gbk("beadcffac9ccd2d2"),
    Buffer.from(","),
    gbk("bbaab1b1"),
    Buffer.from(",abc\r\n"),
    // D-3,经销商丙,西北,-80
    Buffer.from("D-3,"),
    gbk("beadcffac9ccb1fb"),
    Buffer.from(","),
    gbk("cef7b1b1"),
    Buffer.from(",-80\r\n"),
  ]);
}

async function chooseImport(page: Page, label: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: label, exact: true }).click();
  await (await chooser).setFiles({ name: "dealers.csv", mimeType: "text/csv", buffer: gbkCsv() });
}

test.describe("datasets", () => {
  test("import a GBK CSV with a bad row: report, import the valid rows, view them, export and compare", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const side = page.getByRole("complementary", { name: "Side Bar" });
    await expect(side.getByRole("list", { name: "Datasets" }).getByRole("listitem")).toHaveCount(1);

    await chooseImport(page, "Import Dataset…");
    const dialog = page.getByRole("dialog", { name: "Import Dataset — dealers.csv" });
    await expect(dialog.getByRole("status")).toHaveText("3 rows read, all valid.");
    await expect(dialog.getByRole("combobox", { name: "Encoding" })).toHaveValue("gb18030");
    await expect(dialog.getByRole("option", { name: "GB18030 (detected)" })).toBeAttached();
    // "amount" was read as text (one cell is "abc"); correcting it to Number lists the bad row.
    await dialog.getByRole("combobox", { name: "Type: amount" }).selectOption("number");
    await expect(dialog.getByRole("status")).toHaveText("3 rows read: 2 valid, 1 with problems.");
    const problems = dialog.getByRole("table", { name: "Problems" });
    await expect(problems.getByRole("row")).toHaveCount(2);
    await expect(problems.getByRole("row").nth(1)).toHaveText(/^3\s*amount\s*"abc" is not a number$/);
    await page.screenshot({ path: "test-results/screenshots/data-import-report-en-dark.png" });
    await dialog.getByRole("button", { name: "Import 2 valid rows" }).click();
    await expect(dialog).toBeHidden();

    const dealers = side.getByRole("button", { name: "Use dealers as the active dataset" });
    await expect(dealers).toContainText("2 rows");
    await expect(dealers).toHaveAttribute("aria-current", "true");

    // The viewer shows the stored rows, Chinese names decoded.
    await side.getByRole("button", { name: "Open dealers" }).click();
    const grid = page.getByRole("grid", { name: "Rows of dealers" });
    await expect(grid.getByRole("gridcell", { name: "经销商甲" })).toBeVisible();
    await expect(grid.getByRole("gridcell", { name: "经销商丙" })).toBeVisible();
    await expect(grid.getByRole("gridcell", { name: "-80" })).toBeVisible();
    await expect(grid.getByRole("gridcell", { name: "经销商乙" })).toHaveCount(0);
    await grid.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await expect(page.getByText("Row 2 of 2")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/data-viewer-en-dark.png" });

    // Export as CSV: UTF-8 with BOM, the header of paths, the stored values.
    const download = page.waitForEvent("download");
    await page.keyboard.press("F1");
    await page.getByRole("combobox").fill("Data: Export Dataset");
    await page.keyboard.press("Enter");
    await page.getByRole("option", { name: /dealers/ }).click();
    await page.getByRole("option", { name: /CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("dealers.csv");
    const text = await readFile(await file.path(), "utf8");
    expect(text).toBe("\uFEFFid,name,region,amount\r\nD-1,经销商甲,华东,1200.5\r\nD-3,经销商丙,西北,-80\r\n");

    // Everything is still there after a reload.
    // (The Data view stays the open view across the reload.)
    await page.reload();
    await expect(side.getByRole("button", { name: "Use dealers as the active dataset" })).toContainText(
      "2 rows",
    );
  });

  test("zh-CN: the report in Chinese; Cancel stores nothing", async ({ page }) => {
    await page.goto("/?lang=zh-CN&theme=light");
    await page.getByRole("button", { name: "数据", exact: true }).click();
    await chooseImport(page, "导入数据集…");
    const dialog = page.getByRole("dialog", { name: "导入数据集 — dealers.csv" });
    await dialog.getByRole("combobox", { name: "类型: amount" }).selectOption("number");
    await expect(dialog.getByRole("table", { name: "问题" })).toContainText("“abc”不是数字");
    await expect(dialog.getByRole("button", { name: "导入 2 行有效数据" })).toBeEnabled();
    await page.screenshot({ path: "test-results/screenshots/data-import-report-zh-CN-light.png" });
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
    const side = page.getByRole("complementary", { name: "侧边栏" });
    await expect(side.getByRole("list").getByRole("listitem")).toHaveCount(1);
    const stored = await page.evaluate(async () => {
      const done = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      const db = await done(indexedDB.open("channel-rules-workbench"));
      const tx = db.transaction(["datasets", "datasetLayouts"]);
      const counts = [
        await done(tx.objectStore("datasets").count()),
        await done(tx.objectStore("datasetLayouts").count()),
      ];
      db.close();
      return counts;
    });
    expect(stored).toEqual([1, 1]);
  });
});
