import type { Locale } from "../../../base";
import { keyRange, parseLenient, propertyOf } from "./jsonTree";
import { word } from "./strings";
import type { LanguageCodeLens } from "./types";

/** The last run of a rule's embedded tests, as the CodeLens shows it. */
export interface TestRunSummary {
  passed: number;
  failed: number;
}

/** The command the "Run tests" CodeLens runs (registered by the Tests part). */
export const RUN_TESTS_COMMAND = "rules.runTests";

function resultTitle(summary: TestRunSummary | undefined, locale: Locale): string {
  if (!summary) return word("notRun", locale);
  const passed = locale === "zh-CN" ? `${summary.passed} 个通过` : `${summary.passed} passed`;
  if (summary.failed === 0) return `✓ ${passed}`;
  const failed = locale === "zh-CN" ? `${summary.failed} 个失败` : `${summary.failed} failed`;
  return `✗ ${failed}, ${passed}`;
}

/**
 * The CodeLens above the `tests` member of a rule file: "Run tests", which runs
 * {@link RUN_TESTS_COMMAND} with the document's URI, and the last result ("12 passed", "1 failed").
 * No lens when the file has no `tests` member.
 */
export function testsCodeLens(
  text: string,
  uri: string,
  summary: TestRunSummary | undefined,
  locale: Locale,
): LanguageCodeLens[] {
  const tests = propertyOf(parseLenient(text), "tests");
  const range = tests && keyRange(tests);
  if (!range) return [];
  const command = { id: RUN_TESTS_COMMAND, args: [uri] };
  return [
    { range, title: `▶ ${word("runTests", locale)}`, command },
    { range, title: resultTitle(summary, locale), command },
  ];
}
