// Templates for MDF accrual and the ABC classification policy (domain §5.1, §5.2).
import type { ParamSpec, RuleTest } from "../pack";
import type { FieldError, RuleTemplate, TableRow } from "./model";
import {
  L,
  cell,
  cellText,
  chain,
  column,
  errorTest,
  field,
  fmt,
  join,
  money,
  money2,
  num,
  op,
  pct,
  ratio,
  rows,
  slug,
  str,
  test,
  v,
} from "./support";

const cny = { type: "number" as const, unit: "CNY", decimals: 2 };

// ---------------------------------------------------------------- MDF accrual (I6)

const KNOWN_TIERS = ["registered", "bronze", "silver", "gold", "platinum"];

export const mdfAccrual: RuleTemplate = {
  id: "mdf-accrual",
  catalogue: "I6",
  kind: "incentive",
  title: L("MDF accrual by tier with caps", "市场费用计提(按等级,封顶)"),
  description: L(
    "Market development funds accrued as a share of sales at the distributor's tier rate, capped per tier, for eligible distributors only.",
    "按经销商等级的计提比例对销售额计提市场费用,各等级封顶,仅符合资格者计提。",
  ),
  defaultId: "mdf-accrual-2",
  defaultTitle: L("MDF accrual", "市场费用计提"),
  fields: [
    field(
      "tier",
      "path",
      "profile.program_tier",
      L("Tier", "等级"),
      L("The field holding the distributor's tier.", "记录经销商等级的字段。"),
    ),
    field(
      "base",
      "path",
      "sales.prior_quarter_net",
      L("Sales base", "销售基数"),
      L("The sales the accrual is a share of.", "计提所依据的销售额。"),
    ),
    field(
      "tiers",
      "table",
      [
        { tier: "platinum", rate: 0.03, cap: 60000 },
        { tier: "gold", rate: 0.03, cap: 60000 },
        { tier: "silver", rate: 0.02, cap: 30000 },
        { tier: "bronze", rate: 0.01, cap: 10000 },
      ],
      L("Rates and caps by tier", "各等级比例与上限"),
      L(
        "One row per tier: its accrual rate and its cap per period. Other tiers use the row below the table.",
        "每行一个等级:计提比例与每期上限。表中没有的等级使用下方的比例与上限。",
      ),
      {
        minRows: 1,
        maxRows: 10,
        columns: [
          column(
            "tier",
            "text",
            L("Tier", "等级"),
            L("A value of the tier field (letters, digits, _).", "等级字段的取值(字母、数字、下划线)。"),
          ),
          column(
            "rate",
            "ratio",
            L("Rate", "比例"),
            L("Accrual as a share of the base (3 % = 0.03).", "计提占基数的比例(3% 即 0.03)。"),
            { min: 0, max: 1 },
          ),
          column(
            "cap",
            "money",
            L("Cap (CNY)", "上限(元)"),
            L("The most accrued in a period.", "每期最多计提金额。"),
            { min: 0 },
          ),
        ],
      },
    ),
    field(
      "otherRate",
      "ratio",
      0,
      L("Rate, other tiers", "其他等级比例"),
      L("For tiers not in the table.", "表中没有的等级的比例。"),
      { min: 0, max: 1 },
    ),
    field(
      "otherCap",
      "money",
      0,
      L("Cap, other tiers", "其他等级上限"),
      L("For tiers not in the table.", "表中没有的等级的上限。"),
      { min: 0 },
    ),
    field(
      "collection",
      "path",
      "ar.collection_rate",
      L("Collection rate", "回款率"),
      L("Eligibility measure (leave empty for none).", "资格指标(留空表示不检查)。"),
      { optional: true },
    ),
    field(
      "minCollection",
      "ratio",
      0.9,
      L("Minimum collection rate", "最低回款率"),
      L("Below it nothing accrues.", "低于此值不计提。"),
      { min: 0, max: 10 },
    ),
    field(
      "violations",
      "path",
      "violations.cross_territory_count",
      L("Violations that void it", "取消计提的违规"),
      L(
        "Any count above 0 stops the accrual (leave empty to ignore).",
        "该计数大于 0 时不计提(留空则不考虑)。",
      ),
      { optional: true },
    ),
  ],
  check(values) {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    rows(values, "tiers").forEach((row, i) => {
      const t = cellText(row, "tier");
      if (!/^[A-Za-z0-9_]+$/.test(t))
        errors.push({
          field: "tiers",
          row: i,
          column: "tier",
          message: L("Use letters, digits and _ only.", "只能使用字母、数字和下划线。"),
        });
      else if (seen.has(slug(t)))
        errors.push({
          field: "tiers",
          row: i,
          column: "tier",
          message: L(`"${t}" is listed twice.`, `"${t}" 重复。`),
        });
      seen.add(slug(t));
    });
    return errors;
  },
  build(values, prefix) {
    const tierPath = str(values, "tier");
    const base = str(values, "base");
    const collection = str(values, "collection");
    const violations = str(values, "violations");
    const tiers = rows(values, "tiers");
    const [otherRate, otherCap, minCollection] = [
      num(values, "otherRate"),
      num(values, "otherCap"),
      num(values, "minCollection"),
    ];
    const params: Record<string, ParamSpec> = {};
    for (const row of tiers) {
      const t = cellText(row, "tier");
      params[`${prefix}_rate_${slug(t)}`] = ratio(
        cell(row, "rate"),
        L(`MDF rate, ${t}`, `市场费用比例:${t}`),
      );
      params[`${prefix}_cap_${slug(t)}`] = money(cell(row, "cap"), L(`MDF cap, ${t}`, `市场费用上限:${t}`));
    }
    params[`${prefix}_rate_other`] = ratio(otherRate, L("MDF rate, other tiers", "市场费用比例:其他等级"));
    params[`${prefix}_cap_other`] = money(otherCap, L("MDF cap, other tiers", "市场费用上限:其他等级"));
    if (collection)
      params[`${prefix}_min_collection`] = ratio(
        minCollection,
        L("MDF: minimum collection rate", "市场费用:最低回款率"),
        10,
      );
    const byTier = (what: "rate" | "cap") =>
      chain(
        tiers.map(
          (row) =>
            [
              op("===", v(tierPath), cellText(row, "tier")),
              v(`params.${prefix}_${what}_${slug(cellText(row, "tier"))}`),
            ] as const,
        ),
        v(`params.${prefix}_${what}_other`),
      );
    const amount = op("min", op("*", byTier("rate"), v(base)), byTier("cap"));
    const conditions = [
      ...(collection ? [op(">=", v(collection), v(`params.${prefix}_min_collection`))] : []),
      ...(violations ? [op("===", v(violations), 0)] : []),
    ];
    const logic = conditions.length === 0 ? amount : { if: [join("and", conditions), amount, 0] };
    const find = (t: string) => tiers.find((r) => cellText(r, "tier") === t);
    const expected = (t: string, x: number) => {
      const row = find(t);
      return money2(Math.min((row ? cell(row, "rate") : otherRate) * x, row ? cell(row, "cap") : otherCap));
    };
    const ok = {
      ...(collection ? { [collection]: minCollection + 0.03 } : {}),
      ...(violations ? { [violations]: 0 } : {}),
    };
    const x0 = 1350000;
    const tests: RuleTest[] = tiers.map((row) => {
      const t = cellText(row, "tier");
      return test(
        `${t}: ${fmt(x0)} → ${fmt(expected(t, x0))}`,
        params,
        { [tierPath]: t, [base]: x0, ...ok },
        expected(t, x0),
      );
    });
    const other = KNOWN_TIERS.find((t) => !find(t)) ?? "other";
    tests.push(
      test(
        `${other} (not in the table) → ${fmt(expected(other, x0))}`,
        params,
        { [tierPath]: other, [base]: x0, ...ok },
        expected(other, x0),
      ),
    );
    const capped = tiers.find((r) => cell(r, "rate") > 0);
    if (capped) {
      const t = cellText(capped, "tier");
      const big = Math.ceil((cell(capped, "cap") / cell(capped, "rate")) * 2) + 1;
      tests.push(
        test(
          `${t}: ${fmt(big)}, capped → ${fmt(expected(t, big))}`,
          params,
          { [tierPath]: t, [base]: big, ...ok },
          expected(t, big),
        ),
      );
    }
    const first = cellText(tiers[0] as TableRow, "tier");
    if (collection)
      tests.push(
        test(
          "collection below the minimum → 0",
          params,
          {
            [tierPath]: first,
            [base]: x0,
            ...ok,
            [collection]: Math.round((minCollection - 0.05) * 1e6) / 1e6,
          },
          0,
        ),
      );
    if (violations)
      tests.push(
        test("a violation → 0", params, { [tierPath]: first, [base]: x0, ...ok, [violations]: 1 }, 0),
      );
    return {
      rule: {
        description: L(
          `min(tier rate × ${base}, tier cap) by ${tierPath}${conditions.length ? ", for eligible distributors only" : ""}.`,
          `按 ${tierPath} 取 min(等级比例 × ${base}, 等级上限)${conditions.length ? ",仅符合资格者计提" : ""}。`,
        ),
        output: cny,
        logic,
        tests,
      },
      params,
      population: [],
      requires: [],
    };
  },
};

/** ABC classification with its policy rule: a lookup from the class to the cash share of rebates (E4 / I9). */
export const abcPolicy: RuleTemplate = {
  id: "abc-policy",
  catalogue: "E4/I9",
  kind: "incentive",
  title: L("ABC classification and its policy", "ABC分类及其政策"),
  description: L(
    "Adds a cumulative-share classification (A = the distributors making the first 80 %, the one crossing it included) to the pack, and a rule giving each class its share of rebates paid in cash.",
    "在规则包中加入按累计占比的ABC分类(A类为合计贡献前80%的经销商,跨越80%者计入A),并以规则给出各类返利中以现金支付的比例。",
  ),
  defaultId: "abc-cash-share",
  defaultTitle: L("Cash share of rebates by ABC class", "按ABC分类的返利现金比例"),
  fields: [
    field(
      "measure",
      "path",
      "sales.net_ytd",
      L("Measure", "分类指标"),
      L(
        "The amount distributors are ranked by, largest first; records without a number get no class.",
        "经销商排序所依据的金额(从大到小);没有数值的记录不分类。",
      ),
    ),
    field(
      "partition",
      "path",
      "",
      L("Classify within", "分组"),
      L(
        "Optional: classify within each value of this field (such as profile.sales_region); empty for the whole population.",
        "可选:按此字段的取值分组分类(如 profile.sales_region);留空则按全体。",
      ),
      { optional: true },
    ),
    field(
      "breakA",
      "ratio",
      0.8,
      L("A up to (cumulative share)", "A类累计占比上限"),
      L(
        "A: the distributors that together make this share, the one crossing it included.",
        "A类:合计贡献此占比的经销商,跨越者计入A。",
      ),
      { min: 0.000001, max: 0.999999 },
    ),
    field(
      "breakB",
      "ratio",
      0.95,
      L("B up to (cumulative share)", "B类累计占比上限"),
      L("B: up to this cumulative share; C the rest.", "B类:至此累计占比;其余为C。"),
      { min: 0.000001, max: 0.999999 },
    ),
    field(
      "shareA",
      "ratio",
      0,
      L("Cash share, class A", "A类现金比例"),
      L(
        "Share of the rebate A-class distributors get in cash (0 = all into terminal support).",
        "A类经销商返利中以现金支付的比例(0 表示全部转为终端支持)。",
      ),
      { min: 0, max: 1 },
    ),
    field(
      "shareB",
      "ratio",
      1,
      L("Cash share, class B", "B类现金比例"),
      L("Share of the rebate B-class distributors get in cash.", "B类经销商返利中以现金支付的比例。"),
      { min: 0, max: 1 },
    ),
    field(
      "shareC",
      "ratio",
      1,
      L("Cash share, class C", "C类现金比例"),
      L("Share of the rebate C-class distributors get in cash.", "C类经销商返利中以现金支付的比例。"),
      { min: 0, max: 1 },
    ),
  ],
  check(values) {
    if (num(values, "breakB") > num(values, "breakA")) return [];
    return [{ field: "breakB", message: L("B's share must be above A's.", "B类累计占比必须大于A类。") }];
  },
  build(values, prefix) {
    const measure = str(values, "measure");
    const partition = str(values, "partition");
    const out = `pop.${prefix}_class`;
    const classes = ["A", "B", "C"] as const;
    const shares = { A: num(values, "shareA"), B: num(values, "shareB"), C: num(values, "shareC") };
    const params: Record<string, ParamSpec> = {};
    for (const c of classes)
      params[`${prefix}_cash_share_${c.toLowerCase()}`] = ratio(
        shares[c],
        L(`Cash share of rebates, class ${c}`, `${c}类返利现金比例`),
      );
    const logic = chain(
      classes.map(
        (c) => [op("===", v(out), c), v(`params.${prefix}_cash_share_${c.toLowerCase()}`)] as const,
      ),
      // Any other value (no class: the measure was missing) is returned as is, so the number check
      // makes it an error for the record rather than a silent C.
      v(out),
    );
    const tests: RuleTest[] = classes.map((c) =>
      test(`class ${c} → ${fmt(shares[c])}`, params, { [out]: c }, shares[c]),
    );
    tests.push(errorTest("no class (measure missing) is an error, not a silent C", params, { [out]: null }));
    return {
      rule: {
        description: L(
          `Cash share of rebates by the ABC class of ${measure} (A up to ${pct(num(values, "breakA"))}, B up to ${pct(num(values, "breakB"))}, from the pack's population operator ${out}).`,
          `按 ${measure} 的ABC分类给出返利现金比例(A类至 ${pct(num(values, "breakA"))},B类至 ${pct(num(values, "breakB"))},来自规则包的总体运算 ${out})。`,
        ),
        output: { type: "number", unit: "ratio", decimals: 4, min: 0, max: 1 },
        logic,
        tests,
      },
      params,
      population: [
        {
          id: `${prefix.replace(/_/g, "-")}-abc`,
          op: "cumulative_share_class",
          measure,
          breaks: [num(values, "breakA"), num(values, "breakB")],
          labels: ["A", "B", "C"],
          out,
          ...(partition ? { partitionBy: partition } : {}),
          title: L(`ABC class by ${measure}`, `按 ${measure} 的ABC分类`),
        },
      ],
      requires: [],
    };
  },
};
