import { describe, expect, it } from "vitest";
import { definePartMessages } from "../../../src/workbench/i18n/partMessages";
import { mergeMessages } from "../../../src/workbench/i18n/i18n";
import { partMessages } from "../../../src/workbench/i18n/parts";
import { en } from "../../../src/workbench/i18n/en";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("part string tables", () => {
  it("merge under their namespace and refuse a namespace already taken", () => {
    const part = definePartMessages("demo", { a: { b: "B" } }, { a: { b: "乙" } });
    expect(mergeMessages({ x: "X" }, [part], "zhCN")).toEqual({ x: "X", demo: { a: { b: "乙" } } });
    expect(() => mergeMessages({ demo: "taken" }, [part], "en")).toThrow(/"demo"/);
  });

  it.each(partMessages.map((p) => [p.namespace, p] as const))(
    "%s has the same keys in en and zh-CN, none empty, and a namespace of its own",
    (_ns, part) => {
      expect(keysOf(part.zhCN).sort()).toEqual(keysOf(part.en).sort());
      for (const key of keysOf(part.zhCN)) expect(key.length).toBeGreaterThan(0);
      expect(Object.keys(en)).not.toContain(part.namespace);
    },
  );
});
