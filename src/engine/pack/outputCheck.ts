import type { LocalizedText } from "../../base";
import { roundHalfAwayFromZero } from "./decimal";
import type { OutputSpec, ValueType } from "./model";

/** Why one record's value failed its rule's output checks; kept per record, never fatal. */
export interface OutputError {
  code: string;
  message: LocalizedText;
}

export type OutputCheckResult = { ok: true; value: unknown } | { ok: false; error: OutputError };

/** Whether `value` has type `type` in the pack format's sense (finite numbers, whole integers). */
export function checkValueType(value: unknown, type: ValueType): boolean {
  switch (type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
  }
}

function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

/** A value that failed the output checks, as returned by {@link checkedValue}. */
export class OutputFailure {
  constructor(readonly error: OutputError) {}
}

function failure(code: string, en: string, zh: string): OutputFailure {
  return new OutputFailure({ code, message: { en, "zh-CN": zh } });
}

/**
 * Applies a rule's output contract to an evaluated value (pack-format.md §2): type, finiteness,
 * rounding of `decimals`, `enum`, then `min`/`max` on the rounded value. Never coerces: "12" is not
 * a number here even though JsonLogic would happily compare it with one.
 */
export function checkOutput(value: unknown, spec: OutputSpec): OutputCheckResult {
  const checked = checkedValue(value, spec);
  return checked instanceof OutputFailure
    ? { ok: false, error: checked.error }
    : { ok: true, value: checked };
}

/**
 * {@link checkOutput} without a result object: the checked value, or an {@link OutputFailure}. The
 * pipeline calls this once per rule and record, so the passing path allocates nothing.
 */
export function checkedValue(value: unknown, spec: OutputSpec): unknown {
  if (!checkValueType(value, spec.type)) {
    if (
      typeof value === "number" &&
      (spec.type === "number" || spec.type === "integer") &&
      !Number.isFinite(value)
    ) {
      return failure(
        "output/not-finite",
        `The result is ${show(value)}, not a finite number; guard divisions and nulls in the logic.`,
        `结果为 ${show(value)}，不是有限数字；请在逻辑中处理除零和空值。`,
      );
    }
    if (spec.type === "integer" && typeof value === "number") {
      return failure(
        "output/not-integer",
        `The result ${show(value)} is not a whole number.`,
        `结果 ${show(value)} 不是整数。`,
      );
    }
    return failure(
      "output/type",
      `The result ${show(value)} is not a ${spec.type}.`,
      `结果 ${show(value)} 不是 ${spec.type} 类型。`,
    );
  }
  let checked = value;
  if (spec.type === "number" && spec.decimals !== undefined) {
    checked = roundHalfAwayFromZero(value as number, spec.decimals);
  }
  if (spec.enum !== undefined && !spec.enum.includes(checked as string)) {
    return failure(
      "output/enum",
      `The result ${show(checked)} is not one of ${spec.enum.map(show).join(", ")}.`,
      `结果 ${show(checked)} 不在 ${spec.enum.map(show).join("、")} 之中。`,
    );
  }
  if (typeof checked === "number") {
    if (spec.min !== undefined && checked < spec.min) {
      return failure(
        "output/min",
        `The result ${checked} is below the minimum ${spec.min}.`,
        `结果 ${checked} 小于最小值 ${spec.min}。`,
      );
    }
    if (spec.max !== undefined && checked > spec.max) {
      return failure(
        "output/max",
        `The result ${checked} is above the maximum ${spec.max}.`,
        `结果 ${checked} 大于最大值 ${spec.max}。`,
      );
    }
  }
  return checked;
}
