import type { LocalizedText } from "../../base";
import { compile, type CompiledLogic, type CompileOptions } from "../jsonlogic";
import { jsonEqual } from "./json";
import type { RuleFile, RuleTest } from "./model";
import { evaluateRule } from "./prepare";

/** The outcome of one embedded test. */
export interface TestOutcome {
  rule: string;
  test: string;
  /** Pointer of the test inside its rule (`/tests/2`). */
  pointer: string;
  passed: boolean;
  /** Why it failed. */
  message?: LocalizedText;
  /** What the test expects (absent for `expectError` tests), for showing beside `actual`. */
  expected?: unknown;
  /** What the rule produced after the output checks; absent when it raised an error. */
  actual?: unknown;
  /** The error evaluation or the output checks ended with, when they did. */
  error?: LocalizedText;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 80 ? text.slice(0, 77) + "..." : text;
}

function matches(test: RuleTest, actual: unknown): boolean {
  if (typeof test.expect === "number" && typeof actual === "number" && test.tolerance !== undefined) {
    return Math.abs(actual - test.expect) <= test.tolerance;
  }
  return jsonEqual(actual, test.expect);
}

function runOne(rule: RuleFile, evaluate: CompiledLogic, test: RuleTest, pointer: string): TestOutcome {
  const base = { rule: rule.id, test: test.name, pointer };
  const { value, error } = evaluateRule({ rule, evaluate }, test.data);
  const compared = test.expectError === true ? {} : { expected: test.expect };
  const outcome = error ? { error: error.message } : { actual: value };
  if (test.expectError === true) {
    if (error) return { ...base, ...outcome, passed: true };
    return {
      ...base,
      ...outcome,
      passed: false,
      message: {
        en: `expected an error, got ${show(value)}`,
        "zh-CN": `预期出错，实际得到 ${show(value)}`,
      },
    };
  }
  if (error) {
    return {
      ...base,
      ...compared,
      ...outcome,
      passed: false,
      message: {
        en: `expected ${show(test.expect)}, got an error: ${error.message.en}`,
        "zh-CN": `预期 ${show(test.expect)}，实际出错：${error.message["zh-CN"] ?? error.message.en}`,
      },
    };
  }
  if (matches(test, value)) return { ...base, ...compared, ...outcome, passed: true };
  const within = test.tolerance === undefined ? "" : ` (tolerance ${test.tolerance})`;
  return {
    ...base,
    ...compared,
    ...outcome,
    passed: false,
    message: {
      en: `expected ${show(test.expect)}${within}, got ${show(value)}`,
      "zh-CN": `预期 ${show(test.expect)}${within}，实际得到 ${show(value)}`,
    },
  };
}

/**
 * Runs a rule's embedded tests (pack-format.md §2) with the compiled evaluator, the same one packs run
 * with. Each test's `data` is the whole context; the result is compared after the output checks.
 * Logic that cannot compile fails every test with the reason. In a browser tab under a CSP that
 * forbids eval, pass `{ codegen: false }` so the closure evaluator runs without attempting `new Function`.
 */
export function runRuleTests(rule: RuleFile, options: Pick<CompileOptions, "codegen"> = {}): TestOutcome[] {
  let evaluate: CompiledLogic;
  try {
    evaluate = compile(rule.logic, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = { en: `the logic cannot run: ${reason}`, "zh-CN": `逻辑无法运行：${reason}` };
    return rule.tests.map((test, i) => ({
      rule: rule.id,
      test: test.name,
      pointer: `/tests/${i}`,
      passed: false,
      message,
      error: message,
    }));
  }
  return rule.tests.map((test, i) => runOne(rule, evaluate, test, `/tests/${i}`));
}
