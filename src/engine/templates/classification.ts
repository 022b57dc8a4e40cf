// Templates for the classification, elimination and loyalty schemes (domain §5.2, §5.3).
import { roundHalfAwayFromZero, type ParamSpec, type RuleTest } from "../pack";
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
  str,
  test,
  v,
} from "./support";

const score = (value: number, title: ReturnType<typeof L>): ParamSpec =>
  param("number", value, title, { min: 0, max: Math.max(100, value), unit: "score" });

function distinctLabels(fieldKey: string, labels: { key: string; value: string }[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const { key, value } of labels) {
    if (seen.has(value))
      errors.push({ field: key, message: L(`"${value}" is used twice.`, `"${value}" 重复使用。`) });
    seen.add(value);
  }
  void fieldKey;
  return errors;
}

// ---------------------------------------------------------------- attitude × ability (E1)

export const matrix: RuleTemplate = {
  id: "attitude-ability-matrix",
  catalogue: "E1",
  kind: "elimination",
  title: L("Attitude × ability matrix", "态度 × 能力矩阵"),
  description: L(
    "Places each distributor in one of four segments by two scores and their thresholds: keep, must train, must transform, eliminate.",
    "按两项得分及其门槛把经销商分入四类:保留、必须培训、必须改造、淘汰。",
  ),
  defaultId: "segment-matrix",
  defaultTitle: L("Attitude × ability segment", "态度 × 能力分类"),
  fields: [
    field(
      "attitude",
      "path",
      "out.attitude-score",
      L("Attitude score", "态度得分"),
      L("A 0–100 score, usually another rule's output.", "0–100 分,通常为另一条规则的输出。"),
    ),
    field(
      "attitudeThreshold",
      "number",
      60,
      L("Attitude threshold", "态度门槛"),
      L("At or above it, attitude counts as good.", "不低于此值视为态度好。"),
      { min: 0, max: 100 },
    ),
    field(
      "ability",
      "path",
      "out.ability-score",
      L("Ability score", "能力得分"),
      L("A 0–100 score, usually another rule's output.", "0–100 分,通常为另一条规则的输出。"),
    ),
    field(
      "abilityThreshold",
      "number",
      60,
      L("Ability threshold", "能力门槛"),
      L("At or above it, ability counts as good.", "不低于此值视为能力强。"),
      { min: 0, max: 100 },
    ),
    field(
      "keep",
      "text",
      "keep",
      L("Good attitude, good ability", "态度好、能力强"),
      L("The segment's value in the output.", "该类在输出中的取值。"),
    ),
    field(
      "train",
      "text",
      "must_train",
      L("Good attitude, weak ability", "态度好、能力弱"),
      L("The segment's value in the output (train them).", "该类在输出中的取值(需培训)。"),
    ),
    field(
      "transform",
      "text",
      "must_transform",
      L("Weak attitude, good ability", "态度差、能力强"),
      L("The segment's value in the output (transform them).", "该类在输出中的取值(需改造)。"),
    ),
    field(
      "eliminate",
      "text",
      "eliminate",
      L("Weak attitude, weak ability", "态度差、能力弱"),
      L("The segment's value in the output (eliminate them).", "该类在输出中的取值(淘汰)。"),
    ),
  ],
  check: (values) =>
    distinctLabels(
      "segments",
      ["keep", "train", "transform", "eliminate"].map((key) => ({ key, value: str(values, key) })),
    ),
  build(values, prefix) {
    const [att, abil] = [str(values, "attitude"), str(values, "ability")];
    const [ta, tb] = [num(values, "attitudeThreshold"), num(values, "abilityThreshold")];
    const [keep, train, transform, eliminate] = ["keep", "train", "transform", "eliminate"].map((k) =>
      str(values, k),
    ) as [string, string, string, string];
    const params: Record<string, ParamSpec> = {
      [`${prefix}_attitude_threshold`]: score(ta, L("Attitude threshold", "态度门槛")),
      [`${prefix}_ability_threshold`]: score(tb, L("Ability threshold", "能力门槛")),
    };
    const goodAbility = op(">=", v(abil), v(`params.${prefix}_ability_threshold`));
    const logic = {
      if: [
        op(">=", v(att), v(`params.${prefix}_attitude_threshold`)),
        { if: [goodAbility, keep, train] },
        { if: [goodAbility, transform, eliminate] },
      ],
    };
    const seg = (a: number, b: number) =>
      a >= ta ? (b >= tb ? keep : train) : b >= tb ? transform : eliminate;
    const cases: [number, number][] = [
      [ta + 10, tb + 10],
      [ta + 10, Math.max(0, tb - 10)],
      [Math.max(0, ta - 10), tb + 10],
      [Math.max(0, ta - 10), Math.max(0, tb - 10)],
      [ta, tb],
    ];
    const tests: RuleTest[] = cases.map(([a, b]) =>
      test(
        `attitude ${fmt(a)}, ability ${fmt(b)} → ${seg(a, b)}`,
        params,
        { [att]: a, [abil]: b },
        seg(a, b),
      ),
    );
    return {
      rule: {
        description: L(
          `${keep} when ${att} ≥ ${fmt(ta)} and ${abil} ≥ ${fmt(tb)}; ${train} when only attitude is good; ${transform} when only ability is good; otherwise ${eliminate}.`,
          `${att} ≥ ${fmt(ta)} 且 ${abil} ≥ ${fmt(tb)} 为 ${keep};仅态度好为 ${train};仅能力强为 ${transform};否则为 ${eliminate}。`,
        ),
        output: { type: "string", enum: [keep, train, transform, eliminate] },
        logic,
        tests,
      },
      params,
      population: [],
      requires: [att, abil].filter((p) => p.startsWith("out.")).map((p) => p.slice(4)),
    };
  },
};

// ---------------------------------------------------------------- weighted KPI scorecard (E5)

export const scorecard: RuleTemplate = {
  id: "kpi-scorecard",
  catalogue: "E5",
  kind: "elimination",
  title: L("Weighted KPI scorecard", "加权综合评分卡"),
  description: L(
    "Scores each KPI from 0 at its floor to 100 at its target (clipped), and adds them up by weight into a 0–100 score.",
    "每项指标在下限处为 0 分、达到目标为 100 分(超出截断),按权重加总为 0–100 分。",
  ),
  defaultId: "kpi-scorecard",
  defaultTitle: L("KPI scorecard", "综合评分"),
  fields: [
    field(
      "kpis",
      "table",
      [
        { path: "sales.growth_yoy", weight: 0.25, floor: -0.1, target: 0.15 },
        { path: "sales.market_share", weight: 0.15, floor: 0.05, target: 0.2 },
        { path: "survey.end_customer_csat", weight: 0.15, floor: 3, target: 4.5 },
        { path: "network.downstream_mgmt_score", weight: 0.15, floor: 40, target: 90 },
        { path: "survey.downstream_satisfaction", weight: 0.1, floor: 50, target: 85 },
        { path: "ar.collection_rate", weight: 0.2, floor: 0.8, target: 0.98 },
      ],
      L("KPIs", "指标"),
      L(
        "One row per KPI: the field, its weight (weights add up to 100 %), the value scoring 0 and the value scoring 100. A target below the floor means lower is better.",
        "每行一项指标:字段、权重(权重合计 100%)、得 0 分的值和得 100 分的值。目标低于下限表示越低越好。",
      ),
      {
        minRows: 1,
        maxRows: 20,
        columns: [
          column("path", "path", L("Field", "字段"), L("The KPI's field.", "指标字段。")),
          column(
            "weight",
            "ratio",
            L("Weight", "权重"),
            L(
              "Its share of the total score (25 % = 0.25); a parameter of the pack.",
              "在总分中的占比(25% 即 0.25);规则包参数。",
            ),
            { min: 0, max: 1 },
          ),
          column(
            "floor",
            "number",
            L("Scores 0 at", "0 分值"),
            L("At or beyond this value the KPI scores 0.", "达到或差于此值该项得 0 分。"),
          ),
          column(
            "target",
            "number",
            L("Scores 100 at", "100 分值"),
            L("At or beyond this value the KPI scores 100.", "达到或优于此值该项得 100 分。"),
          ),
        ],
      },
    ),
  ],
  check(values) {
    const errors: FieldError[] = [];
    const kpis = rows(values, "kpis");
    kpis.forEach((row, i) => {
      if (cell(row, "target") === cell(row, "floor"))
        errors.push({
          field: "kpis",
          row: i,
          column: "target",
          message: L(
            "The 100-point value must differ from the 0-point value.",
            "100 分值必须不同于 0 分值。",
          ),
        });
    });
    const total = kpis.reduce((sum, row) => sum + cell(row, "weight"), 0);
    if (Math.abs(total - 1) > 1e-9)
      errors.push({
        field: "kpis",
        column: "weight",
        message: L(
          `The weights add up to ${pct(total)}; they must add up to 100 %.`,
          `权重合计为 ${pct(total)},必须为 100%。`,
        ),
      });
    return errors;
  },
  build(values, prefix) {
    const kpis = rows(values, "kpis");
    const params: Record<string, ParamSpec> = {};
    kpis.forEach(
      (row, i) =>
        (params[`${prefix}_w_${i + 1}`] = ratio(
          cell(row, "weight"),
          L(`Weight of ${cellText(row, "path")}`, `${cellText(row, "path")} 的权重`),
        )),
    );
    const span = (row: TableRow) => cell(row, "target") - cell(row, "floor");
    const logic = join(
      "+",
      kpis.map((row, i) =>
        op(
          "*",
          v(`params.${prefix}_w_${i + 1}`),
          op(
            "min",
            op(
              "max",
              op("/", op("*", 100, op("-", v(cellText(row, "path")), cell(row, "floor"))), span(row)),
              0,
            ),
            100,
          ),
        ),
      ),
    );
    const expected = (xs: number[]) =>
      roundHalfAwayFromZero(
        kpis.reduce(
          (sum, row, i) =>
            sum +
            cell(row, "weight") *
              Math.min(Math.max((100 * ((xs[i] as number) - cell(row, "floor"))) / span(row), 0), 100),
          0,
        ),
        1,
      );
    const at = (f: (row: TableRow) => number) => kpis.map(f);
    const inputs = (xs: number[]) => Object.fromEntries(kpis.map((row, i) => [cellText(row, "path"), xs[i]]));
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    const samples: [string, number[]][] = [
      ["every KPI at its target", at((r) => cell(r, "target"))],
      ["every KPI at its floor", at((r) => cell(r, "floor"))],
      ["every KPI halfway", at((r) => round((cell(r, "floor") + cell(r, "target")) / 2))],
      ["beyond the targets (clipped at 100)", at((r) => round(cell(r, "target") + span(r)))],
      ["short of the floors (clipped at 0)", at((r) => round(cell(r, "floor") - span(r)))],
    ];
    const tests = samples.map(([name, xs]) =>
      test(`${name} → ${fmt(expected(xs))}`, params, inputs(xs), expected(xs)),
    );
    const list = kpis.map(
      (r) =>
        `${cellText(r, "path")} ${pct(cell(r, "weight"))} (0 at ${fmt(cell(r, "floor"))}, 100 at ${fmt(cell(r, "target"))})`,
    );
    return {
      rule: {
        description: L(
          `Σ weight × clip(100 × (x − floor) / (target − floor), 0, 100) over ${list.join("; ")}.`,
          `对以下指标求 Σ 权重 × clip(100 × (x − 下限) / (目标 − 下限), 0, 100):${list.join(";")}。`,
        ),
        output: { type: "number", unit: "score", decimals: 1, min: 0 },
        logic,
        tests,
      },
      params,
      population: [],
      requires: [],
    };
  },
};

// ---------------------------------------------------------------- violation points → actions (E3)

export const violations: RuleTemplate = {
  id: "violation-actions",
  catalogue: "E3",
  kind: "elimination",
  title: L("Violation points to actions", "违规积分与处理"),
  description: L(
    "Counts points per confirmed violation and maps the total to an action: none, warning, forfeit all rebates, terminate; some violations terminate at once.",
    "按已确认的违规累计积分并对应处理:无、警告、取消全部返利、终止合作;部分违规直接终止。",
  ),
  defaultId: "violation-response",
  defaultTitle: L("Violation action", "违规处理"),
  fields: [
    field(
      "counts",
      "table",
      [
        { path: "violations.cross_territory_count", points: 3 },
        { path: "violations.dumping_count", points: 3 },
        { path: "violations.below_floor_price_count", points: 2 },
        { path: "violations.unauthorized_transfer_count", points: 2 },
      ],
      L("Points per violation", "每次违规积分"),
      L(
        "One row per kind of violation: the field counting confirmed cases and the points per case.",
        "每行一类违规:记录已确认次数的字段和每次的积分。",
      ),
      {
        minRows: 1,
        maxRows: 12,
        columns: [
          column(
            "path",
            "path",
            L("Count field", "次数字段"),
            L("The number of confirmed cases.", "已确认的违规次数。"),
          ),
          column(
            "points",
            "integer",
            L("Points per case", "每次积分"),
            L("Points each case adds (a parameter of the pack).", "每次违规增加的积分(规则包参数)。"),
            { min: 0 },
          ),
        ],
      },
    ),
    field(
      "immediate",
      "path",
      "violations.counterfeit_count",
      L("Terminates at once", "直接终止的违规"),
      L("Any case of this terminates (leave empty for none).", "出现一次即终止合作(留空表示无)。"),
      { optional: true },
    ),
    field(
      "warning",
      "integer",
      1,
      L("Warning from", "警告起点"),
      L("Points at which a warning is given.", "给予警告的积分。"),
      { min: 1 },
    ),
    field(
      "forfeit",
      "integer",
      3,
      L("Forfeit rebates from", "取消返利起点"),
      L("Points at which all rebates of the period are forfeited.", "取消本期全部返利的积分。"),
      { min: 1 },
    ),
    field(
      "terminate",
      "integer",
      6,
      L("Terminate from", "终止合作起点"),
      L("Points at which the contract is terminated.", "终止合作的积分。"),
      { min: 1 },
    ),
  ],
  check(values) {
    const [w, f, t] = [num(values, "warning"), num(values, "forfeit"), num(values, "terminate")];
    const errors: FieldError[] = [];
    if (!(f > w))
      errors.push({
        field: "forfeit",
        message: L("Must be above the warning points.", "必须大于警告积分。"),
      });
    if (!(t > f))
      errors.push({
        field: "terminate",
        message: L("Must be above the forfeit points.", "必须大于取消返利积分。"),
      });
    return errors;
  },
  build(values, prefix) {
    const counts = rows(values, "counts");
    const immediate = str(values, "immediate");
    const th = {
      warning: num(values, "warning"),
      forfeit: num(values, "forfeit"),
      terminate: num(values, "terminate"),
    };
    const params: Record<string, ParamSpec> = {};
    counts.forEach(
      (row, i) =>
        (params[`${prefix}_points_${i + 1}`] = param(
          "integer",
          cell(row, "points"),
          L(`Points per case: ${cellText(row, "path")}`, `每次积分:${cellText(row, "path")}`),
          { min: 0, max: Math.max(100, cell(row, "points")), unit: "points" },
        )),
    );
    for (const [k, value] of Object.entries(th)) {
      params[`${prefix}_${k}_points`] = param(
        "integer",
        value,
        L(
          `Points for ${k === "forfeit" ? "forfeiting rebates" : k}`,
          { warning: "警告积分", forfeit: "取消返利积分", terminate: "终止合作积分" }[k] as string,
        ),
        { min: 1, max: Math.max(1000, value), unit: "points" },
      );
    }
    const points = join(
      "+",
      counts.map((row, i) => op("*", v(`params.${prefix}_points_${i + 1}`), v(cellText(row, "path")))),
    );
    const at = (k: string) => op(">=", points, v(`params.${prefix}_${k}_points`));
    const logic = chain(
      [
        [immediate ? op("or", op(">", v(immediate), 0), at("terminate")) : at("terminate"), "terminate"],
        [at("forfeit"), "forfeit_rebates"],
        [at("warning"), "warning"],
      ],
      "none",
    );
    const action = (total: number, cf = 0) =>
      cf > 0 || total >= th.terminate
        ? "terminate"
        : total >= th.forfeit
          ? "forfeit_rebates"
          : total >= th.warning
            ? "warning"
            : "none";
    const zero = Object.fromEntries(counts.map((r) => [cellText(r, "path"), 0]));
    const base = { ...zero, ...(immediate ? { [immediate]: 0 } : {}) };
    const tests: RuleTest[] = [test("no violations → none", params, base, "none")];
    for (const [label, goal] of [
      ["warning", "warning"],
      ["forfeit", "forfeit_rebates"],
      ["terminate", "terminate"],
    ] as const) {
      const threshold = th[label];
      for (const row of counts) {
        const pts = cell(row, "points");
        if (pts <= 0) continue;
        const n = Math.ceil(threshold / pts);
        if (action(n * pts) !== goal) continue;
        tests.push(
          test(
            `${n} × ${cellText(row, "path")} = ${n * pts} points → ${goal}`,
            params,
            { ...base, [cellText(row, "path")]: n },
            goal,
          ),
        );
        break;
      }
    }
    if (immediate)
      tests.push(test(`one ${immediate} → terminate`, params, { ...base, [immediate]: 1 }, "terminate"));
    const list = counts.map((r) => `${cell(r, "points")} × ${cellText(r, "path")}`).join(" + ");
    return {
      rule: {
        description: L(
          `points = ${list}; terminate at ${th.terminate}${immediate ? ` or with any ${immediate}` : ""}, forfeit rebates at ${th.forfeit}, warning at ${th.warning}, else none.`,
          `积分 = ${list};达到 ${th.terminate} 分${immediate ? `或有 ${immediate} ` : ""}终止合作,达到 ${th.forfeit} 分取消返利,达到 ${th.warning} 分警告,否则无。`,
        ),
        output: { type: "string", enum: ["none", "warning", "forfeit_rebates", "terminate"] },
        logic,
        tests,
      },
      params,
      population: [],
      requires: [],
    };
  },
};
