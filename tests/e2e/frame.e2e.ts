import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const palette = (page: Page) => page.getByRole("combobox");
const options = (page: Page) => page.getByRole("listbox").getByRole("option");

async function runCommand(page: Page, label: string) {
  await page.keyboard.press("F1");
  await palette(page).fill(label);
  await expect(options(page).first()).toHaveText(new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await page.keyboard.press("Enter");
}

test.describe("workbench frame", () => {
  test("the palette is an ARIA combobox: fuzzy filter with highlights, keybindings, arrows, Enter, Escape", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    await page.getByRole("treeitem", { name: "Rules" }).focus();
    await page.keyboard.press("Control+Shift+P");
    const box = palette(page);
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute("aria-controls", "quick-input-list");
    await box.fill("prefcol");
    await expect(options(page).first()).toHaveText(/Preferences: Color Theme/);
    await expect(options(page).first()).toContainText("Ctrl+K Ctrl+T");
    await expect(options(page).first().locator("mark").first()).toHaveText("Pref");
    const active = await box.getAttribute("aria-activedescendant");
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
    await page.screenshot({ path: "test-results/screenshots/palette-en-dark.png" });
    await page.keyboard.press("Escape");
    await expect(box).toBeHidden();
    // Focus goes back where it was.
    await expect(page.getByRole("treeitem", { name: "Rules" })).toBeFocused();
  });

  test("switches to the dark theme and to Chinese from the palette, and a reload keeps both", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("tree").waitFor();
    await runCommand(page, "Preferences: Color Theme");
    await expect(options(page)).toHaveText(["Light", "Dark", "High Contrast"]);
    await options(page).filter({ hasText: "Dark" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await runCommand(page, "Preferences: Language");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveTitle("渠道规则工作台");
    // The palette now speaks Chinese and remembers what was used.
    await page.keyboard.press("F1");
    await expect(page.getByRole("listbox").getByText("最近使用")).toBeVisible();
    await expect(options(page).first()).toHaveText(/首选项: 显示语言/);
    await page.screenshot({ path: "test-results/screenshots/palette-zh-dark.png" });
    await page.keyboard.press("Escape");
    await page.waitForTimeout(500);
    await page.reload();
    await expect(page).toHaveTitle("渠道规则工作台");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  });

  test("Go to File opens a rule by its Chinese title as a preview tab; tabs close, reopen and split", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=light");
    await page.getByRole("tree").waitFor();
    await page.keyboard.press("Control+P");
    await palette(page).fill("台阶返利");
    await expect(options(page).first()).toContainText("volume-rebate");
    await page.keyboard.press("Enter");
    const tabs = page.getByRole("tablist", { name: "Open editors, group 1" }).getByRole("tab");
    await expect(tabs).toHaveCount(1);
    await expect(tabs.first()).toHaveAccessibleName("volume-rebate");
    await expect(tabs.first()).toHaveAccessibleDescription(/preview/);
    // A second preview replaces the first; a double click pins.
    await page.keyboard.press("Control+P");
    await palette(page).fill("growth-bonus");
    await page.keyboard.press("Enter");
    await expect(tabs).toHaveCount(1);
    await tabs.first().dblclick();
    await expect(tabs.first()).not.toHaveAccessibleDescription(/preview/);
    await page.keyboard.press("Control+P");
    await palette(page).fill("volume-rebate");
    await page.keyboard.press("Enter");
    await expect(tabs).toHaveCount(2);
    await page.keyboard.press("Control+W");
    await expect(tabs).toHaveCount(1);
    await page.keyboard.press("Control+Shift+T");
    await expect(tabs).toHaveCount(2);
    await page.keyboard.press("Control+\\");
    await expect(page.getByRole("tablist", { name: "Open editors, group 2" }).getByRole("tab")).toHaveCount(
      1,
    );
    // The layout is written a moment after the last change (it is debounced), then survives a reload.
    await page.waitForTimeout(500);
    await page.reload();
    await expect(page.getByRole("tablist", { name: "Open editors, group 2" }).getByRole("tab")).toHaveCount(
      1,
    );
    await expect(page.getByRole("tablist", { name: "Open editors, group 1" }).getByRole("tab")).toHaveCount(
      2,
    );
  });

  test("tabs reorder by keyboard; the side bar resizes with the keyboard and keeps its width", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree").waitFor();
    for (const id of ["volume-rebate", "growth-bonus"]) {
      await page.keyboard.press("Control+P");
      await palette(page).fill(id);
      await page.keyboard.press("Enter");
      await page.getByRole("tab", { name: id }).dblclick();
    }
    const tabs = page.getByRole("tablist", { name: "Open editors, group 1" }).getByRole("tab");
    await expect(tabs).toHaveText([/volume-rebate/, /growth-bonus/]);
    await page.keyboard.press("Control+Shift+PageUp");
    await expect(tabs).toHaveText([/growth-bonus/, /volume-rebate/]);
    const sash = page.getByRole("separator", { name: "Resize the side bar" });
    const before = Number(await sash.getAttribute("aria-valuenow"));
    await sash.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await expect(sash).toHaveAttribute("aria-valuenow", String(before + 50));
    await page.waitForTimeout(500);
    await page.reload();
    await expect(page.getByRole("separator", { name: "Resize the side bar" })).toHaveAttribute(
      "aria-valuenow",
      String(before + 50),
    );
    await expect(tabs).toHaveText([/growth-bonus/, /volume-rebate/]);
  });

  test("Keyboard Shortcuts lists every command with its keys and is searchable; Settings apply at once", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree").waitFor();
    await page.keyboard.press("Control+K");
    await expect(page.getByRole("status").filter({ hasText: "Waiting for the second key" })).toBeVisible();
    await page.keyboard.press("Control+S");
    const table = page.getByRole("table", { name: "Keyboard Shortcuts" });
    await expect(table.getByRole("row", { name: /View: Command Palette/ })).toContainText("F1");
    await page.getByRole("searchbox", { name: /Search keybindings/ }).fill("ctrl+k");
    // The header and the four chords: Save All, Color Theme, Keyboard Shortcuts, Toggle Visual Builder.
    await expect(table.getByRole("row")).toHaveCount(5);
    await expect(table.getByRole("row", { name: /Toggle Visual Builder/ })).toContainText("Ctrl+K V");
    await page.keyboard.press("Control+Comma");
    const settings = page.getByRole("form", { name: "Settings" });
    await settings.getByLabel("Color theme").selectOption("high-contrast");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "high-contrast");
    await page.screenshot({ path: "test-results/screenshots/settings-en-hc.png" });
  });
});

test.describe("content security policy", () => {
  // The blocked inline script is reported on the console on purpose.
  test.use({ allowConsoleErrors: true });

  test("the Content-Security-Policy is sent and holds: no inline script runs", async ({ page }) => {
    const response = await page.goto("/?lang=en");
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    expect(response?.headers()["content-security-policy"]).toContain("connect-src 'self'");
    await page.getByRole("tree").waitFor();
    const ran = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), {
          once: true,
        }),
      );
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
      return {
        ran: (window as unknown as { inlineRan?: boolean }).inlineRan === true,
        directive: await violation,
      };
    });
    expect(ran).toEqual({ ran: false, directive: "script-src-elem" });
  });
});
