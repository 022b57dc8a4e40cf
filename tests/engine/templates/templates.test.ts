import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildPack,
  checkTemplateValues,
  defaultValues,
  explain,
  instantiateTemplate,
  isLogic,
  lintRule,
  normalizeRuleFile,
  operandPointer,
  operandsOf,
  operatorOf,
  planManifestChanges,
  ruleTemplates,
  ruleText,
  runRuleTests,
  templateFields,
  type ExplainNode,
  type JsonSchemaLike,
  type Manifest,
  type RuleTemplate,
  type TemplateOutput,
  type TemplateValues,
} from "../../../src/engine";

const ROOT = resolve(__dirname, "../../..");
const schema = JSON.parse(
  readFileSync(join(ROOT, "samples/distributor.schema.json"), "utf8"),
) as JsonSchemaLike;
const MANIFEST = "rules/manifests/dealer-program-1.0.0.manifest.json";

function generate(template: RuleTemplate, values: TemplateValues): TemplateOutput {
  const result = instantiateTemplate(template, values);
  if (!result.ok)
    throw new Error(JSON.stringify(result.errors.map((e) => [e.field, e.row, e.column, e.message.en])));
  return result.value;
}

/** Pointers of every `if` branch (then-values and the else) in the logic. */
function ifBranches(logic: unknown, pointer = ""): string[] {
  if (Array.isArray(logic)) return logic.flatMap((item, i) => ifBranches(item, `${pointer}/${i}`));
  if (!isLogic(logic)) return [];
  const op = operatorOf(logic);
  const args = operandsOf(logic, op);
  const own =
    op === "if"
      ? args.flatMap((_, i) => (i % 2 === 1 || i === args.length - 1 ? [`${pointer}/if/${i}`] : []))
      : [];
  const inner = args.flatMap((arg, i) => ifBranches(arg, operandPointer(logic, op, pointer, i)));
  return [...own, ...inner];
}

function evaluatedPointers(node: ExplainNode, into = new Set<string>()): Set<string> {
  if (node.evaluated) into.add(node.pointer);
  for (const arg of node.args) evaluatedPointers(arg, into);
  return into;
}

/** Checks what a template promises: a valid rule whose tests pass, cover every branch and lint clean. */
function expectSound(output: TemplateOutput) {
  const { rule, params } = output;
  const normalized = normalizeRuleFile(JSON.parse(ruleText(rule)));
  expect(normalized.ok, JSON.stringify(normalized)).toBe(true);
  const failures = runRuleTests(rule).filter((t) => !t.passed);
  expect(failures.map((f) => `${f.test}: ${f.message?.en}`)).toStrictEqual([]);
  const lint = lintRule(rule, { file: `${rule.id}.rule.json`, text: ruleText(rule) }, "", {
    datasetSchema: schema,
    params,
  });
  expect(lint.map((p) => `${p.severity} ${p.code} ${p.pointer} ${p.message.en}`)).toStrictEqual([]);
  // Every branch of every `if` is taken by at least one starter test.
  const taken = new Set<string>();
  for (const t of rule.tests) for (const p of evaluatedPointers(explain(rule.logic, t.data))) taken.add(p);
  const missed = ifBranches(rule.logic).filter((p) => !taken.has(p));
  expect(missed).toStrictEqual([]);
  // Every parameter the logic reads is declared, and every declared one is read.
  const reads = new Set([...JSON.stringify(rule.logic).matchAll(/"params\.([a-z0-9_]+)"/g)].map((m) => m[1]));
  expect([...reads].sort()).toStrictEqual(Object.keys(params).sort());
}

describe("rule templates", () => {
  it("cover every scheme of the catalogue, each field explained in English and Chinese", () => {
    expect(ruleTemplates.map((t) => t.id)).toStrictEqual([
      "tiered-rebate",
      "growth-bonus",
      "gate",
      "payment-speed",
      "spiff",
      "mdf-accrual",
      "attitude-ability-matrix",
      "kpi-scorecard",
      "violation-actions",
      "loyalty-points",
      "tier-qualification",
      "abc-policy",
    ]);
    for (const t of ruleTemplates) {
      expect(t.title["zh-CN"]).toBeTruthy();
      for (const f of templateFields(t)) {
        expect(
          f.label.en && f.label["zh-CN"] && f.help.en && f.help["zh-CN"],
          `${t.id}.${f.key}`,
        ).toBeTruthy();
        for (const c of f.columns ?? [])
          expect(c.label["zh-CN"] && c.help["zh-CN"], `${t.id}.${f.key}.${c.key}`).toBeTruthy();
        for (const c of f.choices ?? []) expect(c.label["zh-CN"]).toBeTruthy();
      }
    }
  });

  it.each(ruleTemplates.map((t) => [t.id, t] as const))(
    "%s with its defaults passes its tests and the lint",
    (_, t) => {
      expect(checkTemplateValues(t, defaultValues(t))).toStrictEqual([]);
      expectSound(generate(t, defaultValues(t)));
    },
  );

  const variations: [string, (v: TemplateValues) => TemplateValues][] = [
    ["tiered-rebate", (v) => ({ ...v, mode: "marginal" })],
    ["tiered-rebate", (v) => ({ ...v, gateField: "", bands: [{ floor: 0, rate: 0.01 }] })],
    [
      "tiered-rebate",
      (v) => ({
        ...v,
        mode: "marginal",
        bands: [
          { floor: 0, rate: 0.005 },
          { floor: 2000000, rate: 0.012 },
        ],
      }),
    ],
    ["growth-bonus", (v) => ({ ...v, hasPrior: "", minPrior: 0, capAmount: 1000000 })],
    ["gate", (v) => ({ ...v, conditions: [{ path: "ar.late_payment_events_12m", op: "===", value: 0 }] })],
    [
      "gate",
      (v) => ({
        ...v,
        conditions: [
          { path: "ar.avg_days_to_pay", op: "<", value: 60 },
          { path: "sales.attainment_ytd", op: ">", value: 0.95 },
          { path: "violations.points_12m", op: "!==", value: 3 },
        ],
      }),
    ],
    ["payment-speed", (v) => ({ ...v, gateRule: "", late: 0.2 })],
    ["spiff", (v) => ({ ...v, outlets: "", violations: "" })],
    ["mdf-accrual", (v) => ({ ...v, collection: "", otherRate: 0.005, otherCap: 5000 })],
    ["attitude-ability-matrix", (v) => ({ ...v, attitudeThreshold: 70, abilityThreshold: 50 })],
    [
      "kpi-scorecard",
      (v) => ({
        ...v,
        kpis: [
          { path: "ar.avg_days_to_pay", weight: 0.5, floor: 60, target: 15 },
          { path: "sales.attainment_ytd", weight: 0.5, floor: 0.5, target: 1.2 },
        ],
      }),
    ],
    [
      "violation-actions",
      (v) => ({
        ...v,
        immediate: "",
        counts: [...(v["counts"] as object[]), { path: "ar.late_payment_events_12m", points: 1 }],
      }),
    ],
    ["loyalty-points", (v) => ({ ...v, focus: "", forfeit: "", multipliers: [] })],
    [
      "tier-qualification",
      (v) => ({
        ...v,
        softUsed: "",
        tiers: [
          { tier: "basic", threshold: 0 },
          { tier: "premium", threshold: 500000 },
        ],
      }),
    ],
    ["abc-policy", (v) => ({ ...v, partition: "profile.sales_region", breakA: 0.7, shareA: 0.5 })],
  ];
  it.each(variations.map(([id, change], i) => [`${id} #${i}`, id, change] as const))(
    "variation %s passes its tests and the lint",
    (_, id, change) => {
      const t = ruleTemplates.find((x) => x.id === id)!;
      expectSound(generate(t, change(defaultValues(t))));
    },
  );

  it("names every bad value by field, row and column", () => {
    const t = ruleTemplates[0]!;
    const values = {
      ...defaultValues(t),
      id: "Bad Id",
      gate: "x",
      bands: [
        { floor: 0, rate: 0.01 },
        { floor: 0, rate: 0.02 },
        { floor: 5, rate: -1 },
      ],
    };
    const errors = checkTemplateValues(t, values).map((e) => [e.field, e.row, e.column]);
    expect(errors).toStrictEqual([
      ["id", undefined, undefined],
      ["gate", undefined, undefined],
      ["bands", 2, "rate"],
    ]);
    // The scheme's own checks run once the values are well typed.
    const unordered = {
      ...defaultValues(t),
      bands: [
        { floor: 0, rate: 0.01 },
        { floor: 0, rate: 0.02 },
      ],
    };
    expect(checkTemplateValues(t, unordered).map((e) => [e.field, e.row, e.column])).toStrictEqual([
      ["bands", 1, "floor"],
    ]);
    expect(instantiateTemplate(t, unordered).ok).toBe(false);
  });

  it("the tiered rebate's starter tests reproduce the catalogue's D-0017 figures", () => {
    const t = ruleTemplates[0]!;
    const retro = generate(t, defaultValues(t)).rule;
    const marginal = generate(t, { ...defaultValues(t), mode: "marginal" }).rule;
    const at = (rule: typeof retro, x: number) => {
      const test = {
        ...rule.tests[0]!,
        data: { ...rule.tests[0]!.data, sales: { rebate_base_ytd: x, attainment_ytd: 1.08 } },
        expect: undefined,
      };
      return runRuleTests({ ...rule, tests: [test] })[0]!.actual;
    };
    expect(at(retro, 5400000)).toBe(81000);
    expect(at(marginal, 5400000)).toBe(61000);
    expect(at(retro, 2990000)).toBe(29900);
    expect(at(marginal, 3000000)).toBe(25000);
  });
});

describe("manifest changes", () => {
  const manifestText = readFileSync(join(ROOT, MANIFEST), "utf8");
  const manifest = JSON.parse(manifestText) as Manifest;

  /** Builds the dealer program with the generated rule added through the planned changes. */
  async function buildWith(output: TemplateOutput) {
    const rulePath = `../${output.rule.kind}/${output.rule.id}.rule.json`;
    const plan = planManifestChanges(manifest, output, rulePath);
    if (!plan.ok) throw new Error(plan.conflicts.map((c) => c.en).join("; "));
    const changed = structuredClone(manifest) as unknown as Record<string, unknown>;
    for (const change of plan.changes) {
      let at = changed as Record<string | number, unknown>;
      for (const key of change.path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      const last = change.path[change.path.length - 1]!;
      if (change.type === "set") at[last] = change.value;
      else (at[last] as unknown[]).splice(change.length, 0, change.value);
    }
    const generated = { file: join(ROOT, "rules/manifests", rulePath), text: ruleText(output.rule) };
    const result = await buildPack(
      { file: join(ROOT, MANIFEST), text: JSON.stringify(changed, null, 2) },
      (path) => {
        const text = (file: string) => Promise.resolve({ file, text: readFileSync(file, "utf8") });
        const file = resolve(dirname(join(ROOT, MANIFEST)), path);
        return file === generated.file ? Promise.resolve(generated) : text(file);
      },
      { createdAt: "2026-12-03T00:00:00.000Z", datasetSchema: schema },
    );
    return { result, generated };
  }

  it.each(ruleTemplates.map((t) => [t.id, t] as const))(
    "%s joins the dealer program: the pack builds, the new rule has no problem",
    async (_, t) => {
      const { result, generated } = await buildWith(generate(t, defaultValues(t)));
      const own = result.problems.filter((p) => p.file === generated.file || p.severity === "error");
      expect(own.map((p) => `${p.severity} ${p.code} ${p.message.en}`)).toStrictEqual([]);
      expect(result.tests.filter((x) => !x.passed)).toStrictEqual([]);
      expect(result.pack?.order).toContain(t.defaultId);
    },
  );

  it("leaves a parameter declared the same way alone and refuses one declared differently", () => {
    const t = ruleTemplates[0]!;
    const output = generate(t, defaultValues(t));
    const same = { ...manifest, params: { ...manifest.params, ...output.params } };
    const plan = planManifestChanges(same, output, "../incentive/tiered-rebate.rule.json");
    expect(plan.ok && plan.changes.map((c) => c.path.join("/"))).toStrictEqual(["rules"]);
    const name = Object.keys(output.params)[0]!;
    const other = {
      ...manifest,
      params: { ...manifest.params, [name]: { type: "number" as const, default: 7 } },
    };
    const refused = planManifestChanges(other, output, "x");
    expect(refused.ok).toBe(false);
  });
});
