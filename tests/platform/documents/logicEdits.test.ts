import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allNodes, parseLogic, setBandFrom, switchBandsMode, type BandsNode } from "../../../src/engine";
import {
  applyLogicEditsToText,
  logicNodeText,
  minimalReplacement,
  replaceLogicNodeText,
} from "../../../src/platform";

const text = readFileSync(
  join(resolve(__dirname, "../../.."), "rules/incentive/volume-rebate.rule.json"),
  "utf8",
);
const bands = allNodes(parseLogic((JSON.parse(text) as { logic: unknown }).logic)).find(
  (n): n is BandsNode => n.kind === "bands",
)!;

describe("builder edits on the rule text", () => {
  it("a band threshold edit replaces that node's text only", () => {
    const { text: edited, replacement } = applyLogicEditsToText(text, setBandFrom(bands, 2, 3500000));
    expect(edited).toBe(
      text.replace('{\n                    "var": "params.tier_2_floor"\n                  }', "3500000"),
    );
    expect(replacement).toEqual(minimalReplacement(text, edited));
    const spliced =
      text.slice(0, replacement!.offset) +
      replacement!.text +
      text.slice(replacement!.offset + replacement!.length);
    expect(spliced).toBe(edited);
  });

  it("switching to marginal rewrites the band node and keeps the rest of the file byte for byte", () => {
    const { text: edited } = applyLogicEditsToText(text, switchBandsMode(bands));
    const marginal = readFileSync(
      join(resolve(__dirname, "../../.."), "rules/incentive/volume-rebate-marginal.rule.json"),
      "utf8",
    );
    expect((JSON.parse(edited) as { logic: unknown }).logic).toStrictEqual(
      (JSON.parse(marginal) as { logic: unknown }).logic,
    );
    expect(edited.slice(0, edited.indexOf('"tests"'))).not.toBe(text.slice(0, text.indexOf('"tests"')));
    expect(edited.slice(edited.indexOf('"tests"'))).toBe(text.slice(text.indexOf('"tests"')));
  });

  it("an opaque block is shown and replaced exactly as typed", () => {
    const path = ["if", 0];
    const source = logicNodeText(text, path)!;
    expect(source.startsWith('{\n        "or"')).toBe(true);
    const typed = '{"or":[ {"<": [{"var": "sales.attainment_ytd"}, 0.95]} ]}';
    const r = replaceLogicNodeText(text, path, typed)!;
    expect(text.slice(0, r.offset) + r.text + text.slice(r.offset + r.length)).toContain(
      `"if": [\n      ${typed},`,
    );
  });

  it("leaves text alone when the path is not there", () => {
    expect(applyLogicEditsToText(text, [{ path: ["nope", 3], value: 1 }])).toEqual({ text });
    expect(minimalReplacement("abc", "abc")).toBeUndefined();
    expect(minimalReplacement("aXc", "aYYc")).toEqual({ offset: 1, length: 1, text: "YY" });
  });
});
