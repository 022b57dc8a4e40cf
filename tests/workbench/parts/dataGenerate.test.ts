import { describe, expect, it } from "vitest";
import type { GenerateForm } from "../../../src/machines";
import { createI18n } from "../../../src/workbench/i18n";
import { editForm, formProblems } from "../../../src/workbench/parts/data/dataGenerate";
import { formatBytes, writeErrorText } from "../../../src/workbench/parts/data/storageText";
import { StorageFullError } from "../../../src/platform";
import { estimateImportBytes } from "../../../src/workbench/parts/data/dataImport";

const form: GenerateForm = {
  spec: { count: 10_000, seed: 1, industry: "mixed", asOf: "2024-12-31" },
  name: "synthetic-10000-seed-1",
  nameEdited: false,
};

describe("generate form", () => {
  it("the name follows count, seed and preset until the user types one", () => {
    const next = editForm(form, { count: 1_000_000, seed: 9, industry: "agri" });
    expect(next.name).toBe("synthetic-1000000-seed-9-agri");
    const typed = editForm(next, { name: "big one" });
    expect(editForm(typed, { seed: 3 }).name).toBe("big one");
  });

  it("names every field that cannot run", () => {
    expect(formProblems(form)).toEqual({});
    expect(
      formProblems({
        ...form,
        name: " ",
        spec: { ...form.spec, seed: 2 ** 32, count: 0, asOf: "2024-02-30" },
      }),
    ).toEqual({
      count: "synthetic.problems.count",
      seed: "synthetic.problems.seed",
      name: "synthetic.problems.name",
      asOf: "synthetic.problems.asOf",
    });
    expect(formProblems({ ...form, spec: { ...form.spec, seed: Number.NaN } })).toEqual({
      seed: "synthetic.problems.seed",
    });
  });
});

describe("storage messages", () => {
  it("say a refusal with sizes and a full disk in both languages", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const i18n = createI18n(locale);
      await i18n.changeLanguage(locale);
      const refused = writeErrorText(i18n.t, new StorageFullError(3 * 1024 ** 3, 200 * 1024 ** 2), locale);
      expect(refused).toContain(formatBytes(3 * 1024 ** 3, locale));
      expect(refused).toContain("200 MB");
      const full = writeErrorText(i18n.t, new DOMException("x", "QuotaExceededError"), locale);
      expect(full).toBe(i18n.t("storage.full"));
      expect(full).not.toBe("storage.full");
    }
    expect(formatBytes(1536, "en")).toBe("1.5 KB");
  });
});

describe("import size estimate", () => {
  it("counts text formats at about their size and XLSX (a zip) at several times it", () => {
    expect(estimateImportBytes({ name: "a.csv", size: 1000 })).toBe(1200);
    expect(estimateImportBytes({ name: "a.jsonl", size: 1000 })).toBe(1200);
    expect(estimateImportBytes({ name: "a.xlsx", size: 1000 })).toBe(6000);
  });
});
