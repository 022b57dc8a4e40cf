// Templates for the loyalty schemes of the rule catalogue (domain §5.3).
import type { ParamSpec, RuleTest } from "../pack";
import type { FieldError, RuleTemplate, TableRow } from "./model";
import {
  L,
  cell,
  cellText,
  chain,
  column,
  field,
  fmt,
  join,
  num,
  op,
  param,
  pct,
  ratio,
  rows,
  slug,
  str,
  test,
  v,
} from "./support";

// ---------------------------------------------------------------- points per amount (L1)

const tierColumns = (valueKey: string, label: ReturnType<typeof L>, help: ReturnType<typeof L>) => [
  column(
    "tier",
    "text",
    L("Tier", "等级"),
    L("A value of the tier field (letters, digits, _).", "等级字段的取值(字母、数字、下划线)。"),
  ),
  column(valueKey, "number", label, help, { min: 0 }),
];

function checkTiers(fieldKey: string, list: TableRow[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((row, i) => {
    const t = cellText(row, "tier");
    if (!/^[A-Za-z0-9_]+$/.test(t))
      errors.push({
        field: fieldKey,
        row: i,
        column: "tier",
        message: L("Use letters, digits and _ only.", "只能使用字母、数字和下划线。"),
      });
    else if (seen.has(slug(t)))
      errors.push({
        field: fieldKey,
        row: i,
        column: "tier",
        message: L(`"${t}" is listed twice.`, `"${t}" 重复。`),
      });
    seen.add(slug(t));
  });
  return errors;
}

export const points: RuleTemplate = {
  id: "loyalty-points",
  catalogue: "L1",
  kind: "loyalty",
  title: L("Points per amount with tier multipliers", "按金额积分(等级倍数)"),
  description: L(
    "Points per 100 CNY paid (focus products earn extra), multiplied by the member tier's multiplier and rounded down; none while rebates are forfeited.",
    "每付款 100 元积分(重点产品额外积分),乘以会员等级倍数后向下取整;返利被取消期间不积分。",
  ),
  defaultId: "points-per-amount",
  defaultTitle: L("Points earned", "本期积分"),
  fields: [
    field(
      "paid",
      "path",
      "loyalty.paid_purchases_period",
      L("Paid purchases", "已付款采购额"),
      L("Collected, not invoiced, so unpaid orders earn nothing.", "按已回款计,未付款订单不积分。"),
    ),
    field(
      "perHundred",
      "number",
      1,
      L("Points per 100 CNY", "每 100 元积分"),
      L("Base points per 100 CNY paid.", "每付款 100 元的基础积分。"),
      { min: 0 },
    ),
    field(
      "focus",
      "path",
      "loyalty.focus_paid_purchases_period",
      L("Paid focus purchases", "重点产品付款额"),
      L("Optional: purchases of focus products, which earn extra points.", "可选:重点产品采购额,额外积分。"),
      { optional: true },
    ),
    field(
      "focusExtra",
      "number",
      1,
      L("Extra points per 100 CNY of focus products", "重点产品每 100 元额外积分"),
      L("On top of the base points.", "在基础积分之外。"),
      { min: 0 },
    ),
    field(
      "tier",
      "path",
      "loyalty.tier",
      L("Tier", "等级"),
      L("The field holding the member tier.", "记录会员等级的字段。"),
    ),
    field(
      "multipliers",
      "table",
      [
        { tier: "platinum", multiplier: 2 },
        { tier: "gold", multiplier: 1.5 },
        { tier: "silver", multiplier: 1.2 },
      ],
      L("Multipliers by tier", "各等级倍数"),
      L(
        "One row per tier and its multiplier; other tiers use the multiplier below.",
        "每行一个等级及其倍数;其他等级使用下方倍数。",
      ),
      {
        minRows: 0,
        maxRows: 10,
        columns: tierColumns(
          "multiplier",
          L("Multiplier", "倍数"),
          L("Points are multiplied by this.", "积分乘以此倍数。"),
        ),
      },
    ),
    field(
      "otherMultiplier",
      "number",
      1,
      L("Multiplier, other tiers", "其他等级倍数"),
      L("For tiers not in the table (bronze).", "表中没有的等级(如铜卡)。"),
      { min: 0 },
    ),
    field(
      "forfeit",
      "path",
      "out.violation-action",
      L("Violation action", "违规处理"),
      L(
        "Optional: a rule giving the violation action; no points when it is forfeit_rebates or terminate.",
        "可选:给出违规处理的规则;为取消返利或终止合作时不积分。",
      ),
      { optional: true },
    ),
  ],
  check: (values) => checkTiers("multipliers", rows(values, "multipliers")),
  build(values, prefix) {
    const [paid, focus, tierPath, forfeit] = [
      str(values, "paid"),
      str(values, "focus"),
      str(values, "tier"),
      str(values, "forfeit"),
    ];
    const [per, extra, other] = [
      num(values, "perHundred"),
      num(values, "focusExtra"),
      num(values, "otherMultiplier"),
    ];
    const tiers = rows(values, "multipliers");
    const params: Record<string, ParamSpec> = {
      [`${prefix}_per_100_cny`]: param("number", per, L("Points per 100 CNY paid", "每付款 100 元积分"), {
        min: 0,
        max: Math.max(100, per),
        unit: "points",
      }),
      ...(focus
        ? {
            [`${prefix}_focus_extra_per_100_cny`]: param(
              "number",
              extra,
              L("Extra points per 100 CNY of focus products", "重点产品每 100 元额外积分"),
              { min: 0, max: Math.max(100, extra), unit: "points" },
            ),
          }
        : {}),
    };
    for (const row of tiers)
      params[`${prefix}_mult_${slug(cellText(row, "tier"))}`] = param(
        "number",
        cell(row, "multiplier"),
        L(`Points multiplier, ${cellText(row, "tier")}`, `积分倍数:${cellText(row, "tier")}`),
        { min: 0, max: Math.max(10, cell(row, "multiplier")) },
      );
    params[`${prefix}_mult_other`] = param(
      "number",
      other,
      L("Points multiplier, other tiers", "积分倍数:其他等级"),
      { min: 0, max: Math.max(10, other) },
    );
    const basePoints = join("+", [
      op("/", op("*", v(paid), v(`params.${prefix}_per_100_cny`)), 100),
      ...(focus ? [op("/", op("*", v(focus), v(`params.${prefix}_focus_extra_per_100_cny`)), 100)] : []),
    ]);
    const mult = chain(
      tiers.map(
        (row) =>
          [
            op("===", v(tierPath), cellText(row, "tier")),
            v(`params.${prefix}_mult_${slug(cellText(row, "tier"))}`),
          ] as const,
      ),
      v(`params.${prefix}_mult_other`),
    );
    // JsonLogic has no floor: x − x % 1 (x ≥ 0), after 10⁻⁶ so 15,800 × 1.2 (18,959.999…) gives 18,960.
    const raw = op("+", op("*", basePoints, mult), 0.000001);
    const floored = op("-", raw, op("%", raw, 1));
    const logic = forfeit
      ? { if: [op("in", v(forfeit), ["forfeit_rebates", "terminate"]), 0, floored] }
      : floored;
    const find = (t: string) => tiers.find((r) => cellText(r, "tier") === t);
    const expected = (t: string, p: number, fp: number) => {
      const row = find(t);
      const bp = focus ? (p * per) / 100 + (fp * extra) / 100 : (p * per) / 100;
      const x = bp * (row ? cell(row, "multiplier") : other) + 0.000001;
      return x - (x % 1);
    };
    const [p0, f0] = [1380000, 200000];
    const input = (t: string, action = "warning") => ({
      [paid]: p0,
      [tierPath]: t,
      ...(focus ? { [focus]: f0 } : {}),
      ...(forfeit ? { [forfeit]: action } : {}),
    });
    const tests: RuleTest[] = tiers.map((row) => {
      const t = cellText(row, "tier");
      return test(
        `${t}: ${fmt(p0)} paid → ${fmt(expected(t, p0, f0))} points`,
        params,
        input(t),
        expected(t, p0, f0),
      );
    });
    const otherTier = ["bronze", "registered", "other"].find((t) => !find(t)) ?? "other";
    tests.push(
      test(
        `${otherTier} (not in the table) → ${fmt(expected(otherTier, p0, f0))} points`,
        params,
        input(otherTier),
        expected(otherTier, p0, f0),
      ),
    );
    if (forfeit)
      tests.push(
        test(
          "rebates forfeited → 0 points",
          params,
          input(cellText(tiers[0] ?? { tier: otherTier }, "tier"), "forfeit_rebates"),
          0,
        ),
      );
    return {
      rule: {
        description: L(
          `floor((${paid} × ${fmt(per)}${focus ? ` + ${focus} × ${fmt(extra)}` : ""}) / 100 × tier multiplier by ${tierPath})${forfeit ? `; 0 when ${forfeit} is forfeit_rebates or terminate` : ""}.`,
          `按 ${tierPath} 取等级倍数,积分 = 向下取整((${paid} × ${fmt(per)}${focus ? ` + ${focus} × ${fmt(extra)}` : ""}) / 100 × 倍数)${forfeit ? `;${forfeit} 为取消返利或终止合作时为 0` : ""}。`,
        ),
        output: { type: "integer", unit: "points", min: 0 },
        logic,
        tests,
      },
      params,
      population: [],
      requires: forfeit.startsWith("out.") ? [forfeit.slice(4)] : [],
    };
  },
};

// ---------------------------------------------------------------- tier qualification with soft landing (L2)

export const tierQualification: RuleTemplate = {
  id: "tier-qualification",
  catalogue: "L2",
  kind: "loyalty",
  title: L("Tier qualification with soft landing", "等级评定(含保级)"),
  description: L(
    "Upgrades at once when a higher tier's amount is reached; downgrades only at the annual review, one level at a time, and keeps the tier once when the amount is close to its threshold (soft landing).",
    "达到更高等级金额即时升级;只在年度评审时降级且每次一级;金额接近本级门槛时可保级一次。",
  ),
  defaultId: "tier-next",
  defaultTitle: L("Next member tier", "下期会员等级"),
  fields: [
    field(
      "amount",
      "path",
      "loyalty.qualifying_amount_12m",
      L("Qualifying amount", "评级金额"),
      L("The amount tiers are earned by (trailing 12 months).", "评定等级所依据的金额(近 12 个月)。"),
    ),
    field(
      "tier",
      "path",
      "loyalty.tier",
      L("Current tier", "当前等级"),
      L("The field holding the tier now.", "记录当前等级的字段。"),
    ),
    field(
      "tiers",
      "table",
      [
        { tier: "bronze", threshold: 0 },
        { tier: "silver", threshold: 1000000 },
        { tier: "gold", threshold: 3000000 },
        { tier: "platinum", threshold: 8000000 },
      ],
      L("Tiers, lowest first", "等级(由低到高)"),
      L(
        "One row per tier, lowest first, with the amount that earns it; the first tier is the entry tier (threshold 0).",
        "每行一个等级,由低到高,及达到该等级的金额;第一行为起始等级(门槛 0)。",
      ),
      {
        minRows: 2,
        maxRows: 10,
        columns: [
          column(
            "tier",
            "text",
            L("Tier", "等级"),
            L("A value of the tier field (letters, digits, _).", "等级字段的取值(字母、数字、下划线)。"),
          ),
          column(
            "threshold",
            "money",
            L("Earned from (CNY)", "达标金额(元)"),
            L("The qualifying amount that earns the tier, included.", "达到该等级的评级金额(含)。"),
            { min: 0 },
          ),
        ],
      },
    ),
    field(
      "reviewMonth",
      "integer",
      12,
      L("Annual review month", "年度评审月份"),
      L(
        "Downgrades happen only when ctx.eval_month is this month (1–12).",
        "仅当 ctx.eval_month 为此月份时降级(1–12)。",
      ),
      { min: 1, max: 12 },
    ),
    field(
      "softShare",
      "ratio",
      0.9,
      L("Soft landing from", "保级比例"),
      L(
        "At the review, a member with at least this share of the current tier's threshold keeps the tier once (90 % = 0.9).",
        "年度评审时,达到当前等级门槛此比例的会员可保级一次(90% 即 0.9)。",
      ),
      { min: 0, max: 1 },
    ),
    field(
      "softUsed",
      "path",
      "loyalty.soft_landing_used",
      L("Soft landing used", "已使用保级"),
      L(
        "A true/false field: the soft landing was used already (leave empty to allow it every year).",
        "是/否字段:已使用过保级(留空则每年都可保级)。",
      ),
      { optional: true },
    ),
  ],
  check(values) {
    const list = rows(values, "tiers");
    return [
      ...checkTiers("tiers", list),
      ...(() => {
        const errors: FieldError[] = [];
        list.forEach((row, i) => {
          if (i === 0 && cell(row, "threshold") !== 0)
            errors.push({
              field: "tiers",
              row: 0,
              column: "threshold",
              message: L("The entry tier starts at 0.", "起始等级的门槛为 0。"),
            });
          const before = list[i - 1];
          if (before && !(cell(row, "threshold") > cell(before, "threshold")))
            errors.push({
              field: "tiers",
              row: i,
              column: "threshold",
              message: L(
                `Row ${i + 1} must be above row ${i}; tiers go lowest first.`,
                `第 ${i + 1} 行必须大于第 ${i} 行;等级由低到高排列。`,
              ),
            });
        });
        return errors;
      })(),
    ];
  },
  build(values, prefix) {
    const [amount, tierPath, softUsed] = [
      str(values, "amount"),
      str(values, "tier"),
      str(values, "softUsed"),
    ];
    const tiers = rows(values, "tiers");
    const names = tiers.map((r) => cellText(r, "tier"));
    const thresholds = tiers.map((r) => cell(r, "threshold"));
    const [month, share] = [num(values, "reviewMonth"), num(values, "softShare")];
    const top = names.length - 1;
    const params: Record<string, ParamSpec> = {};
    names.forEach((t, i) => {
      if (i > 0)
        params[`${prefix}_${slug(t)}_amount`] = param(
          "number",
          thresholds[i],
          L(`Tier ${t} from`, `${t}等级达标金额`),
          { min: 0, max: Math.max(1e10, thresholds[i] as number), unit: "CNY" },
        );
    });
    params[`${prefix}_review_month`] = param("integer", month, L("Annual review month", "年度评审月份"), {
      min: 1,
      max: 12,
      unit: "month",
    });
    params[`${prefix}_soft_landing_share`] = ratio(
      share,
      L("Soft landing share of the threshold", "保级比例"),
    );
    const threshold = (i: number) => v(`params.${prefix}_${slug(names[i] as string)}_amount`);
    const desc = [...names.keys()].slice(1).reverse();
    const earned = chain(
      desc.map((i) => [op(">=", v(amount), threshold(i)), names[i]] as const),
      names[0],
    );
    const earnedRank = chain(
      desc.map((i) => [op(">=", v(amount), threshold(i)), i] as const),
      0,
    );
    const currentRank = chain(
      desc.map((i) => [op("===", v(tierPath), names[i]), i] as const),
      0,
    );
    // Past the first case the current tier is above the entry tier (else it could not be above the
    // earned one), so the last case of these two chains is tier 1 and neither has a dead branch.
    const downFrom = desc.filter((i) => i > 1);
    const currentThreshold = chain(
      downFrom.map((i) => [op("===", v(tierPath), names[i]), threshold(i)] as const),
      threshold(1),
    );
    const below = chain(
      downFrom.map((i) => [op("===", v(tierPath), names[i]), names[i - 1]] as const),
      names[0],
    );
    const close = op(">=", v(amount), op("*", v(`params.${prefix}_soft_landing_share`), currentThreshold));
    const logic = chain(
      [
        [op(">=", earnedRank, currentRank), earned],
        [{ "!": op("===", v("ctx.eval_month"), v(`params.${prefix}_review_month`)) }, v(tierPath)],
        [softUsed ? op("and", close, { "!": v(softUsed) }) : close, v(tierPath)],
      ],
      below,
    );
    const next = (cur: string, amt: number, m: number, used = false) => {
      let e = 0;
      while (e < top && amt >= (thresholds[e + 1] as number)) e++;
      const c = Math.max(0, names.indexOf(cur));
      if (e >= c) return names[e];
      if (m !== month) return cur;
      if (amt >= share * (thresholds[c] as number) && !(softUsed && used)) return cur;
      return names[Math.max(0, c - 1)];
    };
    const other = (month % 12) + 1;
    const input = (cur: string, amt: number, m: number, used = false) => ({
      [amount]: amt,
      [tierPath]: cur,
      "ctx.eval_month": m,
      ...(softUsed ? { [softUsed]: used } : {}),
    });
    const [low, high] = [names[0] as string, names[top] as string];
    const cases: [string, string, number, number, boolean][] = [
      ["upgrade at once", low, thresholds[top] as number, other, false],
      ["no downgrade outside the review", high, 0, other, false],
      ...names.map((t, i): [string, string, number, number, boolean] => [
        "keeps the tier at its threshold",
        t,
        thresholds[i] as number,
        month,
        false,
      ]),
      ...names
        .slice(1)
        .map((t): [string, string, number, number, boolean] => [
          "far below at the review: one level down",
          t,
          0,
          month,
          false,
        ]),
    ];
    if (share < 1 && (thresholds[top] as number) > 0) {
      const near = Math.max(Math.ceil(share * (thresholds[top] as number)), thresholds[top - 1] as number);
      if (near < (thresholds[top] as number)) {
        cases.push(["soft landing at the review keeps the tier", high, near, month, false]);
        if (softUsed) cases.push(["soft landing already used: one level down", high, near, month, true]);
      }
    }
    const tests: RuleTest[] = cases.map(([name, cur, amt, m, used]) =>
      test(
        `${cur}, ${fmt(amt)}, month ${m}${used ? ", soft landing used" : ""}: ${name} → ${next(cur, amt, m, used)}`,
        params,
        input(cur, amt, m, used),
        next(cur, amt, m, used),
      ),
    );
    return {
      rule: {
        description: L(
          `Tiers ${names.map((t, i) => `${t} from ${fmt(thresholds[i] as number)}`).join(", ")} by ${amount}; upgrades at once, downgrades one level in month ${month}, unless ${amount} ≥ ${pct(share)} of the current threshold${softUsed ? ` and ${softUsed} is false` : ""}.`,
          `按 ${amount} 评级:${names.map((t, i) => `${t} ${fmt(thresholds[i] as number)} 起`).join(",")};即时升级,${month} 月评审时降一级,除非 ${amount} 不低于当前门槛的 ${pct(share)}${softUsed ? ` 且 ${softUsed} 为否` : ""}。`,
        ),
        output: { type: "string", enum: names },
        logic,
        tests,
      },
      params,
      population: [],
      requires: [],
    };
  },
};
