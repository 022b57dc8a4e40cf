import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Locator, Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

/**
 * Releases end to end: release dealer-program from the palette (the bump suggested from evidence,
 * notes typed), see it in the Packs view, try to edit the released version (refused; editing starts
 * from the draft), export it and compare the bytes with the built `crw pack build`, compare two
 * versions (rule diffs, impact), import a pack into a fresh profile and refuse a tampered one.
 */

// The quick input's combobox (the compare editor's dataset <select> is a combobox too).
const palette = (page: Page) => page.getByRole("combobox").and(page.locator("input"));
const options = (page: Page) => page.getByRole("listbox").getByRole("option");
const shots = "test-results/screenshots";
mkdirSync(shots, { recursive: true });
mkdirSync("test-results/e2e-releases", { recursive: true });

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

/** Reads one store of the workspace database (a key, or every value) straight from IndexedDB. */
function readStore(page: Page, store: string, key?: string): Promise<unknown> {
  return page.evaluate(
    async ({ store, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open("channel-rules-workbench");
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
      const objects = db.transaction(store).objectStore(store);
      const value = await new Promise<unknown>((resolve) => {
        const r = key === undefined ? objects.getAll() : objects.get(key);
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return value;
    },
    { store, key },
  );
}

/** A screenshot of the whole impact section: the panel hidden and the window tall enough to hold it. */
async function impactShot(page: Page, impact: Locator, path: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.keyboard.press("Control+j");
  await page.setViewportSize({ width: size.width, height: 2000 });
  await impact.scrollIntoViewIfNeeded();
  await impact.screenshot({ path });
  await page.setViewportSize(size);
  await page.keyboard.press("Control+j");
}

const crw = (...args: string[]) =>
  spawnSync(process.execPath, ["dist/cli/crw.mjs", ...args], { encoding: "utf8" });

async function release(
  page: Page,
  manifest: string,
  strings: { ready: RegExp; submit: string; released: RegExp },
) {
  await runCommand(page, strings.submit === "Release" ? "Pack: Release" : "规则包: 发布");
  await pick(page, manifest);
  const editor = page
    .getByRole("main")
    .getByRole("region")
    .filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(page.getByRole("status").filter({ hasText: strings.ready })).toBeVisible({ timeout: 30_000 });
  return editor;
}

test.describe("releases", () => {
  test.setTimeout(180_000);

  test("release from the palette, see it in Packs, refuse edits, export like crw pack build, compare versions", async ({
    page,
  }) => {
    await page.goto("/?lang=en&theme=dark");
    await page.getByRole("tree", { name: "Workspace" }).waitFor();
    const en = { ready: /^Ready to release$/, submit: "Release", released: /Released dealer-program/ };

    // 1.0.0 first: the program in force, its notes taken from its manifest's changelog.
    await release(page, "dealer-program 1.0.0", en);
    await expect(
      page.getByText("First release of this pack: nothing earlier to compare with."),
    ).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Version", exact: true })).toHaveValue("1.0.0");
    await expect(page.getByRole("textbox", { name: "Changelog notes" })).toHaveValue(/Current program/);
    await page.getByRole("button", { name: "Release", exact: true }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /Released dealer-program 1\.0\.0/ }),
    ).toBeVisible();

    // 1.1.0: the suggestion follows the evidence on the sample (outputs change, nothing removed).
    await release(page, "dealer-program 1.1.0", en);
    await expect(page.getByText("Suggested bump: minor → 1.1.0")).toBeVisible();
    await expect(page.getByText(/On distributors-300 \(300 records\) these outputs change:/)).toBeVisible();
    await expect(page.getByText(/^out\.cash-rebate: \d+ records$/)).toBeVisible();
    await expect(page.getByText("Earlier releases: 1.0.0")).toBeVisible();
    // The version must be greater than every earlier release.
    const version = page.getByRole("textbox", { name: "Version", exact: true });
    await version.fill("1.0.0");
    await expect(page.getByText(/1\.0\.0 is not greater than 1\.0\.0, the latest release/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Release", exact: true })).toBeDisabled();
    await page.getByRole("button", { name: "Use 1.1.0" }).click();
    await expect(version).toHaveValue("1.1.0");
    const notes = page.getByRole("textbox", { name: "Changelog notes" });
    await notes.fill("");
    await expect(page.getByText("Write the changelog notes.")).toBeVisible();
    await notes.fill(
      "Bands re-cut to 2/5/10 M; gate 95 %; A-class rebates become terminal support; 50 M budget.",
    );
    await page.screenshot({ path: `${shots}/releases-flow-en-dark.png` });
    expect(await seriousViolations(page), "release form").toEqual([]);
    await notes.press("Tab");
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("status").filter({ hasText: /Released dealer-program 1\.1\.0/ }),
    ).toBeVisible();

    // The Packs view: the draft states and the released versions, newest first.
    await runCommand(page, "View: Show Packs");
    const releasedList = page.getByRole("list", { name: "dealer-program · Released versions" });
    await expect(releasedList.getByRole("listitem")).toHaveCount(2);
    await expect(
      releasedList.getByRole("button", { name: /^Open dealer-program/ }).first(),
    ).toHaveAccessibleName("Open dealer-program 1.1.0 (read-only)");
    await expect(
      releasedList.getByRole("button", { name: /^Copy integrity sha256-[0-9a-f]{64}$/ }),
    ).toHaveCount(2);
    await expect(releasedList).toContainText("diffed against 1.0.0");
    await expect(page.getByRole("list", { name: "dealer-program · Drafts" })).toContainText(
      /valid · \d+ tests passing/,
    );
    await expect(page.getByRole("list", { name: "dealer-program · Drafts" })).toContainText(
      "unchanged since 1.1.0",
    );
    await page.screenshot({ path: `${shots}/releases-packs-view-en-dark.png` });
    expect(await seriousViolations(page), "Packs view").toEqual([]);

    // A released version opens read-only: typing changes nothing; editing starts from the draft.
    await releasedList.getByRole("button", { name: "Open dealer-program 1.1.0 (read-only)" }).click();
    await expect(page.getByRole("note")).toHaveText(
      "Released versions are read-only: a released version never changes.",
    );
    const text = page.getByRole("textbox", { name: "Pack dealer-program 1.1.0, read-only" });
    await expect(text).toBeVisible();
    await text.focus();
    await page.keyboard.type("XYZZY");
    await expect(page.locator(".released__editor .view-lines")).not.toContainText("XYZZY");
    await expect(
      page.getByRole("alert").filter({ hasText: "Cannot edit in read-only editor" }),
    ).toBeAttached();
    // Edit as a new draft: the version is asked (the next patch suggested), the draft opens editable.
    await page.getByRole("button", { name: "Edit as a new draft" }).click();
    await expect(palette(page)).toHaveValue("1.1.1");
    await page.keyboard.press("Enter");
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: /^Started the draft dealer-program 1\.1\.1 from the released 1\.1\.0/ }),
    ).toBeVisible();
    await expect(page.getByRole("tab", { name: /dealer-program@1\.1\.1/ }).first()).toBeVisible();

    // Export: the download is what crw pack build writes for the same manifest and rules.
    await runCommand(page, "Pack: Export");
    const downloading = page.waitForEvent("download");
    await pick(page, "dealer-program 1.1.0");
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("dealer-program-1.1.0.pack.json");
    const exportedPath = "test-results/e2e-releases/dealer-program-1.1.0.pack.json";
    await download.saveAs(exportedPath);
    const exported = readFileSync(exportedPath, "utf8");
    const createdAt = (JSON.parse(exported) as { createdAt: string }).createdAt;
    // The release records the manifest it was built from (the typed notes in its changelog); next to
    // the same rule files, crw pack build of that manifest writes the same bytes.
    const stored = (await readStore(page, "releases", "dealer-program@1.1.0")) as {
      manifest?: { text: string };
    };
    const manifestText = stored.manifest?.text ?? "";
    expect(manifestText).toContain("Bands re-cut to 2/5/10 M");
    cpSync("rules", "test-results/e2e-releases/rules", { recursive: true });
    const manifestPath = "test-results/e2e-releases/rules/manifests/released-1.1.0.manifest.json";
    writeFileSync(manifestPath, manifestText);
    const cliPath = "test-results/e2e-releases/cli-1.1.0.pack.json";
    execFileSync(process.execPath, [
      "dist/cli/crw.mjs",
      "pack",
      "build",
      manifestPath,
      "-o",
      cliPath,
      "--created-at",
      createdAt,
    ]);
    expect(exported).toBe(readFileSync(cliPath, "utf8"));
    expect(crw("pack", "verify", exportedPath).status).toBe(0);
    const tamperedPath = "test-results/e2e-releases/tampered-1.1.0.pack.json";
    writeFileSync(tamperedPath, exported.replace('"default": 0.95', '"default": 0.96'));
    const tampered = crw("pack", "verify", tamperedPath);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain("integrity mismatch");

    // The engineers' zip: the pack, the README, test vectors that crw jsonlogic runs, checksums.
    await runCommand(page, "Pack: Export for Engineers");
    const zipping = page.waitForEvent("download");
    await pick(page, "dealer-program 1.1.0");
    const zipDownload = await zipping;
    expect(zipDownload.suggestedFilename()).toBe("dealer-program-1.1.0.zip");
    const zipPath = "test-results/e2e-releases/dealer-program-1.1.0.zip";
    await zipDownload.saveAs(zipPath);
    const unzipped = unzipSync(readFileSync(zipPath));
    const inZip = (name: string) => strFromU8(unzipped[`dealer-program-1.1.0/${name}`]!);
    expect(inZip("dealer-program-1.1.0.pack.json")).toBe(exported);
    expect(inZip("README.md")).toContain("npx crw eval dealer-program-1.1.0.pack.json");
    // crw pack export --engineers of the manifest the release records writes the same entries.
    const cliZipPath = "test-results/e2e-releases/cli-1.1.0.zip";
    execFileSync(process.execPath, [
      "dist/cli/crw.mjs",
      "pack",
      "export",
      manifestPath,
      "--engineers",
      "--data",
      "samples/distributors-300.json",
      "--created-at",
      createdAt,
      "-o",
      cliZipPath,
    ]);
    const cliUnzipped = unzipSync(readFileSync(cliZipPath));
    expect(Object.keys(cliUnzipped).sort()).toEqual(Object.keys(unzipped).sort());
    for (const [name, bytes] of Object.entries(unzipped))
      expect(Buffer.from(cliUnzipped[name]!).equals(Buffer.from(bytes)), name).toBe(true);
    writeFileSync("test-results/e2e-releases/cases.jsonl", inZip("cases.jsonl"));
    const cases = crw("jsonlogic", "test-results/e2e-releases/cases.jsonl");
    expect(cases.status).toBe(0);
    expect(cases.stdout.trim().split("\n")).toHaveLength(inZip("tests.jsonl").trim().split("\n").length);

    // Compare 1.0.0 with 1.1.0: the diff model, a side-by-side diff of a changed rule, the impact.
    await runCommand(page, "Pack: Compare Versions");
    await pick(page, "dealer-program 1.0.0");
    await palette(page).fill("dealer-program 1.1.0");
    await expect(options(page).first()).toHaveText(/^dealer-program 1\.1\.0/);
    await page.keyboard.press("Enter");
    const compare = page.getByRole("region", {
      name: "Compare dealer-program 1.0.0 with dealer-program 1.1.0",
    });
    await expect(
      compare.getByText(/Version bump minor; the changes need at least minor: fits/),
    ).toBeVisible();
    await expect(compare.getByText(/attainment_gate, tier_1_floor/)).toBeVisible();
    await compare.locator("summary").filter({ hasText: "params" }).click();
    await expect(
      compare.getByRole("group", { name: /params: dealer-program 1\.0\.0 \(left\)/ }),
    ).toBeVisible();
    await expect(compare.locator(".compare__diff .monaco-diff-editor")).toBeVisible();
    await compare.getByRole("button", { name: "Show the impact" }).click();
    await expect(
      compare.getByText(/On distributors-300 \(300 records, as of \d{4}-\d\d-\d\d\):/),
    ).toBeVisible({ timeout: 30_000 });
    // The impact is the simulation comparison's: totals, winners and losers, movements.
    const impact = compare.getByRole("region", { name: "Impact on a dataset" });
    const row = impact
      .getByRole("table", { name: "Every output" })
      .getByRole("row", { name: /out\.cash-rebate/ });
    await expect(row).toBeVisible();
    await expect(
      impact.getByRole("table", { name: "Totals" }).getByRole("row", { name: /^Total cost / }),
    ).toBeVisible();
    await expect(impact.getByText(/^\d+ records gain, [\d,.]+ in all\.$/)).toBeVisible();
    await expect(impact.getByText(/^\d+ records lose, -[\d,.]+ in all\.$/)).toBeVisible();
    await expect(impact.getByRole("heading", { name: "Movements" })).toBeVisible();
    await expect(impact.getByRole("table", { name: "Every output" })).toBeVisible();
    const gains = (await impact.getByText(/records gain/).textContent()) ?? "";
    await impactShot(page, impact, `${shots}/releases-compare-impact-en-dark.png`);
    await page.screenshot({ path: `${shots}/releases-compare-en-dark.png` });
    expect(await seriousViolations(page), "compare").toEqual([]);
    // The same two runs open as the simulation's comparison report, with the same winners.
    await impact.getByRole("button", { name: "Open the full comparison report" }).click();
    const report = page.getByRole("article", { name: /dealer-program 1\.0\.0/ });
    await expect(report).toBeVisible();
    const winners = /^(\d+) records gain/.exec(gains)?.[1] ?? "?";
    await expect(
      report
        .getByRole("definition")
        .filter({ hasText: new RegExp(`^${winners}$`) })
        .first(),
    ).toBeVisible();

    // The compare ran 1.1.0, so its engineers' zip now carries that run: summary and results CSV.
    await runCommand(page, "Pack: Export for Engineers");
    const rezipping = page.waitForEvent("download");
    await pick(page, "dealer-program 1.1.0");
    const withRun = unzipSync(readFileSync(await (await rezipping).path()));
    const runFile = (name: string) => strFromU8(withRun[`dealer-program-1.1.0/last-run/${name}`]!);
    const summary = JSON.parse(runFile("summary.json")) as { pack: { integrity: string }; records: number };
    expect(summary.pack.integrity).toBe(JSON.parse(exported).integrity);
    expect(summary.records).toBe(300);
    expect(runFile("results.csv").trimEnd().split("\r\n")).toHaveLength(301);
    expect(strFromU8(withRun["dealer-program-1.1.0/README.md"]!)).toContain("## Last simulation");
  });

  test("zh-CN, light: import a built pack into a fresh profile, refuse a tampered one, and delete asks twice", async ({
    page,
  }) => {
    const built = "test-results/e2e-releases/cli-1.0.0.pack.json";
    execFileSync(process.execPath, [
      "dist/cli/crw.mjs",
      "pack",
      "build",
      "rules/manifests/dealer-program-1.0.0.manifest.json",
      "-o",
      built,
    ]);
    const text = readFileSync(built, "utf8");
    const tampered = "test-results/e2e-releases/dealer-program-1.0.0-tampered.pack.json";
    writeFileSync(tampered, text.replace('"default": 0.9,', '"default": 0.8,'));

    await page.goto("/?lang=zh-CN&theme=light");
    await page.getByRole("tree", { name: "工作区" }).waitFor();
    const importPack = async (path: string) => {
      const choosing = page.waitForEvent("filechooser");
      await runCommand(page, "规则包: 导入");
      await (await choosing).setFiles(path);
    };
    await importPack(tampered);
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: /已拒绝 dealer-program-1\.0\.0-tampered\.pack\.json：完整性校验失败/ }),
    ).toBeVisible();
    await importPack(built);
    await expect(
      page.getByRole("status").filter({ hasText: /已导入 dealer-program 1\.0\.0（sha256-/ }),
    ).toBeVisible();

    await runCommand(page, "查看: 显示规则包");
    const releasedList = page.getByRole("list", { name: "dealer-program · 已发布版本" });
    await expect(releasedList.getByRole("listitem")).toHaveCount(1);
    await expect(page.getByRole("list", { name: "dealer-program · 草稿" })).toContainText(
      "自 1.0.0 以来有更改",
    );

    // The release flow in Chinese, blocked by nothing, suggesting the bump from evidence.
    await release(page, "dealer-program 1.1.0", { ready: /^可以发布$/, submit: "发布", released: /已发布/ });
    await expect(page.getByText("建议的版本提升：次版本 → 1.1.0")).toBeVisible();
    await page.screenshot({ path: `${shots}/releases-flow-zh-CN-light.png` });
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /已发布 dealer-program 1\.1\.0/ })).toBeVisible();
    await expect(releasedList.getByRole("listitem")).toHaveCount(2);
    await page.screenshot({ path: `${shots}/releases-packs-view-zh-CN-light.png` });
    expect(await seriousViolations(page), "Packs view, light").toEqual([]);

    // 规则包: 比较版本 in Chinese: the impact section from the simulation comparison.
    await runCommand(page, "规则包: 比较版本");
    await pick(page, "dealer-program 1.0.0");
    await palette(page).fill("dealer-program 1.1.0");
    await expect(options(page).first()).toHaveText(/^dealer-program 1\.1\.0/);
    await page.keyboard.press("Enter");
    const zhImpact = page.getByRole("region", { name: "对数据集的影响" });
    await zhImpact.getByRole("button", { name: "显示影响" }).click();
    await expect(zhImpact.getByText(/^\d+ 条记录增加，合计 [\d,.]+。$/)).toBeVisible({ timeout: 30_000 });
    await expect(
      zhImpact.getByRole("table", { name: "合计" }).getByRole("row", { name: /^总成本 / }),
    ).toBeVisible();
    await impactShot(page, zhImpact, `${shots}/releases-compare-impact-zh-CN-light.png`);
    expect(await seriousViolations(page), "compare, light").toEqual([]);

    // Deleting asks twice; cancelling the second question keeps the release.
    const again = page.getByRole("dialog", { name: "确定删除 dealer-program 1.0.0？" });
    const deleteAnswering = async (second: string) => {
      await runCommand(page, "规则包: 删除已发布版本");
      await pick(page, "dealer-program 1.0.0");
      await page
        .getByRole("dialog", { name: "删除发布版本 dealer-program 1.0.0？" })
        .getByRole("button", { name: "删除" })
        .click();
      await again.getByRole("button", { name: second }).click();
    };
    await deleteAnswering("取消");
    await expect(releasedList.getByRole("listitem")).toHaveCount(2);
    await deleteAnswering("永久删除");
    await expect(
      page.getByRole("status").filter({ hasText: "已删除 dealer-program 1.0.0；已记录在审计日志中。" }),
    ).toBeVisible();
    await expect(releasedList.getByRole("listitem")).toHaveCount(1);
    const audit = await readStore(page, "audit");
    expect(audit).toMatchObject([{ action: "release.delete", subject: "dealer-program@1.0.0" }]);
  });
});
