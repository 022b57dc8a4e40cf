import { expect, test } from "./fixtures";

test.describe("workbench shell", () => {
  test("loads with its title, every part as a named landmark, and no console errors", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await expect(page).toHaveTitle("Channel Rules Workbench");
    await expect(page.getByRole("navigation", { name: "Activity Bar" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Side Bar" })).toBeVisible();
    await expect(page.getByRole("main", { name: "Editor" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Panel" })).toBeVisible();
    await expect(page.getByRole("contentinfo", { name: "Status Bar" })).toBeVisible();
    for (const view of ["Explorer", "Search", "Data", "Simulation", "Packs", "Settings"]) {
      await expect(page.getByRole("button", { name: view, exact: true })).toBeVisible();
    }
    await page.screenshot({ path: "test-results/screenshots/shell-en-dark.png" });
  });

  test("switches language and theme from the status bar", async ({ page }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("button", { name: "Switch language to 简体中文" }).click();
    await expect(page).toHaveTitle("渠道规则工作台");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("navigation", { name: "活动栏" })).toBeVisible();
    await page.getByRole("button", { name: "切换到浅色主题" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await page.screenshot({ path: "test-results/screenshots/shell-zh-light.png" });
  });

  test("collapses the side bar when the active view is clicked again", async ({ page }) => {
    await page.goto("/?lang=en");
    const explorer = page.getByRole("button", { name: "Explorer", exact: true });
    await expect(explorer).toHaveAttribute("aria-pressed", "true");
    await explorer.click();
    await expect(page.getByRole("complementary", { name: "Side Bar" })).toHaveCount(0);
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await expect(page.getByRole("complementary", { name: "Side Bar" }).getByRole("heading")).toHaveText(
      "Data",
    );
  });
});
