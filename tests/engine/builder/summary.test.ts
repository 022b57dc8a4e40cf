/**
 * The plain-language summary of every catalogue rule (rules/), in both languages, with the labels of
 * the sample dataset's schema and the dealer-program pack: tables read as tables, gates as "if …
 * then 0", and nothing is left unsaid or in the other language.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { logicSummary } from "../../../src/engine/builder";
import { loadManifest, type PackContent } from "../../../src/engine/pack";
import { packVocabulary, type Vocabulary } from "../../../src/engine/statement";

const root = join(import.meta.dirname, "../../..");
const schema = JSON.parse(readFileSync(join(root, "samples/distributor.schema.json"), "utf8")) as unknown;
let content: PackContent;
let vocabulary: Vocabulary;

beforeAll(async () => {
  const file = join(root, "rules/manifests/dealer-program-1.1.0.manifest.json");
  const loaded = await loadManifest({ file, text: readFileSync(file, "utf8") }, (path) => {
    const ruleFile = join(root, "rules/manifests", path);
    return Promise.resolve({ file: ruleFile, text: readFileSync(ruleFile, "utf8") });
  });
  content = loaded.content!;
  vocabulary = packVocabulary(content, schema);
});

const summaryOf = (id: string) => {
  const rule = content.rules.find((r) => r.id === id)!;
  return logicSummary(rule.logic, { vocabulary, params: content.params, unit: rule.output.unit });
};

describe("rule summaries", () => {
  it("covers every rule of the pack in both languages, each in its own language", () => {
    expect(content.rules.length).toBeGreaterThan(30);
    for (const rule of content.rules) {
      const s = summaryOf(rule.id);
      expect(s.en, rule.id).toMatch(/\.$/);
      expect(s["zh-CN"], rule.id).toMatch(/。$/);
      // English has no Chinese in it, and the Chinese no English connectives or raw operators.
      expect(s.en, rule.id).not.toMatch(/[\u4e00-\u9fff]/);
      expect(s["zh-CN"], rule.id).not.toMatch(/\b(if|then|otherwise|and|or|the smaller of)\b/i);
      expect(s["zh-CN"], rule.id).toMatch(/[\u4e00-\u9fff]/);
      // Paths are named by their labels: no raw `sales.` / `params.` paths left over.
      for (const text of [s.en, s["zh-CN"]])
        expect(text, rule.id).not.toMatch(/\b(sales|params|out|pop|ar|loyalty)\.[a-z_]/);
    }
  });

  it("reads the retroactive band table top down with the bands' defaults, after the gate", () => {
    const s = summaryOf("volume-rebate");
    expect(s["zh-CN"]).toBe(
      "若年初至今目标达成率 < 返利目标达成门槛 或 年初至今返利基数 ≤ ¥0 则 ¥0；否则年初至今返利基数 ≥ ¥10,000,000 时 × 2.5%，≥ ¥5,000,000 时 × 1.8%，≥ ¥2,000,000 时 × 1.2%，其余 × 0.5%。",
    );
    expect(s.en).toBe(
      "If Target attainment YTD < Attainment gate for volume rebates or Rebate base YTD ≤ ¥0 then ¥0; otherwise Rebate base YTD × 2.5 % when ≥ ¥10,000,000, × 1.8 % when ≥ ¥5,000,000, × 1.2 % when ≥ ¥2,000,000, otherwise × 0.5 %.",
    );
  });

  it("reads the marginal table as slices", () => {
    const s = summaryOf("volume-rebate-marginal");
    expect(s.en).toContain(
      "each slice of Rebate base YTD at its band's rate: 0.5 % up to ¥2,000,000, 1.2 % from ¥2,000,000 to ¥5,000,000",
    );
    expect(s["zh-CN"]).toContain(
      "年初至今返利基数分段累计：¥2,000,000 以内 0.5%，¥2,000,000–¥5,000,000 1.2%",
    );
  });

  it("reads condition groups, negation and thresholds in the field's unit", () => {
    const gate = summaryOf("collection-gate");
    expect(gate["zh-CN"]).toBe(
      "回款率 ≥ 回款率门槛 且 逾期90天以上金额 ≤ ¥0 且 (非任何一次逾期即取消返利 或 近12个月逾期次数 = 0)。",
    );
    expect(gate.en).toContain(" and (not ");
    const status = summaryOf("decline-status");
    expect(status["zh-CN"]).toBe(
      "按连续下滑季度数：≥ 3 个季度 时 exit_review，≥ 2 个季度 时 warning，否则ok。",
    );
    expect(status.en).toBe(
      "By Consecutive declining quarters: exit_review when ≥ 3 quarters, warning when ≥ 2 quarters, otherwise ok.",
    );
  });

  it("reads lookups, list membership and opaque operators", () => {
    expect(summaryOf("mdf-accrual")["zh-CN"]).toContain("按合作伙伴等级：为 platinum 时 白金市场费用计提率");
    expect(summaryOf("rebate-payable").en).toContain("Violation action is one of forfeit_rebates, terminate");
    expect(summaryOf("points-expiring-now")["zh-CN"]).toBe("若不活跃积分清零 则 积分余额；否则归约（…）。");
  });

  it("names unknown paths by their path and never throws on any logic", () => {
    expect(logicSummary({ ">": [{ var: "x.y" }, 2] }, { vocabulary: () => undefined }).en).toBe("x.y > 2.");
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(0, 1, "a", null, true, { var: "a" }, { var: ["b", 1] }),
        fc
          .record({
            op: fc.constantFrom("if", "and", "or", "!", "+", "*", "min", "<", "==", "in", "reduce", "zz"),
            args: fc.array(tie("node"), { maxLength: 5 }),
          })
          .map(({ op, args }) => ({ [op]: args })),
      ),
    })).node;
    fc.assert(
      fc.property(json, (logic) => {
        const s = logicSummary(logic, { vocabulary: () => undefined });
        return s.en.length > 0 && (s["zh-CN"] ?? "").length > 0;
      }),
      { numRuns: 500 },
    );
  });
});
