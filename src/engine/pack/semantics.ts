import type { Problem } from "../problem";
import type { Manifest, Pack, ParamSpec, PopulationOp, RuleFile } from "./model";
import { problemAt, type SourceRef } from "./located";
import { checkValueType } from "./outputCheck";

// Checks a JSON Schema cannot express (or expresses only with unreadable messages), run after the
// schema passed so every field has its declared type here.

/** Checks of one rule file; `prefix` is the rule's pointer inside a pack ("" for a rule file). */
export function checkRuleSemantics(rule: RuleFile, source: SourceRef | undefined, prefix: string): Problem[] {
  const problems: Problem[] = [];
  const { output } = rule;
  if (output.enum !== undefined && output.type !== "string") {
    problems.push(
      problemAt(source, "rule/enum-type", `${prefix}/output/enum`, {
        en: `"enum" applies to string outputs only; set "type": "string" or remove "enum".`,
        "zh-CN": `"enum" 仅适用于字符串输出；请设置 "type": "string" 或删除 "enum"。`,
      }),
    );
  }
  if (output.decimals !== undefined && output.type !== "number") {
    problems.push(
      problemAt(source, "rule/decimals-type", `${prefix}/output/decimals`, {
        en: `"decimals" applies to number outputs only; remove it or set "type": "number".`,
        "zh-CN": `"decimals" 仅适用于数字输出；请删除或设置 "type": "number"。`,
      }),
    );
  }
  if (output.min !== undefined && output.max !== undefined && output.min > output.max) {
    problems.push(
      problemAt(source, "rule/min-max", `${prefix}/output/min`, {
        en: `"min" (${output.min}) is greater than "max" (${output.max}).`,
        "zh-CN": `"min"（${output.min}）大于 "max"（${output.max}）。`,
      }),
    );
  }
  rule.tests.forEach((test, i) => {
    const expectsError = test.expectError === true;
    if (expectsError === "expect" in test) {
      problems.push(
        problemAt(source, "rule/test-expect", `${prefix}/tests/${i}`, {
          en: `Test "${test.name}" must give either "expect" or "expectError": true, not ${expectsError ? "both" : "neither"}.`,
          "zh-CN": `测试 "${test.name}" 必须提供 "expect" 或 "expectError": true 二者之一。`,
        }),
      );
    }
  });
  return problems;
}

function checkParam(name: string, spec: ParamSpec, source: SourceRef | undefined): Problem[] {
  const pointer = `/params/${name}/default`;
  const typed = checkValueType(spec.default, spec.type);
  if (!typed) {
    return [
      problemAt(source, "param/default-type", pointer, {
        en: `The default of parameter "${name}" must be a ${spec.type}.`,
        "zh-CN": `参数 "${name}" 的默认值必须是 ${spec.type}。`,
      }),
    ];
  }
  const range = paramRangeProblem(spec, spec.default);
  return range ? [problemAt(source, "param/default-range", pointer, range)] : [];
}

/** Why `value` is outside the bounds or enum of a parameter, or undefined when it is inside. */
export function paramRangeProblem(
  spec: ParamSpec,
  value: unknown,
): { en: string; "zh-CN": string } | undefined {
  if (typeof value === "number") {
    if (spec.min !== undefined && value < spec.min) {
      return {
        en: `${value} is below the minimum ${spec.min}.`,
        "zh-CN": `${value} 小于最小值 ${spec.min}。`,
      };
    }
    if (spec.max !== undefined && value > spec.max) {
      return {
        en: `${value} is above the maximum ${spec.max}.`,
        "zh-CN": `${value} 大于最大值 ${spec.max}。`,
      };
    }
  }
  if (spec.enum !== undefined && !spec.enum.includes(value as string | number)) {
    const allowed = spec.enum.map((v) => JSON.stringify(v)).join(", ");
    return {
      en: `${JSON.stringify(value)} is not one of ${allowed}.`,
      "zh-CN": `${JSON.stringify(value)} 不在 ${allowed} 之中。`,
    };
  }
  return undefined;
}

function checkPopulation(ops: PopulationOp[], source: SourceRef | undefined): Problem[] {
  const problems: Problem[] = [];
  ops.forEach((op, i) => {
    if (op.op !== "cumulative_share_class") return;
    if (op.labels.length !== op.breaks.length + 1) {
      problems.push(
        problemAt(source, "population/labels", `/population/${i}/labels`, {
          en: `Operator "${op.id}" has ${op.breaks.length} breaks and so needs ${op.breaks.length + 1} labels, not ${op.labels.length}.`,
          "zh-CN": `运算 "${op.id}" 有 ${op.breaks.length} 个分界点，需要 ${op.breaks.length + 1} 个标签，而不是 ${op.labels.length} 个。`,
        }),
      );
    }
    if (op.breaks.some((b, j) => j > 0 && b <= op.breaks[j - 1]!)) {
      problems.push(
        problemAt(source, "population/breaks", `/population/${i}/breaks`, {
          en: `The breaks of operator "${op.id}" must be strictly ascending.`,
          "zh-CN": `运算 "${op.id}" 的分界点必须严格递增。`,
        }),
      );
    }
  });
  return problems;
}

/** Checks of a manifest beyond its schema. Graph checks (cycles, producers) run at build time. */
export function checkManifestSemantics(manifest: Manifest, source: SourceRef | undefined): Problem[] {
  const problems = Object.entries(manifest.params).flatMap(([name, spec]) => checkParam(name, spec, source));
  problems.push(...checkPopulation(manifest.population, source));
  manifest.rules.forEach((path, i) => {
    if (manifest.rules.indexOf(path) !== i) {
      problems.push(
        problemAt(source, "manifest/duplicate-rule", `/rules/${i}`, {
          en: `"${path}" is listed twice; remove one.`,
          "zh-CN": `"${path}" 被列出两次，请删除一个。`,
        }),
      );
    }
  });
  return problems;
}

/** Checks of a built pack beyond its schema: every rule, parameter and operator, and the order. */
export function checkPackSemantics(pack: Pack, source: SourceRef | undefined): Problem[] {
  const problems = Object.entries(pack.params).flatMap(([name, spec]) => checkParam(name, spec, source));
  problems.push(...checkPopulation(pack.population, source));
  pack.rules.forEach((rule, i) => problems.push(...checkRuleSemantics(rule, source, `/rules/${i}`)));
  const ids = [...pack.population.map((op) => op.id), ...pack.rules.map((rule) => rule.id)];
  const sameMembers = ids.length === pack.order.length && ids.every((id) => pack.order.includes(id));
  if (!sameMembers) {
    problems.push(
      problemAt(source, "pack/order", "/order", {
        en: `"order" must list every population operator and rule id exactly once; rebuild the pack.`,
        "zh-CN": `"order" 必须恰好列出每个总体运算和规则的 id 一次；请重新构建规则包。`,
      }),
    );
  }
  return problems;
}
