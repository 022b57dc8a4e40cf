import { describe, expect, it } from "vitest";
import { initialPreferences } from "../../src/workbench/shell/initialPreferences";
import { en } from "../../src/workbench/i18n/en";
import { zhCN } from "../../src/workbench/i18n/zh-CN";

describe("initialPreferences", () => {
  it("takes an explicit ?lang= and ?theme= over the browser's settings", () => {
    expect(initialPreferences("?lang=zh-CN&theme=light", ["en-US"], false)).toEqual({
      locale: "zh-CN",
      theme: "light",
    });
  });

  it("follows the browser's language and colour scheme otherwise", () => {
    expect(initialPreferences("", ["zh-TW", "en"], true)).toEqual({ locale: "zh-CN", theme: "light" });
    expect(initialPreferences("?lang=fr&theme=blue", ["de-DE"], false)).toEqual({
      locale: "en",
      theme: "dark",
    });
  });
});

describe("string tables", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "string" ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
    );

  it("zh-CN has exactly the keys of en, and no empty strings", () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const values = (o: object): string[] =>
      Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : values(v as object)));
    expect(values(zhCN).filter((v) => v.trim() === "")).toEqual([]);
  });
});
