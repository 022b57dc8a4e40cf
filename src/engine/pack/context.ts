import type { LocalizedText } from "../../base";
import { err, ok, type Result } from "../../base";
import type { ParamSpec } from "./model";
import { RESERVED_KEYS } from "./model";
import { checkValueType } from "./outputCheck";
import { paramRangeProblem } from "./semantics";

/** Run-wide context every record sees as `ctx` (pack-format.md §3). */
export interface RunContext {
  /** ISO date (YYYY-MM-DD) the evaluation is as of. */
  as_of: string;
  /** Month of `as_of`, 1–12, because JsonLogic has no date functions. */
  eval_month: number;
  [key: string]: unknown;
}

/** Builds `ctx` from an ISO date, refusing anything that is not a real calendar date. */
export function makeRunContext(asOf: string): Result<RunContext, LocalizedText> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const date = match ? new Date(`${asOf}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== asOf) {
    return err({
      en: `"${asOf}" is not a date in the form YYYY-MM-DD.`,
      "zh-CN": `"${asOf}" 不是 YYYY-MM-DD 格式的日期。`,
    });
  }
  return ok({ as_of: asOf, eval_month: Number(match[2]) });
}

/**
 * The `params` object of a run: each parameter's default, replaced by the run's override when one
 * is given. Unknown names and values of the wrong type or outside the bounds are refused.
 */
export function resolveParams(
  specs: Record<string, ParamSpec>,
  overrides: Record<string, unknown> = {},
): Result<Record<string, unknown>, LocalizedText[]> {
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) params[name] = spec.default;
  const errors: LocalizedText[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const known = Object.keys(specs).join(", ") || "none";
      errors.push({
        en: `Unknown parameter "${name}" (known: ${known}).`,
        "zh-CN": `未知参数 "${name}"（已知参数：${known}）。`,
      });
      continue;
    }
    if (!checkValueType(value, spec.type)) {
      errors.push({
        en: `Parameter "${name}" must be a ${spec.type}.`,
        "zh-CN": `参数 "${name}" 必须是 ${spec.type}。`,
      });
      continue;
    }
    const range = paramRangeProblem(spec, value);
    if (range) {
      errors.push({ en: `Parameter "${name}": ${range.en}`, "zh-CN": `参数 "${name}"：${range["zh-CN"]}` });
      continue;
    }
    params[name] = value;
  }
  return errors.length > 0 ? err(errors) : ok(params);
}

/** Converts a command-line or form text to a parameter value of the declared type. */
export function parseParamText(spec: ParamSpec, text: string): unknown {
  switch (spec.type) {
    case "number":
    case "integer": {
      const trimmed = text.trim();
      return trimmed === "" ? text : Number(trimmed);
    }
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "string":
      return text;
  }
}

/** Why a dataset record cannot be evaluated: not an object, or a reserved top-level key. */
export function recordProblem(record: unknown, index: number): LocalizedText | undefined {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    const which = describeRecord(record, index);
    return {
      en: `${which} is not a JSON object.`,
      "zh-CN": `${which.replace("record", "记录")} 不是 JSON 对象。`,
    };
  }
  for (const key of RESERVED_KEYS) {
    if (Object.prototype.hasOwnProperty.call(record, key)) {
      const which = describeRecord(record, index);
      return {
        en: `${which} has the top-level field "${key}", which is reserved for the evaluation context (params, ctx, pop, out); rename or nest that field in the dataset.`,
        "zh-CN": `记录 ${index + 1}${idSuffix(record)} 含有顶层字段 "${key}"，该名称为求值上下文保留（params、ctx、pop、out）；请在数据集中重命名或嵌套该字段。`,
      };
    }
  }
  return undefined;
}

function idSuffix(record: unknown): string {
  const id =
    typeof record === "object" && record !== null ? (record as Record<string, unknown>).id : undefined;
  return id === undefined ? "" : ` (id ${JSON.stringify(id)})`;
}

function describeRecord(record: unknown, index: number): string {
  return `record ${index + 1}${idSuffix(record)}`;
}
