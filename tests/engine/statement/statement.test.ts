/**
 * Statements on the catalogue rules (rules/) over the sample data (samples/), in both languages: the
 * sentence, the flip values and the inputs. D-0001 under dealer-program 1.0.0 is the example of the
 * product brief: a rebate base of ¥3,750,085 in band 3 (≥ ¥3,000,000) at 1.5 %, ¥56,251.28.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  loadManifest,
  makeRunContext,
  preparePack,
  resolveParams,
  type PreparedPack,
} from "../../../src/engine/pack";
import {
  formatValue,
  packVocabulary,
  recordStatement,
  resultOf,
  type RecordStatement,
} from "../../../src/engine/statement";

const root = join(import.meta.dirname, "../../..");
const records = JSON.parse(readFileSync(join(root, "samples/distributors-300.json"), "utf8")) as Record<
  string,
  unknown
>[];
const schema = JSON.parse(readFileSync(join(root, "samples/distributor.schema.json"), "utf8")) as unknown;

async function prepare(version: string): Promise<PreparedPack> {
  const file = join(root, `rules/manifests/dealer-program-${version}.manifest.json`);
  const loaded = await loadManifest({ file, text: readFileSync(file, "utf8") }, (path) => {
    const ruleFile = join(root, "rules/manifests", path);
    return Promise.resolve({ file: ruleFile, text: readFileSync(ruleFile, "utf8") });
  });
  return preparePack(loaded.content!, loaded.locate).pack!;
}

async function statementOf(prepared: PreparedPack, id: string, rules?: string[]): Promise<RecordStatement> {
  const params = resolveParams(prepared.content.params, {});
  const ctx = makeRunContext("2024-12-31");
  if (!params.ok || !ctx.ok) throw new Error("setup");
  const index = records.findIndex((r) => r.id === id);
  const result = await resultOf(prepared, records, index, { params: params.value, ctx: ctx.value });
  return recordStatement(prepared, records[index]!, result!, {
    params: params.value,
    ctx: ctx.value,
    vocabulary: packVocabulary(prepared.content, schema),
    ...(rules ? { rules } : {}),
  });
}

let current: PreparedPack;
let proposed: PreparedPack;
beforeAll(async () => {
  [current, proposed] = [await prepare("1.0.0"), await prepare("1.1.0")];
});

describe("the statement sentence on the catalogue rules", () => {
  it("I1 tiered rebate, paid: the band, its floor and its rate, and the gate passed (zh-CN and en)", async () => {
    const [rule] = (await statementOf(current, "D-0001", ["volume-rebate"])).rules;
    expect(rule!.value).toBe(56251.28);
    expect(rule!.sentence["zh-CN"]).toBe(
      "台阶返利(全额累进) ¥56,251.28：年初至今返利基数 ¥3,750,085 × 第3档返利率 1.5%；" +
        "年初至今目标达成率 105.04% 达到 返利目标达成门槛 90%，且年初至今返利基数 ¥3,750,085 高于 ¥0；" +
        "年初至今返利基数 ¥3,750,085 处于第 3 档（共 4 档，≥ 返利第3档起点 ¥3,000,000）。",
    );
    expect(rule!.sentence.en).toBe(
      "Tiered retroactive volume rebate ¥56,251.28: Rebate base YTD ¥3,750,085 × Rebate rate, band 3 1.5 %; " +
        "Target attainment YTD 105.04 % is at least Attainment gate for volume rebates 90 % and Rebate base YTD ¥3,750,085 is above ¥0; " +
        "Rebate base YTD ¥3,750,085 falls in band 3 of 4 (≥ Rebate band 3 starts at ¥3,000,000).",
    );
  });

  it("I1 flip values: the gate, and both band edges around the record", async () => {
    const [rule] = (await statementOf(current, "D-0001", ["volume-rebate"])).rules;
    expect(rule!.flips.map((f) => f.text.en)).toEqual([
      "needs Target attainment YTD < 90 %, has 105.04 %",
      "needs Rebate base YTD ≤ ¥0, has ¥3,750,085",
      "needs Rebate base YTD < ¥1,000,000, has ¥3,750,085",
      "needs Rebate base YTD < ¥3,000,000, has ¥3,750,085",
      "needs Rebate base YTD ≥ ¥6,000,000, has ¥3,750,085",
    ]);
    expect(rule!.flips[4]).toMatchObject({ path: "sales.rebate_base_ytd", op: ">=", threshold: 6000000 });
  });

  it("I1 below the attainment gate: nothing paid, and what attainment it needs", async () => {
    const [rule] = (await statementOf(current, "D-0010", ["volume-rebate"])).rules;
    expect(rule!.sentence["zh-CN"]).toBe(
      "台阶返利(全额累进) ¥0：年初至今目标达成率 85.61% 低于 返利目标达成门槛 90%。",
    );
    expect(rule!.sentence.en).toBe(
      "Tiered retroactive volume rebate ¥0: Target attainment YTD 85.61 % is below Attainment gate for volume rebates 90 %.",
    );
    expect(rule!.flips).toHaveLength(1);
    expect(rule!.flips[0]!.text).toEqual({
      en: "needs Target attainment YTD ≥ 90 %, has 85.61 %",
      "zh-CN": "需要 年初至今目标达成率 ≥ 90%，当前 85.61%",
    });
    // The stricter 95 % gate of 1.1.0 reads its own parameter.
    const [stricter] = (await statementOf(proposed, "D-0010", ["volume-rebate"])).rules;
    expect(stricter!.flips[0]!.text.en).toBe("needs Target attainment YTD ≥ 95 %, has 85.61 %");
  });

  it("I5 collection gate (and of three): every condition held, each a flip", async () => {
    const [rule] = (await statementOf(current, "D-0001", ["collection-gate"])).rules;
    expect(rule!.sentence["zh-CN"]).toBe(
      "回款门槛 是：回款率 100% 达到 回款率门槛 90%，且逾期90天以上金额 ¥0 不高于 ¥0，且任何一次逾期即取消返利：否。",
    );
    expect(rule!.flips.map((f) => f.text["zh-CN"])).toEqual([
      "需要 回款率 < 90%，当前 100%",
      "需要 逾期90天以上金额 > ¥0，当前 ¥0",
    ]);
  });

  it("E2 segment (attitude × ability): the branches taken, in both languages", async () => {
    const [rule] = (await statementOf(current, "D-0001", ["usability-segment"])).rules;
    expect(rule!.value).toBe("keep");
    expect(rule!.sentence.en).toBe(
      "Attitude × ability segment keep: Attitude score 94 is at least Attitude threshold 60; " +
        "Ability score (people, vehicles, goods, money, network) 73.1 is at least Ability threshold 60.",
    );
    expect(rule!.sentence["zh-CN"]).toBe(
      "态度×能力分类 keep：态度评分 94 达到 态度分界线 60；能力评分(人车货钱网) 73.1 达到 能力分界线 60。",
    );
  });

  it("a rule reading population values uses the whole-dataset run: cash rebate × budget factor (1.1.0)", async () => {
    const [rule] = (await statementOf(proposed, "D-0001", ["cash-rebate"])).rules;
    expect(rule!.sentence.en).toBe(
      "Cash rebate (A-class conversion) ¥39,618.16: Total period rebate before budget ¥46,085.43 × Rebate budget factor 85.97 %; " +
        "ABC class by cumulative share of net sales B is not A.",
    );
    expect(rule!.inputs.map((i) => i.path)).toEqual([
      "pop.abc_class",
      "out.rebate-total",
      "pop.rebate_budget_factor",
      "params.a_class_cash_share",
    ]);
    expect(rule!.flips[0]!.text["zh-CN"]).toBe("需要 按净销售额累计占比ABC分类 = A，当前 B");
  });

  it("every rule of both packs gets a statement for four sample records, in evaluation order, every input labelled", async () => {
    for (const prepared of [current, proposed]) {
      const order = prepared.steps.flatMap((s) => (s.kind === "rule" ? [s.node.id] : []));
      for (const id of ["D-0001", "D-0011", "D-0101", "D-0291"]) {
        const statement = await statementOf(prepared, id);
        expect(statement.rules.map((r) => r.rule)).toEqual(order);
        for (const r of statement.rules) {
          expect(r.sentence.en.length).toBeGreaterThan(r.title.en.length);
          expect(r.sentence["zh-CN"]).toMatch(/。$/);
          expect(r.trace?.value === undefined || r.error === undefined).toBe(true);
          for (const input of r.inputs) expect(input.label, `${r.rule} ${input.path}`).toBeDefined();
        }
      }
    }
  });
});

describe("formatValue", () => {
  it("writes CNY, ratios, counted units and booleans per language", () => {
    expect(formatValue(3750085, "CNY", "zh-CN")).toBe("¥3,750,085");
    expect(formatValue(-1234.5, "CNY", "en")).toBe("-¥1,234.50");
    expect(formatValue(54589127.8, "CNY", "en")).toBe("¥54,589,127.80");
    expect(formatValue(0.004, "CNY", "en")).toBe("¥0");
    expect(formatValue(0.015, "ratio", "zh-CN")).toBe("1.5%");
    expect(formatValue(0.85, "ratio", "en")).toBe("85 %");
    expect(formatValue(30, "days", "zh-CN")).toBe("30 天");
    expect(formatValue(true, undefined, "zh-CN")).toBe("是");
    expect(formatValue(null, undefined, "en")).toBe("none");
  });
});
