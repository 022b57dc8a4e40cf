import { describe, expect, it } from "vitest";
import { paletteItems, pushRecent } from "../../../src/workbench/parts/workbench/paletteItems";
import { quickOpenItems } from "../../../src/workbench/parts/workbench/quickOpenItems";
import { visibleEntries } from "../../../src/workbench/quickinput/quickInput.selectors";
import type { CommandDefinition } from "../../../src/workbench/commands/command";
import type { WorkspaceLists } from "../../../src/platform";

const cmd = (id: string, en: string, zh: string, keybinding?: string): CommandDefinition => ({
  id,
  title: { en, "zh-CN": zh },
  category: { en: "Rules", "zh-CN": "规则" },
  ...(keybinding ? { keybinding } : {}),
  run: () => {},
});

const commands = [
  cmd("rules.runTests", "Run Tests", "运行测试", "ctrl+enter"),
  cmd("rules.runAllTests", "Run All Tests", "运行全部测试"),
  cmd("rules.newRule", "New Rule", "新建规则"),
  { ...cmd("hidden", "Hidden", "隐藏"), palette: false },
];

describe("palette items", () => {
  it("lists recently used first, then the rest alphabetically, with keybindings, never hidden ones", () => {
    const items = paletteItems(commands, "en", ["rules.newRule"], {
      recent: "recently used",
      other: "other commands",
    });
    expect(items.map((i) => i.label)).toEqual([
      "Rules: New Rule",
      "Rules: Run All Tests",
      "Rules: Run Tests",
    ]);
    expect(items[0]!.group).toBe("recently used");
    expect(items[1]!.group).toBe("other commands");
    expect(items[2]!.keybinding).toBe("Ctrl+Enter");
  });

  it("shows zh-CN titles and still finds them by their English words", () => {
    const items = paletteItems(commands, "zh-CN", [], { recent: "最近使用", other: "其他命令" });
    expect(items[0]!.group).toBeUndefined();
    const found = visibleEntries(items, "run tests").map((v) => v.entry.label);
    expect(found[0]).toBe("规则: 运行测试");
  });

  it("keeps recently used unique and bounded", () => {
    expect(pushRecent(["a", "b", "c"], "b")).toEqual(["b", "a", "c"]);
    expect(pushRecent(["a", "b"], "c", 2)).toEqual(["c", "a"]);
  });
});

describe("quick open items", () => {
  const lists = {
    rules: [
      {
        id: "volume-rebate",
        file: "rules/incentive/volume-rebate.rule.json",
        rule: { title: { en: "Tiered volume rebate", "zh-CN": "台阶返利" } },
      },
    ],
    manifests: [
      {
        id: "dealer-program@1.0.0",
        file: "rules/dealer-program.manifest.json",
        manifest: { title: { en: "Dealer program" } },
      },
    ],
    datasets: [{ id: "distributors-300", name: "distributors-300", rowCount: 300 }],
  } as unknown as WorkspaceLists;
  const labels = { rows: (n: number) => `${n} rows`, rule: "rule", manifest: "manifest", dataset: "dataset" };

  it("finds a rule by id and by its title in either language", () => {
    const items = quickOpenItems(lists, "en", labels, true);
    expect(visibleEntries(items, "volreb")[0]!.entry.label).toBe("volume-rebate");
    expect(visibleEntries(items, "台阶")[0]!.entry.label).toBe("volume-rebate");
    expect(items.find((i) => i.label === "volume-rebate")!.value).toEqual({
      open: { kind: "rule", resource: "volume-rebate" },
    });
  });

  it("offers datasets with their row count, activating them when no dataset editor exists", () => {
    const items = quickOpenItems(lists, "en", labels, false);
    const dataset = items.find((i) => i.label === "distributors-300")!;
    expect(dataset.description).toBe("300 rows");
    expect(dataset.value).toEqual({ activateDataset: "distributors-300" });
  });
});
