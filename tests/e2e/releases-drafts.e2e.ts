import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Released versions never change: every attempt to edit one (typing into it, Edit as a new draft, a
 * released rule's link) offers a new draft, which opens editable while the release stays byte for
 * byte what it was. And releases made or deleted in one tab appear in the other open tabs.
 */

const palette = (page: Page) => page.getByRole("combobox").and(page.locator("input"));
const options = (page: Page) => page.getByRole("listbox").getByRole("option");
const shots = "test-results/screenshots";
const work = "test-results/e2e-releases-drafts";
mkdirSync(shots, { recursive: true });
mkdirSync(work, { recursive: true });

async function runCommand(page: Page, label: string) {
  await page.keyboard.press("F1");
  await palette(page).fill(label);
  await expect(options(page).first()).toContainText(label);
  await page.keyboard.press("Enter");
}

async function pick(page: Page, label: string) {
  await palette(page).fill(label);
  await expect(options(page).first()).toContainText(label);
  await page.keyboard.press("Enter");
}

/** A pack built by the CLI from the shipped manifest (what an engineer would hand back). */
function builtPack(version: string): string {
  const out = `${work}/dealer-program-${version}.pack.json`;
  execFileSync(process.execPath, [
    "dist/cli/crw.mjs",
    "pack",
    "build",
    `rules/manifests/dealer-program-${version}.manifest.json`,
    "-o",
    out,
  ]);
  return out;
}

async function importPack(page: Page, path: string) {
  const choosing = page.waitForEvent("filechooser");
  await runCommand(page, "Pack: Import");
  await (await choosing).setFiles(path);
  await expect(page.getByRole("status").filter({ hasText: /^Imported dealer-program/ })).toBeVisible();
}

/** The stored release record, as JSON text, straight from IndexedDB. */
function storedRelease(page: Page, id: string): Promise<string> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open("channel-rules-workbench");
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
    const value = await new Promise<unknown>((resolve) => {
      const r = db.transaction("releases").objectStore("releases").get(key);
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return JSON.stringify(value);
  }, id);
}

test.describe("released versions", () => {
  test.setTimeout(120_000);

  test("editing a released version offers a new draft that opens editable; the release never changes", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    await importPack(page, builtPack("1.1.0"));
    const before = await storedRelease(page, "dealer-program@1.1.0");
    expect(before).toContain('"integrity":"sha256-');

    await runCommand(page, "Pack: Open Released Version");
    await pick(page, "dealer-program 1.1.0");
    const text = page.getByRole("textbox", { name: "Pack dealer-program 1.1.0, read-only" });
    await expect(text).toBeVisible();
    await text.focus();
    await page.keyboard.type("XYZZY");
    await expect(page.locator(".released__editor .view-lines")).not.toContainText("XYZZY");
    // The edit attempt offers a new draft, in a notification with a button.
    const offer = page
      .getByRole("status")
      .filter({ hasText: "dealer-program 1.1.0 is released and read-only: editing it starts a new draft." });
    await expect(offer).toBeVisible();
    await offer.getByRole("button", { name: "Start a new draft" }).click();
    // The version is asked, the next patch suggested; a released version is refused.
    await expect(palette(page)).toHaveValue("1.1.1");
    await palette(page).fill("1.1.0");
    await expect(
      page.getByText("dealer-program 1.1.0 is released already; a new draft needs a new version."),
    ).toBeVisible();
    await palette(page).fill("1.1.1");
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("status").filter({
        hasText:
          /^Started the draft dealer-program 1\.1\.1 from the released 1\.1\.0 \(rules\/manifests\/dealer-program-1\.1\.1\.manifest\.json\)/,
      }),
    ).toBeVisible();
    // The draft manifest is open and editable.
    const tab = page.getByRole("tab", { name: /dealer-program@1\.1\.1/ }).first();
    await expect(tab).toBeVisible();
    // Editable: what is typed there shows (the released text took nothing).
    const draft = page.getByRole("textbox", { name: "Pack manifest dealer-program@1.1.1" });
    await draft.focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" XYZZY");
    const draftLines = page.locator(".monaco-editor", { has: draft }).locator(".view-lines");
    await expect(draftLines).toContainText("XYZZY");
    await page.keyboard.press("Control+z");
    await expect(draftLines).not.toContainText("XYZZY");
    await page.screenshot({ path: `${shots}/releases-new-draft-en-dark.png` });

    // A released rule's link: a draft again, and the rule opens editable beside its manifest.
    await runCommand(page, "Pack: Open Released Version");
    await pick(page, "dealer-program 1.1.0");
    await page.getByRole("button", { name: /^cash-rebate / }).click();
    await expect(palette(page)).toHaveValue("1.1.2");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tab", { name: /dealer-program@1\.1\.2/ }).first()).toBeVisible();
    await expect(page.getByRole("tab", { name: /^cash-rebate/ }).first()).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Rule cash-rebate" })).toBeVisible();

    // The Packs view lists both drafts; the release is byte for byte what was imported.
    await runCommand(page, "View: Show Packs");
    const drafts = page.getByRole("list", { name: "dealer-program · Drafts" });
    await expect(drafts.getByRole("button", { name: "Open manifest dealer-program 1.1.1" })).toBeVisible();
    await expect(drafts.getByRole("button", { name: "Open manifest dealer-program 1.1.2" })).toBeVisible();
    expect(await storedRelease(page, "dealer-program@1.1.0")).toBe(before);
  });

  test("a release imported or deleted in one tab appears in the other open tab", async ({
    page,
    context,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    const other = await context.newPage();
    await other.goto("/?lang=en&theme=dark");
    await other.getByRole("tree", { name: "Workspace" }).waitFor();
    await runCommand(other, "View: Show Packs");
    const otherReleases = other.getByRole("region", { name: "Pack dealer-program" });
    await expect(otherReleases).toContainText("Not released yet.");

    await page.bringToFront();
    await importPack(page, builtPack("1.0.0"));
    const list = other.getByRole("list", { name: "dealer-program · Released versions" });
    await expect(list.getByRole("button", { name: "Open dealer-program 1.0.0 (read-only)" })).toBeVisible();
    await other.screenshot({ path: `${shots}/releases-other-tab-en-dark.png` });

    await runCommand(page, "Pack: Delete Released Version");
    await pick(page, "dealer-program 1.0.0");
    await page
      .getByRole("dialog", { name: "Delete release dealer-program 1.0.0?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await page
      .getByRole("dialog", { name: "Really delete dealer-program 1.0.0?" })
      .getByRole("button", { name: "Delete for good" })
      .click();
    await expect(list).toHaveCount(0);
    await expect(otherReleases).toContainText("Not released yet.");
  });
});
