import type { Problem } from "../../problem";
import { parseJsonWithPosition } from "../../source/jsonPosition";
import { lintLogic, type LintOptions } from "./lintLogic";
import { messages } from "./messages";

const outputTypes = new Set(["number", "integer", "boolean", "string"]);

/**
 * Validates the text of a rule file or of a bare logic expression, as an editor holds it: a syntax
 * error is reported with its position; otherwise, for an object with a `logic` member (a rule file)
 * its logic is linted at `/logic` with the rule's declared `output.type`, and any other value is
 * linted as logic itself. The rule file's own schema is checked by the pack validator, which calls
 * {@link lintLogic} the same way.
 */
export function validateRuleText(text: string, options: Omit<LintOptions, "sourceText"> = {}): Problem[] {
  const parsed = parseJsonWithPosition(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    const problem: Problem = {
      code: "json/syntax",
      severity: "error",
      message: messages.syntax(message),
      pointer: "",
      line,
      column,
    };
    if (options.file !== undefined) problem.file = options.file;
    return [problem];
  }
  const value = parsed.value;
  if (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.prototype.hasOwnProperty.call(value, "logic")
  ) {
    const rule = value as { logic: unknown; output?: { type?: unknown } };
    const declared = rule.output?.type;
    const outputType =
      options.outputType ??
      (typeof declared === "string" && outputTypes.has(declared)
        ? (declared as LintOptions["outputType"])
        : undefined);
    return lintLogic(rule.logic, { ...options, outputType, pointerPrefix: "/logic", sourceText: text });
  }
  return lintLogic(value, { ...options, sourceText: text });
}
