// Templates for the rebate schemes of the rule catalogue (domain §5.1): tiered and growth.
import type { ParamSpec, RuleTest } from "../pack";
import type { FieldError, RuleTemplate, TableRow } from "./model";
import {
  L,
  cell,
  chain,
  choice,
  column,
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
  str,
  test,
  v,
} from "./support";

const cny = { type: "number" as const, unit: "CNY", decimals: 2 };

// ---------------------------------------------------------------- tiered rebate (I1 / I2)

const bandColumns = [
  column(
    "floor",
    "money",
    L("From (CNY)", "起点(元)"),
    L(
      "The band starts at this amount, included (bands are [from, next from)). The first band starts at 0.",
      "本档起点金额,含本数(档位为[起点, 下一档起点))。第一档从 0 开始。",
    ),
  ),
  column(
    "rate",
    "ratio",
    L("Rate", "返利率"),
    L(
      "Rebate rate of the band, as a share of the base (1.5 % = 0.015).",
      "本档返利率,占返利基数的比例(1.5% 即 0.015)。",
    ),
    { min: 0, max: 1 },
  ),
];

export function checkAscending(
  field: string,
  list: TableRow[],
  key: string,
  strictFirst?: number,
): FieldError[] {
  const errors: FieldError[] = [];
  list.forEach((row, i) => {
    if (i === 0 && strictFirst !== undefined && cell(row, key) !== strictFirst) {
      errors.push({
        field,
        row: i,
        column: key,
        message: L(`The first row must start at ${strictFirst}.`, `第一行必须从 ${strictFirst} 开始。`),
      });
    }
    const before = list[i - 1];
    if (before !== undefined && !(cell(row, key) > cell(before, key))) {
      errors.push({
        field,
        row: i,
        column: key,
        message: L(
          `Row ${i + 1} must be above row ${i} (${fmt(cell(before, key))}); rows go in ascending order.`,
          `第 ${i + 1} 行必须大于第 ${i} 行(${fmt(cell(before, key))});各行按升序排列。`,
        ),
      });
    }
  });
  return errors;
}

export const tieredRebate: RuleTemplate = {
  id: "tiered-rebate",
  catalogue: "I1/I2",
  kind: "incentive",
  title: L("Tiered volume rebate", "台阶 / 分段返利"),
  description: L(
    "A rebate on a base amount in bands: retroactive (the whole base at the reached band's rate) or marginal (each slice at its own band's rate), paid only when attainment reaches a gate.",
    "按档位计算的返利:全额累进(全部基数按达到档位的返利率)或分段累进(各段按本档返利率),目标达成率达到门槛才返利。",
  ),
  defaultId: "tiered-rebate",
  defaultTitle: L("Tiered volume rebate", "台阶返利"),
  fields: [
    field(
      "mode",
      "choice",
      "retroactive",
      L("Calculation", "计算方式"),
      L(
        "Retroactive: the whole base earns the rate of the band it reaches (a cliff at each band start). Marginal: each slice of the base earns its own band's rate (no cliff).",
        "全额累进:全部基数按达到的档位计算(档位起点处有跳变)。分段累进:基数各段按本档返利率计算后相加(无跳变)。",
      ),
      {
        choices: [
          choice("retroactive", "Retroactive (back to dollar one)", "全额累进(台阶)"),
          choice("marginal", "Marginal (incremental)", "分段累进"),
        ],
      },
    ),
    field(
      "base",
      "path",
      "sales.rebate_base_ytd",
      L("Rebate base", "返利基数"),
      L(
        "The amount the bands apply to, a field of the distributor record. A zero or negative base pays nothing.",
        "档位所依据的金额(经销商记录中的字段)。基数为零或负数时不返利。",
      ),
    ),
    field(
      "gateField",
      "path",
      "sales.attainment_ytd",
      L("Gate measure", "门槛指标"),
      L(
        "The ratio that must reach the gate for any rebate to be paid (leave empty for no gate).",
        "必须达到门槛才返利的比率指标(留空表示不设门槛)。",
      ),
      { optional: true },
    ),
    field(
      "gate",
      "ratio",
      0.9,
      L("Gate", "门槛"),
      L(
        "The gate measure must be at least this (90 % = 0.9); below it the rebate is 0.",
        "门槛指标至少达到此值(90% 即 0.9);低于门槛返利为 0。",
      ),
      { min: 0, max: 10 },
    ),
    field(
      "bands",
      "table",
      [
        { floor: 0, rate: 0.005 },
        { floor: 1000000, rate: 0.01 },
        { floor: 3000000, rate: 0.015 },
        { floor: 6000000, rate: 0.02 },
      ],
      L("Bands", "档位"),
      L(
        "One row per band: where it starts and its rate. Starts ascend; the first band starts at 0; the last band has no upper end.",
        "每行一个档位:起点和返利率。起点递增;第一档从 0 开始;最后一档没有上限。",
      ),
      { columns: bandColumns, minRows: 1, maxRows: 12 },
    ),
  ],
  check: (values) => checkAscending("bands", rows(values, "bands"), "floor", 0),
  build(values, prefix) {
    const marginal = str(values, "mode") === "marginal";
    const base = str(values, "base");
    const gateField = str(values, "gateField");
    const gate = num(values, "gate");
    const bands = rows(values, "bands");
    const params: Record<string, ParamSpec> = {};
    const floorName = (k: number) => `${prefix}_band_${k + 1}_floor`;
    const rateName = (k: number) => `${prefix}_band_${k + 1}_rate`;
    if (gateField) params[`${prefix}_gate`] = ratio(gate, L("Rebate gate", "返利门槛"), 10);
    bands.forEach((band, k) => {
      if (k > 0)
        params[floorName(k)] = money(cell(band, "floor"), L(`Band ${k + 1} starts at`, `第${k + 1}档起点`));
      params[rateName(k)] = ratio(cell(band, "rate"), L(`Rate, band ${k + 1}`, `第${k + 1}档返利率`));
    });
    const rate = (k: number) => v(`params.${rateName(k)}`);
    const floor = (k: number) => v(`params.${floorName(k)}`);
    const last = bands.length - 1;
    const amount = marginal
      ? join(
          "+",
          bands.map((_, k) => {
            if (last === 0) return op("*", rate(k), v(base));
            if (k === 0) return op("*", rate(k), op("min", v(base), floor(1)));
            const upTo = k === last ? v(base) : op("min", v(base), floor(k + 1));
            return op("*", rate(k), op("max", 0, op("-", upTo, floor(k))));
          }),
        )
      : op(
          "*",
          v(base),
          chain(
            bands.slice(0, -1).map((_, k) => [op("<", v(base), floor(k + 1)), rate(k)] as const),
            rate(last),
          ),
        );
    const stops = [
      ...(gateField ? [op("<", v(gateField), v(`params.${prefix}_gate`))] : []),
      op("<=", v(base), 0),
    ];
    const logic = { if: [join("or", stops), 0, amount] };

    const floors = bands.map((b) => cell(b, "floor"));
    const rates = bands.map((b) => cell(b, "rate"));
    const expected = (x: number, att: number) => {
      if ((gateField && att < gate) || x <= 0) return 0;
      if (!marginal) {
        let k = 0;
        while (k < last && x >= (floors[k + 1] as number)) k++;
        return money2(x * (rates[k] as number));
      }
      let total = 0;
      for (let k = 0; k <= last; k++) {
        const lo = floors[k] as number;
        const hi = k === last ? x : Math.min(x, floors[k + 1] as number);
        total += (rates[k] as number) * Math.max(0, hi - lo);
      }
      return money2(total);
    };
    const pass = gate + 0.1;
    const input = (x: number, att = pass) => ({ [base]: x, ...(gateField ? { [gateField]: att } : {}) });
    const tests: RuleTest[] = [];
    const sample = (x: number, label: string) => tests.push(test(label, params, input(x), expected(x, pass)));
    floors.forEach((lo, k) => {
      const hi = floors[k + 1];
      const x = hi === undefined ? Math.max(lo * 1.5, lo + 1000000) : Math.round((lo + hi) / 2);
      const r = pct(rates[k] as number);
      sample(x, `band ${k + 1}: ${fmt(x)} at ${r} → ${fmt(expected(x, pass))}`);
      if (k > 0) sample(lo, `band ${k + 1} starts at ${fmt(lo)} (included) → ${fmt(expected(lo, pass))}`);
    });
    const probe = Math.max((floors[last] as number) * 1.2, 5400000);
    if (gateField) {
      tests.push(
        test(`gate reached exactly (${fmt(gate)}) pays`, params, input(probe, gate), expected(probe, gate)),
      );
      if (gate > 0) {
        const below = Math.round((gate - Math.min(0.05, gate / 2)) * 1e6) / 1e6;
        tests.push(test(`below the gate (${fmt(below)}) → 0`, params, input(probe, below), 0));
      }
    }
    tests.push(test("negative base (returns exceed sales) → 0", params, input(-20000), 0));
    const modeText = marginal
      ? L("each slice of the base earns its own band's rate", "基数各段按本档返利率计算后相加")
      : L(
          "the whole base earns the rate of the band it reaches (bands include their start)",
          "全部基数按达到档位的返利率计算(档位含起点)",
        );
    return {
      rule: {
        description: L(
          `Rebate on ${base} in ${bands.length} band(s): ${modeText.en}${gateField ? `; paid only when ${gateField} reaches the gate` : ""}; a zero or negative base pays nothing.`,
          `按 ${bands.length} 个档位对 ${base} 返利:${modeText["zh-CN"]}${gateField ? `;${gateField} 达到门槛才返利` : ""};基数不为正时不返利。`,
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

// ---------------------------------------------------------------- growth bonus (I3)

export const growthBonus: RuleTemplate = {
  id: "growth-bonus",
  catalogue: "I3",
  kind: "incentive",
  title: L("Growth bonus with hurdle and caps", "增长奖(起算门槛与上限)"),
  description: L(
    "A bonus on sales above last year's by more than a hurdle, capped as a share of the base and as an amount; new distributors without enough prior sales get nothing.",
    "对超过上年同期且超过起算增长率部分的销售给予奖励,按基数比例和金额封顶;上年基数不足的新经销商不参与。",
  ),
  defaultId: "growth-bonus-2",
  defaultTitle: L("Growth bonus", "增长奖"),
  fields: [
    field(
      "current",
      "path",
      "sales.rebate_base_ytd",
      L("This year's base", "本年基数"),
      L("Sales this year, to date.", "本年至今销售额。"),
    ),
    field(
      "prior",
      "path",
      "sales.prior_ytd",
      L("Prior year's base", "上年同期基数"),
      L("The same period last year (like for like).", "上年同期销售额(同口径)。"),
    ),
    field(
      "hasPrior",
      "path",
      "sales.has_prior_year",
      L("Has a prior year", "有上年数据"),
      L(
        "A true/false field; distributors without a prior year get 0 (leave empty to skip).",
        "是/否字段;没有上年数据的经销商奖励为 0(留空则不检查)。",
      ),
      { optional: true },
    ),
    field(
      "hurdle",
      "ratio",
      0.05,
      L("Hurdle growth", "起算增长率"),
      L(
        "Only sales above prior × (1 + hurdle) earn the bonus (5 % = 0.05).",
        "只有超过 上年 × (1 + 起算增长率) 的部分才计奖(5% 即 0.05)。",
      ),
      { min: 0, max: 10 },
    ),
    field(
      "rate",
      "ratio",
      0.05,
      L("Bonus rate", "奖励比例"),
      L("Share of the sales above the hurdle paid as the bonus.", "超额部分中作为奖励支付的比例。"),
      { min: 0, max: 1 },
    ),
    field(
      "capShare",
      "ratio",
      0.01,
      L("Cap (share of base)", "上限(占基数比例)"),
      L("The bonus never exceeds this share of this year's base.", "奖励不超过本年基数的此比例。"),
      { min: 0, max: 1 },
    ),
    field(
      "capAmount",
      "money",
      200000,
      L("Cap (amount)", "上限(金额)"),
      L("The bonus never exceeds this amount, in CNY.", "奖励不超过此金额(元)。"),
      { min: 0 },
    ),
    field(
      "minPrior",
      "money",
      300000,
      L("Minimum prior base", "上年基数下限"),
      L(
        "Below this prior-year base the distributor is treated as new and gets 0.",
        "上年基数低于此值视为新经销商,奖励为 0。",
      ),
      { min: 0 },
    ),
  ],
  build(values, prefix) {
    const [cur, prior, hasPrior] = [str(values, "current"), str(values, "prior"), str(values, "hasPrior")];
    const h = num(values, "hurdle");
    const b = num(values, "rate");
    const cRel = num(values, "capShare");
    const cAbs = num(values, "capAmount");
    const m = num(values, "minPrior");
    const n = (s: string) => `${prefix}_${s}`;
    const params: Record<string, ParamSpec> = {
      [n("hurdle")]: ratio(h, L("Growth hurdle", "起算增长率"), 10),
      [n("rate")]: ratio(b, L("Growth bonus rate", "超额增长奖励比例")),
      [n("cap_share")]: ratio(cRel, L("Growth bonus cap (share of base)", "增长奖上限(占基数比例)")),
      [n("cap_amount")]: money(cAbs, L("Growth bonus cap (amount)", "增长奖上限(金额)")),
      [n("min_prior")]: money(m, L("Minimum prior-year base", "上年基数下限")),
    };
    const p = (s: string) => v(`params.${n(s)}`);
    const stops = [...(hasPrior ? [{ "!": v(hasPrior) }] : []), op("<", v(prior), p("min_prior"))];
    const excess = op("max", 0, op("-", v(cur), op("*", v(prior), op("+", 1, p("hurdle")))));
    const logic = {
      if: [
        join("or", stops),
        0,
        op("max", 0, op("min", op("*", p("rate"), excess), op("*", p("cap_share"), v(cur)), p("cap_amount"))),
      ],
    };
    const expected = (x: number, pr: number, has = true) => {
      if ((hasPrior && !has) || pr < m) return 0;
      const raw = b * Math.max(0, x - pr * (1 + h));
      return money2(Math.max(0, Math.min(raw, cRel * x, cAbs)));
    };
    const input = (x: number, pr: number, has = true) => ({
      [cur]: x,
      [prior]: pr,
      ...(hasPrior ? { [hasPrior]: has } : {}),
    });
    const which = (x: number, pr: number) => {
      const raw = b * Math.max(0, x - pr * (1 + h));
      const least = Math.min(raw, cRel * x, cAbs);
      return least === raw
        ? "bonus on the excess"
        : least === cAbs
          ? "the amount cap binds"
          : "the share cap binds";
    };
    const priorBase = Math.max(4500000, m * 2);
    const points: [number, number][] = [
      [priorBase * 1.2, priorBase],
      [priorBase * 1.6, priorBase],
      [priorBase * 40, priorBase * 30],
    ];
    const tests: RuleTest[] = points.map(([x, pr]) =>
      test(
        `${fmt(x)} vs ${fmt(pr)}: ${which(x, pr)} → ${fmt(expected(x, pr))}`,
        params,
        input(x, pr),
        expected(x, pr),
      ),
    );
    const flat = Math.round(priorBase * (1 + h));
    tests.push(
      test(
        `growth not above the hurdle → ${fmt(expected(flat, priorBase))}`,
        params,
        input(flat, priorBase),
        expected(flat, priorBase),
      ),
    );
    if (m > 0)
      tests.push(test("prior base below the minimum (new distributor) → 0", params, input(m * 2, m / 2), 0));
    else tests.push(test("negative prior base → 0", params, input(1000000, -1000), 0));
    if (hasPrior) tests.push(test("no prior year → 0", params, input(priorBase * 1.2, priorBase, false), 0));
    return {
      rule: {
        description: L(
          `${pct(b)} of ${cur} above ${prior} × (1 + ${pct(h)}), at most ${pct(cRel)} of the base and ${fmt(cAbs)} CNY; 0 when the prior base is under ${fmt(m)}${hasPrior ? ` or ${hasPrior} is false` : ""}.`,
          `${cur} 超过 ${prior} × (1 + ${pct(h)}) 的部分按 ${pct(b)} 计奖,不超过基数的 ${pct(cRel)} 且不超过 ${fmt(cAbs)} 元;上年基数低于 ${fmt(m)}${hasPrior ? `或 ${hasPrior} 为否` : ""}时为 0。`,
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
