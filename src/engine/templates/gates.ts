// Templates for gates and per-unit incentives of the rule catalogue (domain §5.1).
import type { ParamSpec, RuleTest } from "../pack";
import type { RuleTemplate, TableRow } from "./model";
import {
  L,
  cell,
  cellText,
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
  param,
  ratio,
  rows,
  str,
  test,
  v,
} from "./support";
import { checkAscending } from "./rebates";

const cny = { type: "number" as const, unit: "CNY", decimals: 2 };

// ---------------------------------------------------------------- gate (I4, E3 forfeiture, …)

const comparisons = [
  choice(">=", "at least (≥)", "不低于(≥)"),
  choice(">", "above (>)", "高于(>)"),
  choice("<=", "at most (≤)", "不高于(≤)"),
  choice("<", "below (<)", "低于(<)"),
  choice("===", "equal to (=)", "等于(=)"),
  choice("!==", "not equal to (≠)", "不等于(≠)"),
];

function holds(operator: string, x: number, value: number): boolean {
  switch (operator) {
    case ">=":
      return x >= value;
    case ">":
      return x > value;
    case "<=":
      return x <= value;
    case "<":
      return x < value;
    case "===":
      return x === value;
    default:
      return x !== value;
  }
}

/** A value on the passing (`pass`) or failing side of a condition. */
function probe(operator: string, value: number, pass: boolean): number {
  const d = Number.isInteger(value) ? 1 : 0.05;
  const up = Math.round((value + d) * 1e6) / 1e6;
  const down = Math.round((value - d) * 1e6) / 1e6;
  switch (operator) {
    case ">=":
      return pass ? value : down;
    case ">":
      return pass ? up : value;
    case "<=":
      return pass ? value : up;
    case "<":
      return pass ? down : value;
    case "===":
      return pass ? value : up;
    default:
      return pass ? up : value;
  }
}

export const gate: RuleTemplate = {
  id: "gate",
  catalogue: "I4/E3",
  kind: "incentive",
  title: L("Gate on another output", "门槛(条件不满足则清零)"),
  description: L(
    "Passes another rule's amount through when every condition holds, and 0 otherwise (a collection gate on the rebate, a compliance gate on a bonus).",
    "所有条件都满足时原样输出另一条规则的金额,否则为 0(如以回款门槛控制返利、以合规门槛控制奖金)。",
  ),
  defaultId: "gated-rebate",
  defaultTitle: L("Rebate after the collection gate", "回款门槛后的返利"),
  fields: [
    field(
      "governed",
      "id",
      "volume-rebate",
      L("Gated rule", "受控规则"),
      L(
        "The id of the rule whose amount the gate lets through; it must be in the same pack.",
        "门槛所控制金额的规则编号;该规则须在同一规则包内。",
      ),
    ),
    field(
      "conditions",
      "table",
      [
        { path: "ar.collection_rate", op: ">=", value: 0.9 },
        { path: "ar.overdue_90_amount", op: "===", value: 0 },
      ],
      L("Conditions (all must hold)", "条件(须全部满足)"),
      L(
        "Each row compares a field with a value; if any row fails, the output is 0.",
        "每行将一个字段与一个值比较;任一行不满足,输出为 0。",
      ),
      {
        minRows: 1,
        maxRows: 10,
        columns: [
          column("path", "path", L("Field", "字段"), L("The record field compared.", "被比较的记录字段。")),
          column(
            "op",
            "choice",
            L("Comparison", "比较"),
            L("How the field is compared with the value.", "字段与值的比较方式。"),
            { choices: comparisons },
          ),
          column(
            "value",
            "number",
            L("Value", "值"),
            L("The value compared with (a parameter of the pack).", "比较的值(规则包参数)。"),
          ),
        ],
      },
    ),
  ],
  build(values, prefix) {
    const governed = str(values, "governed");
    const conditions = rows(values, "conditions");
    const params: Record<string, ParamSpec> = {};
    const name = (i: number) => `${prefix}_condition_${i + 1}`;
    conditions.forEach(
      (row, i) =>
        (params[name(i)] = param(
          "number",
          cell(row, "value"),
          L(`Gate condition ${i + 1}: ${cellText(row, "path")}`, `门槛条件${i + 1}:${cellText(row, "path")}`),
        )),
    );
    const logic = {
      if: [
        join(
          "and",
          conditions.map((row, i) =>
            op(cellText(row, "op"), v(cellText(row, "path")), v(`params.${name(i)}`)),
          ),
        ),
        v(`out.${governed}`),
        0,
      ],
    };
    const amount = 81000;
    const input = (failing: number | undefined) => {
      const data: Record<string, unknown> = { [`out.${governed}`]: amount };
      conditions.forEach(
        (row, i) =>
          (data[cellText(row, "path")] = probe(cellText(row, "op"), cell(row, "value"), i !== failing)),
      );
      return data;
    };
    const passes = (failing: number | undefined) =>
      conditions.every((row, i) =>
        holds(
          cellText(row, "op"),
          probe(cellText(row, "op"), cell(row, "value"), i !== failing),
          cell(row, "value"),
        ),
      );
    const tests: RuleTest[] = [
      test(
        `every condition holds → ${fmt(amount)} passes`,
        params,
        input(undefined),
        passes(undefined) ? amount : 0,
      ),
    ];
    conditions.forEach((row, i) =>
      tests.push(test(`${cellText(row, "path")} fails → 0`, params, input(i), passes(i) ? amount : 0)),
    );
    const list = conditions.map(
      (r) => `${cellText(r, "path")} ${cellText(r, "op")} ${fmt(cell(r, "value"))}`,
    );
    return {
      rule: {
        description: L(
          `out.${governed} when ${list.join(" and ")}; otherwise 0.`,
          `${list.join(" 且 ")} 时为 out.${governed},否则为 0。`,
        ),
        output: cny,
        logic,
        tests,
      },
      params,
      population: [],
      requires: [governed],
    };
  },
};

// ---------------------------------------------------------------- payment-speed multiplier (I4)

export const paymentSpeed: RuleTemplate = {
  id: "payment-speed",
  catalogue: "I4",
  kind: "incentive",
  title: L("Payment-speed multiplier bands", "回款速度系数"),
  description: L(
    "A multiplier from the average days to pay, in bands (≤ 15 days → 1.0, ≤ 30 → 0.8, …), 0 when a gate rule failed.",
    "按平均回款天数分档的系数(≤15天 1.0,≤30天 0.8……),门槛规则未通过时为 0。",
  ),
  defaultId: "payment-speed-multiplier",
  defaultTitle: L("Payment-speed multiplier", "回款速度系数"),
  fields: [
    field(
      "days",
      "path",
      "ar.avg_days_to_pay",
      L("Days to pay", "回款天数"),
      L("The average number of days the distributor takes to pay.", "经销商平均付款天数。"),
    ),
    field(
      "gateRule",
      "path",
      "out.collection-gate",
      L("Gate (true/false)", "门槛(是/否)"),
      L(
        "A true/false value, usually another rule's output; when it is false the multiplier is 0 (leave empty for no gate).",
        "是/否值,通常为另一条规则的输出;为否时系数为 0(留空表示无门槛)。",
      ),
      { optional: true },
    ),
    field(
      "bands",
      "table",
      [
        { upTo: 15, multiplier: 1 },
        { upTo: 30, multiplier: 0.8 },
        { upTo: 45, multiplier: 0.5 },
      ],
      L("Bands", "档位"),
      L(
        "One row per band: paid within this many days (included) gives this multiplier. Days ascend.",
        "每行一个档位:在此天数内(含)付款,取此系数。天数递增。",
      ),
      {
        minRows: 1,
        maxRows: 10,
        columns: [
          column(
            "upTo",
            "days",
            L("Up to (days)", "不超过(天)"),
            L("The band's last day, included.", "本档最后一天(含)。"),
            { min: 0 },
          ),
          column(
            "multiplier",
            "ratio",
            L("Multiplier", "系数"),
            L("The multiplier for payments in this band (80 % = 0.8).", "本档付款的系数(80% 即 0.8)。"),
            { min: 0, max: 10 },
          ),
        ],
      },
    ),
    field(
      "late",
      "ratio",
      0,
      L("Multiplier beyond the last band", "超过最后一档的系数"),
      L("For payments slower than every band.", "付款慢于所有档位时的系数。"),
      { min: 0, max: 10 },
    ),
  ],
  check: (values) => checkAscending("bands", rows(values, "bands"), "upTo"),
  build(values, prefix) {
    const days = str(values, "days");
    const gateRule = str(values, "gateRule");
    const bands = rows(values, "bands");
    const late = num(values, "late");
    const params: Record<string, ParamSpec> = {};
    bands.forEach((band, k) => {
      params[`${prefix}_days_${k + 1}`] = param(
        "integer",
        cell(band, "upTo"),
        L(`Band ${k + 1}: up to (days)`, `第${k + 1}档:不超过(天)`),
        { min: 0, max: 3650, unit: "days" },
      );
      params[`${prefix}_mult_${k + 1}`] = ratio(
        cell(band, "multiplier"),
        L(`Band ${k + 1}: multiplier`, `第${k + 1}档系数`),
        10,
      );
    });
    params[`${prefix}_mult_late`] = ratio(
      late,
      L("Multiplier beyond the last band", "超过最后一档的系数"),
      10,
    );
    const cases: [unknown, unknown][] = bands.map((_, k) => [
      op("<=", v(days), v(`params.${prefix}_days_${k + 1}`)),
      v(`params.${prefix}_mult_${k + 1}`),
    ]);
    const logic = chain(
      [...(gateRule ? ([[{ "!": v(gateRule) }, 0]] as [unknown, unknown][]) : []), ...cases],
      v(`params.${prefix}_mult_late`),
    );
    const gateInput = (ok: boolean) => (gateRule ? { [gateRule]: ok } : {});
    const tests: RuleTest[] = bands.map((band, k) =>
      test(
        `${fmt(cell(band, "upTo"))} days (band ${k + 1}, included) → ${fmt(cell(band, "multiplier"))}`,
        params,
        { [days]: cell(band, "upTo"), ...gateInput(true) },
        cell(band, "multiplier"),
      ),
    );
    const slow = cell(bands[bands.length - 1] as TableRow, "upTo") + 10;
    tests.push(
      test(
        `${fmt(slow)} days, beyond every band → ${fmt(late)}`,
        params,
        { [days]: slow, ...gateInput(true) },
        late,
      ),
    );
    if (gateRule)
      tests.push(
        test(
          "gate failed → 0",
          params,
          { [days]: cell(bands[0] as TableRow, "upTo"), ...gateInput(false) },
          0,
        ),
      );
    const list = bands.map((b) => `≤ ${fmt(cell(b, "upTo"))} → ${fmt(cell(b, "multiplier"))}`).join(", ");
    return {
      rule: {
        description: L(
          `Multiplier by ${days}: ${list}, slower → ${fmt(late)}${gateRule ? `; 0 when ${gateRule} is false` : ""}.`,
          `按 ${days} 取系数:${list},更慢 → ${fmt(late)}${gateRule ? `;${gateRule} 为否时为 0` : ""}。`,
        ),
        output: { type: "number", unit: "ratio", decimals: 4, min: 0 },
        logic,
        tests,
      },
      params,
      population: [],
      requires: gateRule.startsWith("out.") ? [gateRule.slice(4)] : [],
    };
  },
};

// ---------------------------------------------------------------- SPIFF (I5)

export const spiff: RuleTemplate = {
  id: "spiff",
  catalogue: "I5",
  kind: "incentive",
  title: L("SPIFF per unit with a cap", "新品推广奖(按件计奖,封顶)"),
  description: L(
    "An amount per unit sold through, capped per distributor, paid only when the product reached enough outlets and there was no cross-territory selling.",
    "按动销件数计奖,每个经销商封顶;新品进店数达标且无窜货时才发放。",
  ),
  defaultId: "spiff-launch",
  defaultTitle: L("New-product launch reward", "新品推广奖"),
  fields: [
    field(
      "qty",
      "path",
      "sales.by_line.new_np01.window_sell_through_qty",
      L("Units", "件数"),
      L(
        "Units counted for the reward (sell-through, so stocking up earns nothing).",
        "计奖件数(按动销计,压货不计奖)。",
      ),
    ),
    field(
      "perUnit",
      "money",
      5,
      L("Amount per unit", "每件奖励"),
      L("CNY paid per unit.", "每件奖励金额(元)。"),
      { min: 0 },
    ),
    field(
      "cap",
      "money",
      20000,
      L("Cap per distributor", "每个经销商上限"),
      L("The reward never exceeds this amount.", "奖励不超过此金额。"),
      { min: 0 },
    ),
    field(
      "outlets",
      "path",
      "network.new_product_outlets",
      L("Outlets carrying the product", "新品进店数"),
      L(
        "The distribution gate's measure (leave empty for no distribution gate).",
        "铺货门槛的指标(留空表示无铺货门槛)。",
      ),
      { optional: true },
    ),
    field(
      "minOutlets",
      "integer",
      30,
      L("Minimum outlets", "最少进店数"),
      L("Below this many outlets the reward is 0.", "进店数低于此值时奖励为 0。"),
      { min: 0 },
    ),
    field(
      "violations",
      "path",
      "violations.cross_territory_count",
      L("Violations that void it", "取消奖励的违规"),
      L(
        "Any count above 0 makes the reward 0 (leave empty to ignore violations).",
        "该计数大于 0 时奖励为 0(留空则不考虑违规)。",
      ),
      { optional: true },
    ),
  ],
  build(values, prefix) {
    const qty = str(values, "qty");
    const outlets = str(values, "outlets");
    const violations = str(values, "violations");
    const per = num(values, "perUnit");
    const cap = num(values, "cap");
    const minOutlets = num(values, "minOutlets");
    const n = (s: string) => `${prefix}_${s}`;
    const params: Record<string, ParamSpec> = {
      [n("per_unit")]: money(per, L("Reward per unit", "每件奖励"), 10000),
      [n("cap")]: money(cap, L("Reward cap per distributor", "每个经销商奖励上限")),
      ...(outlets
        ? {
            [n("min_outlets")]: param("integer", minOutlets, L("Minimum outlets", "最少进店数"), {
              min: 0,
              max: Math.max(100000, minOutlets),
              unit: "outlets",
            }),
          }
        : {}),
    };
    const amount = op("min", op("*", v(`params.${n("per_unit")}`), v(qty)), v(`params.${n("cap")}`));
    const stops = [
      ...(outlets ? [op("<", v(outlets), v(`params.${n("min_outlets")}`))] : []),
      ...(violations ? [op(">", v(violations), 0)] : []),
    ];
    const logic = stops.length === 0 ? amount : { if: [join("or", stops), 0, amount] };
    const expected = (q: number) => money2(Math.min(per * q, cap));
    const input = (q: number, o = minOutlets + 15, x = 0) => ({
      [qty]: q,
      ...(outlets ? { [outlets]: o } : {}),
      ...(violations ? { [violations]: x } : {}),
    });
    const under = per > 0 ? Math.max(1, Math.floor(cap / per / 2)) : 100;
    const over = per > 0 ? Math.ceil((cap / per) * 1.5) + 1 : 1000;
    const tests: RuleTest[] = [
      test(`${fmt(under)} units → ${fmt(expected(under))}`, params, input(under), expected(under)),
      test(`${fmt(over)} units, capped → ${fmt(expected(over))}`, params, input(over), expected(over)),
    ];
    if (outlets && minOutlets > 0)
      tests.push(test(`only ${fmt(minOutlets - 1)} outlets → 0`, params, input(under, minOutlets - 1), 0));
    if (outlets)
      tests.push(
        test(`exactly ${fmt(minOutlets)} outlets pays`, params, input(under, minOutlets), expected(under)),
      );
    if (violations) tests.push(test("a violation → 0", params, input(under, minOutlets + 15, 1), 0));
    return {
      rule: {
        description: L(
          `${fmt(per)} CNY per unit of ${qty}, at most ${fmt(cap)} CNY${outlets ? `; 0 below ${fmt(minOutlets)} outlets` : ""}${violations ? `; 0 with any ${violations}` : ""}.`,
          `${qty} 每件 ${fmt(per)} 元,最多 ${fmt(cap)} 元${outlets ? `;进店数低于 ${fmt(minOutlets)} 时为 0` : ""}${violations ? `;有 ${violations} 时为 0` : ""}。`,
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
