import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allNodes, parseLogic } from "../../../src/engine";
import { logicNodeText } from "../../../src/platform";
import { dedentBlock, reindentBlock } from "../../../src/workbench/parts/builder/blockIndent";

const ROOT = resolve(__dirname, "../../..");
const ruleTexts = ["incentive", "elimination", "loyalty"].flatMap((kind) =>
  readdirSync(join(ROOT, "rules", kind))
    .filter((f) => f.endsWith(".rule.json"))
    .map((f) => readFileSync(join(ROOT, "rules", kind, f), "utf8")),
);

describe("JSON blocks shown without the file's indentation", () => {
  it("dedents the continuation lines and puts the indentation back exactly", () => {
    const written = '{\n        "reduce": [\n          1\n        ]\n      }';
    const { shown, indent } = dedentBlock(written);
    expect(indent).toBe("      ");
    expect(shown).toBe('{\n  "reduce": [\n    1\n  ]\n}');
    expect(reindentBlock(shown, indent)).toBe(written);
    // What is typed gets the same indentation; one line stays one line.
    expect(reindentBlock('{\n  "a": 1\n}', indent)).toBe('{\n        "a": 1\n      }');
    expect(reindentBlock('{"a": 1}', indent)).toBe('{"a": 1}');
  });

  it("shows a block as written when its lines do not share one indentation, or are one line", () => {
    expect(dedentBlock('{"a": 1}')).toEqual({ shown: '{"a": 1}', indent: "" });
    const mixed = '{\n\t"a": 1,\n  "b": 2\n}';
    expect(dedentBlock(mixed)).toEqual({ shown: mixed, indent: "" });
    const blankShort = '{\n    "a": 1,\n  \n    "b": 2\n    }';
    expect(reindentBlock(dedentBlock(blankShort).shown, dedentBlock(blankShort).indent)).toBe(blankShort);
  });

  it("gives every node of every shipped rule back byte for byte", () => {
    for (const text of ruleTexts) {
      for (const node of allNodes(parseLogic((JSON.parse(text) as { logic: unknown }).logic))) {
        const written = logicNodeText(text, node.path)!;
        const { shown, indent } = dedentBlock(written);
        expect(reindentBlock(shown, indent)).toBe(written);
      }
    }
  });
});
