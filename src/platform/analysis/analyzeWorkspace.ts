import type { LocalizedText } from "../../base";
import {
  buildPack,
  lintRule,
  loadRuleFile,
  locatePointer,
  runRuleTests,
  type JsonSchemaLike,
  type LoadedFile,
  type Problem,
  type RuleFile,
  type RuleLoader,
} from "../../engine";
import { resolvePath } from "../documents/paths";

/** A rule or manifest as analysis reads it: its id, file and text. */
export interface SourceDocument extends LoadedFile {
  id: string;
}

/** One test of a rule, with what it expected and what the rule did, located in the rule's text. */
export interface TestResult {
  name: string;
  /** `/tests/<i>` in the rule file. */
  pointer: string;
  line?: number;
  column?: number;
  passed: boolean;
  expected?: unknown;
  expectError?: boolean;
  tolerance?: number;
  actual?: unknown;
  error?: LocalizedText;
  message?: LocalizedText;
}

/** The test run of one rule: every test's result, or the problems that kept the rule from loading. */
export interface RuleTestReport {
  ruleId: string;
  file: string;
  results: TestResult[];
  /** Set when the text could not be read as a rule, so no test ran. */
  problems?: Problem[];
}

export interface WorkspaceAnalysisInput {
  rules: SourceDocument[];
  manifests: SourceDocument[];
  /** JSON Schema of one record of the active dataset: `var` paths it lacks are warned about. */
  datasetSchema?: unknown;
  /** Timestamp the trial builds are made with (they are never kept). */
  at: string;
}

/** Every problem of the stored rules and manifests (pack checks and lint) and every rule's tests. */
export interface WorkspaceAnalysis {
  problems: Problem[];
  tests: RuleTestReport[];
}

/**
 * Analysis compiles rules to closures, never to generated code: it runs in a browser worker under a
 * CSP without 'unsafe-eval', where `new Function` would be refused (and reported as a violation).
 * Test data are a handful of records, so the faster generated code would gain nothing here.
 */
const compileOptions = { codegen: false } as const;

function located(rule: RuleFile, source: LoadedFile): TestResult[] {
  return runRuleTests(rule, compileOptions).map((outcome, i) => {
    const test = rule.tests[i]!;
    const where = locatePointer(source.text, outcome.pointer);
    const result: TestResult = { name: outcome.test, pointer: outcome.pointer, passed: outcome.passed };
    if (where) Object.assign(result, where);
    if (test.expectError === true) result.expectError = true;
    else result.expected = test.expect;
    if (test.tolerance !== undefined) result.tolerance = test.tolerance;
    if (outcome.error) result.error = outcome.error;
    else result.actual = outcome.actual;
    if (outcome.message) result.message = outcome.message;
    return result;
  });
}

/** Runs the tests of one rule text, as an editor holds it (unsaved edits included). */
export function runTestsOfText(source: LoadedFile): RuleTestReport {
  const { rule, problems } = loadRuleFile(source);
  if (!rule) {
    const id = /"id"\s*:\s*"([^"]*)"/.exec(source.text)?.[1] ?? "";
    return { ruleId: id, file: source.file, results: [], problems };
  }
  return { ruleId: rule.id, file: source.file, results: located(rule, source) };
}

const problemKey = (p: Problem) => [p.file, p.code, p.pointer, p.line, p.column, p.message.en].join("\u0000");

/**
 * Analyses the stored workspace as `crw pack build` would: every manifest is built against the
 * stored rules (pack checks, lint with the pack's parameters, tests), rules in no manifest are
 * linted alone, and every rule's tests are run. Problems found twice (a rule in two packs) are
 * reported once.
 */
export async function analyzeWorkspace(input: WorkspaceAnalysisInput): Promise<WorkspaceAnalysis> {
  const datasetSchema = input.datasetSchema as JsonSchemaLike | undefined;
  const options = datasetSchema === undefined ? {} : { datasetSchema };
  const problems: Problem[] = [];
  const byFile = new Map(input.rules.map((r) => [r.file, r] as const));
  const included = new Set<string>();
  for (const manifest of input.manifests) {
    const loader: RuleLoader = (path) => {
      const rule = byFile.get(resolvePath(manifest.file, path));
      if (rule) included.add(rule.file);
      return Promise.resolve(rule ?? { error: "no rule of the workspace is stored at that path" });
    };
    const built = await buildPack(manifest, loader, { createdAt: input.at, ...compileOptions, ...options });
    problems.push(...built.problems);
  }
  const tests: RuleTestReport[] = [];
  for (const source of input.rules) {
    const { rule, problems: loadProblems } = loadRuleFile(source);
    if (!rule) {
      problems.push(...loadProblems);
      tests.push({ ruleId: source.id, file: source.file, results: [], problems: loadProblems });
      continue;
    }
    if (!included.has(source.file)) problems.push(...lintRule(rule, source, "", options));
    tests.push({ ruleId: rule.id, file: source.file, results: located(rule, source) });
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = problemKey(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { problems: unique, tests };
}
