import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

const views = ["Explorer", "Search", "Data", "Simulation", "Packs", "Settings"];

for (const theme of ["dark", "light", "high-contrast"] as const) {
  test.describe(`accessibility, ${theme} theme`, () => {
    test("axe finds no serious or critical violation in any side bar view, with an editor and the palette open", async ({
      page,
    }) => {
      await page.goto(`/?lang=en&theme=${theme}`);
      await page.getByRole("tree", { name: "Workspace" }).waitFor();
      expect(await seriousViolations(page), "workbench").toEqual([]);
      for (const view of views) {
        await page.getByRole("button", { name: view, exact: true }).click();
        expect(await seriousViolations(page), `${view} view`).toEqual([]);
      }
      await page.getByRole("button", { name: "Explorer", exact: true }).click();
      await page.keyboard.press("Control+P");
      await page.getByRole("combobox").fill("volume-rebate");
      await page.keyboard.press("Enter");
      await page.getByRole("tab", { name: "volume-rebate" }).waitFor();
      await page.keyboard.press("Control+K");
      await page.keyboard.press("Control+S");
      await page.getByRole("table", { name: "Keyboard Shortcuts" }).waitFor();
      expect(await seriousViolations(page), "editors open").toEqual([]);
      await page.keyboard.press("F1");
      await page.getByRole("combobox").waitFor();
      expect(await seriousViolations(page), "palette open").toEqual([]);
    });
  });
}
