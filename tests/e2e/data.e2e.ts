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
  test("viewer: choose columns, sort by a money column, filter by amount and region, a column's profile", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const side = page.getByRole("complementary", { name: "Side Bar" });
    await side.getByRole("button", { name: "Open distributors-300" }).click();
    const grid = page.getByRole("grid", { name: "Rows of distributors-300" });
    await expect(grid.getByRole("columnheader", { name: "Master data" })).toBeVisible();

    // Four columns, chosen by section in the column chooser.
    await page.getByRole("button", { name: "Columns…" }).click();
    const chooser = page.getByRole("dialog", { name: "Choose columns" });
    await chooser.getByRole("button", { name: "Hide all" }).click();
    for (const name of [
      "Distributor id (id)",
      "Company name (profile.name)",
      "Sales region (profile.sales_region)",
      "Net sales YTD (sales.net_ytd)",
    ])
      await chooser.getByRole("checkbox", { name, exact: true }).check();
    await expect(chooser).toContainText(/^4 of \d+ columns shown/);
    await chooser.getByRole("button", { name: "Close" }).click();
    await expect(grid.getByRole("columnheader", { name: "Sales (sell-in)" })).toBeVisible();

    // Sort: ascending, then descending; the largest net sales, in yuan, comes first.
    const net = grid.getByRole("columnheader", { name: /^Net sales YTD/ });
    await net.getByRole("button", { name: /^Net sales YTD/ }).click();
    await expect(net).toHaveAttribute("aria-sort", "ascending");
    await net.getByRole("button", { name: /^Net sales YTD/ }).click();
    await expect(net).toHaveAttribute("aria-sort", "descending");
    await expect(
      page.getByRole("status").filter({ hasText: "Sorted by Net sales YTD, descending" }),
    ).toBeVisible();
    const firstRow = grid.getByRole("row").nth(2);
    await expect(firstRow.getByRole("rowheader")).toHaveText("265");
    await expect(firstRow.getByRole("gridcell").nth(3)).toHaveText("CN¥614,257,437.00");

    // The profile, computed in the worker.
    await net.getByRole("button", { name: "Filter and profile of Net sales YTD" }).click();
    const panel = page.getByRole("complementary", { name: "Column Net sales YTD" });
    const profile = panel.getByRole("region", { name: "Profile" });
    await expect(profile.getByRole("definition").first()).toHaveText("Number");
    await expect(profile).toContainText("Distinct values295");
    await expect(profile).toContainText("MaximumCN¥614,257,437.00");
    await expect(profile).toContainText("Missing0 (0%)");
    await expect(profile.getByRole("img", { name: "Distribution from minimum to maximum" })).toBeVisible();

    // Filter by a range: the header says it is filtered, the bar how many rows match.
    await panel.getByRole("textbox", { name: "From" }).fill("5,000,000");
    await panel.getByRole("button", { name: "Apply filter" }).click();
    await expect(panel.getByRole("alert")).toHaveText("“5,000,000” is not a number");
    await panel.getByRole("textbox", { name: "From" }).fill("5000000");
    await panel.getByRole("button", { name: "Apply filter" }).click();
    await expect(page.getByRole("status").filter({ hasText: "136 of 300 rows match" })).toBeVisible();
    await expect(net).toContainText("filtered");

    // And by region, a choice of the values the profile found.
    const region = grid.getByRole("columnheader", { name: /^Sales region/ });
    await region.getByRole("button", { name: "Filter and profile of Sales region" }).click();
    const regionPanel = page.getByRole("complementary", { name: "Column Sales region" });
    await expect(
      regionPanel.getByRole("list", { name: "Most frequent values" }).getByRole("listitem").first(),
    ).toHaveText(/^华东\s*90 \(30%\)$/);
    await regionPanel.getByRole("checkbox", { name: "华东" }).check();
    await regionPanel.getByRole("button", { name: "Apply filter" }).click();
    await expect(page.getByRole("status").filter({ hasText: "49 of 300 rows match" })).toBeVisible();
    await expect(firstRow.getByRole("gridcell").nth(1)).toHaveText("浙江利民酒业有限公司");
    await page.screenshot({ path: "test-results/screenshots/data-viewer-query-en-dark-1280.png" });

    // Clearing the filters shows every row again, still sorted.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Sorted by Net sales YTD, descending" }),
    ).toBeVisible();
    await expect(firstRow.getByRole("rowheader")).toHaveText("265");

    // The keyboard reaches the headers: Arrow Up from the first row, Enter sorts.
    await grid.focus();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(grid.getByRole("columnheader", { name: /^Distributor id/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect(firstRow.getByRole("gridcell").first()).toHaveText("D-0001");
    await page.keyboard.press("Enter");
    await expect(firstRow.getByRole("gridcell").first()).toHaveText("D-0300");

    // Enter on a row shows its whole record as JSON.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const detail = page.getByRole("complementary", { name: "Row 300" });
    await expect(detail).toContainText('"id": "D-0300"');
    await expect(detail).toContainText('"net_ytd":');
  });

  test("viewer: Ctrl+G goes to a row number or a record id, and says when there is none", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("button", { name: "Data", exact: true }).click();
    const side = page.getByRole("complementary", { name: "Side Bar" });
    await side.getByRole("button", { name: "Open distributors-300" }).click();
    const grid = page.getByRole("grid", { name: "Rows of distributors-300" });
    await expect(grid.getByRole("columnheader", { name: "Master data" })).toBeVisible();
    const jumpBox = page.getByRole("textbox", { name: "Go to row or id" });
    const selectedRow = grid.getByRole("row").filter({ has: page.getByRole("gridcell", { selected: true }) });

    await grid.focus();
    await page.keyboard.press("Control+g");
    await expect(jumpBox).toBeFocused();
    await jumpBox.fill("250");
    await jumpBox.press("Enter");
    await expect(grid).toBeFocused();
    await expect(page.getByText("Row 250 of 300")).toBeVisible();
    await expect(selectedRow.getByRole("rowheader")).toHaveText("250");

    await page.keyboard.press("Control+g");
    await jumpBox.fill("D-0042");
    await jumpBox.press("Enter");
    await expect(page.getByText("Row 42 of 300")).toBeVisible();
    await expect(selectedRow.getByRole("gridcell").first()).toHaveText("D-0042");

    await page.keyboard.press("Control+g");
    await jumpBox.fill("D-9999");
    await jumpBox.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "No record has the id D-9999." })).toBeVisible();
    await jumpBox.fill("301");
    await jumpBox.press("Enter");
    await expect(
      page.getByRole("status").filter({ hasText: "There is no row 301: the dataset has rows 1 to 300." }),
    ).toBeVisible();
    await jumpBox.press("Escape");
    await expect(grid).toBeFocused();
    await expect(page.getByRole("button", { name: "Go to…" })).toBeVisible();
  });

  for (const { locale, theme, width, height } of [
    { locale: "zh-CN", theme: "light", width: 1280, height: 800 },
    { locale: "zh-CN", theme: "dark", width: 480, height: 800 },
    { locale: "en", theme: "light", width: 480, height: 800 },
  ]) {
    test(`viewer screenshot: ${locale}, ${theme}, ${width}×${height}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(`/?lang=${locale}&theme=${theme}`);
      const zh = locale === "zh-CN";
      await page.getByRole("button", { name: zh ? "数据" : "Data", exact: true }).click();
      await page
        .getByRole("button", { name: zh ? "打开 distributors-300" : "Open distributors-300" })
        .click();
      const grid = page.getByRole("grid", {
        name: zh ? "distributors-300 的数据行" : "Rows of distributors-300",
      });
      await expect(grid.getByRole("columnheader", { name: zh ? "基础档案" : "Master data" })).toBeVisible();
      // Scrolled to the money columns, sorted by one, its profile open.
      const header = grid.getByRole("columnheader").filter({ hasText: "sales.net_ytd" });
      // Narrow, the side bar is closed (the Data button again) to leave room for the grid.
      if (width < 600) {
        await page.getByRole("button", { name: zh ? "数据" : "Data", exact: true }).click();
        // The viewer's toolbar wraps while the side bar is open and unwraps when it closes, moving
        // the headers up: wait for the close, or a click lands on a row where the header was.
        await expect(page.getByRole("complementary", { name: zh ? "侧边栏" : "Side Bar" })).toBeHidden();
      }
      for (let i = 0; i < 80 && (await header.count()) === 0; i++)
        await grid.evaluate((element) => (element.scrollLeft += 150));
      const column = Number(await header.getAttribute("aria-colindex")) - 2;
      await grid.evaluate((element, left) => (element.scrollLeft = left), column * 150 - 150);
      await header.getByRole("button").first().click();
      await expect(header).toHaveAttribute("aria-sort", "ascending");
      await header.getByRole("button").first().click();
      await expect(header).toHaveAttribute("aria-sort", "descending");
      await header
        .getByRole("button", {
          name: zh ? "年初至今净销售额 的筛选与概况" : "Filter and profile of Net sales YTD",
        })
        .click();
      await expect(
        page.getByRole("complementary", { name: zh ? "列 年初至今净销售额" : "Column Net sales YTD" }),
      ).toContainText(zh ? "¥614,257,437.00" : "CN¥614,257,437.00");
      await page.screenshot({ path: `test-results/screenshots/data-viewer-${locale}-${theme}-${width}.png` });
    });
  }
});
