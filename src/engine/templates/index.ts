// Rule templates: one short form per scheme of the rule catalogue (domain §5), each producing a rule
// file (levers as `params`, starter tests whose expectations come from the template's own statement
// of the scheme) and the manifest changes it needs (parameter declarations, population operators).
import type { LocalizedText } from "../../base";
import type { Manifest, RuleFile } from "../pack";
import { jsonEqual } from "../pack";
import { growthBonus, tieredRebate } from "./rebates";
import { gate, paymentSpeed, spiff } from "./gates";
import { abcPolicy, mdfAccrual } from "./mdf";
import { matrix, scorecard, violations } from "./classification";
import { points, tierQualification } from "./loyalty";
import type {
  FieldError,
  RuleTemplate,
  TableColumn,
  TemplateField,
  TemplateOutput,
  TemplateValues,
} from "./model";
import { L, field } from "./support";

export type {
  FieldChoice,
  FieldError,
  FieldKind,
  RuleTemplate,
  ScalarFieldKind,
  TableColumn,
  TableRow,
  TemplateField,
  TemplateOutput,
  TemplateValues,
} from "./model";

/** Every template, in the order of the catalogue. */
export const ruleTemplates: readonly RuleTemplate[] = [
  tieredRebate,
  growthBonus,
  gate,
  paymentSpeed,
  spiff,
  mdfAccrual,
  matrix,
  scorecard,
  violations,
  points,
  tierQualification,
  abcPolicy,
];

export const findTemplate = (id: string) => ruleTemplates.find((t) => t.id === id);

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PATH = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

/** The fields every template asks first: the rule's id and its title in both languages. */
export function templateFields(template: RuleTemplate): TemplateField[] {
  return [
    field(
      "id",
      "id",
      template.defaultId,
      L("Rule id", "规则编号"),
      L(
        "Lower-case words joined by hyphens (tiered-rebate); other rules read the result as out.<id>. Also names the rule's parameters.",
        "由连字符连接的小写单词(如 tiered-rebate);其他规则以 out.<编号> 读取结果。参数名也由它生成。",
      ),
    ),
    field(
      "titleEn",
      "text",
      template.defaultTitle.en,
      L("Title (English)", "标题(英文)"),
      L("Shown in the Explorer and in reports.", "显示在资源管理器和报告中。"),
    ),
    field(
      "titleZh",
      "text",
      template.defaultTitle["zh-CN"] ?? template.defaultTitle.en,
      L("Title (Chinese)", "标题(中文)"),
      L("Shown in the Explorer and in reports.", "显示在资源管理器和报告中。"),
    ),
    ...template.fields,
  ];
}

/** The form's starting values: every field's default (tables copied row by row). */
export function defaultValues(template: RuleTemplate): TemplateValues {
  const values: TemplateValues = {};
  for (const f of templateFields(template)) {
    values[f.key] = Array.isArray(f.default) ? (f.default as object[]).map((row) => ({ ...row })) : f.default;
  }
  return values;
}

/** The parameter prefix of a rule id: `tiered-rebate` → `tiered_rebate`. */
export const paramPrefix = (id: string) => id.replace(/-/g, "_");

type Spec = Pick<TemplateField, "kind" | "min" | "max" | "choices" | "optional">;

function checkValue(spec: Spec, value: unknown): LocalizedText | undefined {
  switch (spec.kind) {
    case "id":
      return typeof value === "string" && RULE_ID.test(value)
        ? undefined
        : L(
            "Use lower-case letters and digits, words joined by single hyphens (tiered-rebate).",
            "请使用小写字母和数字,单词之间用一个连字符连接(如 tiered-rebate)。",
          );
    case "text":
      return typeof value === "string" && (value.trim() !== "" || spec.optional)
        ? undefined
        : L("Required.", "必填。");
    case "path":
      if (value === "" && spec.optional) return undefined;
      return typeof value === "string" && PATH.test(value)
        ? undefined
        : L("A dotted field path such as sales.net_ytd.", "请填写以点分隔的字段路径,如 sales.net_ytd。");
    case "choice":
      return spec.choices?.some((c) => c.value === value)
        ? undefined
        : L("Pick one of the choices.", "请从选项中选择。");
    case "boolean":
      return typeof value === "boolean" ? undefined : L("Yes or no.", "请选择是或否。");
    case "table":
      return undefined;
    default: {
      if (typeof value !== "number" || !Number.isFinite(value))
        return L("A number is required.", "请填写数字。");
      if ((spec.kind === "integer" || spec.kind === "days") && !Number.isInteger(value))
        return L("A whole number is required.", "请填写整数。");
      if (spec.min !== undefined && value < spec.min)
        return L(`At least ${spec.min}.`, `不小于 ${spec.min}。`);
      if (spec.max !== undefined && value > spec.max)
        return L(`At most ${spec.max}.`, `不大于 ${spec.max}。`);
      if ((spec.kind === "money" || spec.kind === "days") && value < 0)
        return L("Cannot be negative.", "不能为负数。");
      return undefined;
    }
  }
}

/** Every problem with the values, each named by field (and row and column for table cells). */
export function checkTemplateValues(template: RuleTemplate, values: TemplateValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of templateFields(template)) {
    const value = values[f.key];
    if (f.kind !== "table") {
      const message = checkValue(f, value);
      if (message) errors.push({ field: f.key, message });
      continue;
    }
    if (!Array.isArray(value)) {
      errors.push({ field: f.key, message: L("A table is required.", "需要表格。") });
      continue;
    }
    if (f.minRows !== undefined && value.length < f.minRows)
      errors.push({ field: f.key, message: L(`At least ${f.minRows} row(s).`, `至少 ${f.minRows} 行。`) });
    if (f.maxRows !== undefined && value.length > f.maxRows)
      errors.push({ field: f.key, message: L(`At most ${f.maxRows} rows.`, `最多 ${f.maxRows} 行。`) });
    value.forEach((row: unknown, i) => {
      for (const c of f.columns ?? ([] as TableColumn[])) {
        const message = checkValue(c, (row as Record<string, unknown> | null)?.[c.key]);
        if (message) errors.push({ field: f.key, row: i, column: c.key, message });
      }
    });
  }
  // The scheme's own checks assume well-typed values.
  if (errors.length === 0 && template.check) errors.push(...template.check(values));
  return errors;
}

export type InstantiateResult = { ok: true; value: TemplateOutput } | { ok: false; errors: FieldError[] };

/** Builds the rule file and the manifest changes from the form's values, or says what is wrong. */
export function instantiateTemplate(template: RuleTemplate, values: TemplateValues): InstantiateResult {
  const errors = checkTemplateValues(template, values);
  if (errors.length > 0) return { ok: false, errors };
  const id = values["id"] as string;
  const built = template.build(values, paramPrefix(id));
  const { description, output, logic, tests } = built.rule;
  const rule: RuleFile = {
    id,
    kind: template.kind,
    version: "0.1.0",
    title: { en: (values["titleEn"] as string).trim(), "zh-CN": (values["titleZh"] as string).trim() },
    ...(description ? { description } : {}),
    "x-catalogue": template.catalogue,
    "x-template": template.id,
    output,
    logic,
    tests,
  };
  return { ok: true, value: { ...built, rule } };
}

/** The text of a generated rule file, as the shipped library formats it. */
export const ruleText = (rule: RuleFile) => JSON.stringify(rule, null, 2) + "\n";

/** One change to a manifest: set a member, or append to an array member. */
export type ManifestChange =
  | { type: "set"; path: (string | number)[]; value: unknown }
  | { type: "append"; path: (string | number)[]; length: number; value: unknown };

export type ManifestPlan =
  { ok: true; changes: ManifestChange[] } | { ok: false; conflicts: LocalizedText[] };

/**
 * What a manifest needs to run a generated rule: its parameters declared (a name declared already with
 * the same declaration is left alone; with a different one it is a conflict), its population operators
 * added, and the rule's path in `rules`. Rules it reads through `out.` are not added: the caller names them.
 */
export function planManifestChanges(
  manifest: Manifest,
  output: TemplateOutput,
  rulePath: string,
): ManifestPlan {
  const changes: ManifestChange[] = [];
  const conflicts: LocalizedText[] = [];
  for (const [name, spec] of Object.entries(output.params)) {
    const existing = manifest.params[name];
    if (existing === undefined) changes.push({ type: "set", path: ["params", name], value: spec });
    else if (!jsonEqual(existing, spec))
      conflicts.push(
        L(
          `The manifest declares the parameter "${name}" differently; choose another rule id.`,
          `清单中已有不同声明的参数 "${name}";请换一个规则编号。`,
        ),
      );
  }
  let length = manifest.population.length;
  for (const op of output.population) {
    const existing = manifest.population.find((p) => p.id === op.id || p.out === op.out);
    if (existing === undefined)
      changes.push({ type: "append", path: ["population"], length: length++, value: op });
    else if (!jsonEqual(existing, op))
      conflicts.push(
        L(
          `The manifest has a different population operator "${existing.id}" writing ${existing.out}; choose another rule id.`,
          `清单中已有不同的总体运算 "${existing.id}"(写入 ${existing.out});请换一个规则编号。`,
        ),
      );
  }
  if (!manifest.rules.includes(rulePath))
    changes.push({ type: "append", path: ["rules"], length: manifest.rules.length, value: rulePath });
  return conflicts.length > 0 ? { ok: false, conflicts } : { ok: true, changes };
}
