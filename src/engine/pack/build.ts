import type { Problem } from "../problem";
import { computeIntegrity } from "./integrity";
import { lintRule, type RuleLintOptions } from "./lint";
import { problemAt } from "./located";
import { loadManifest, type LoadedFile, type RuleLoader } from "./load";
import { PACK_FORMAT_VERSION, REFERENCE_ENGINE, type Pack, type RuleFile } from "./model";
import { preparePack } from "./prepare";
import { runRuleTests, type TestOutcome } from "./ruleTests";

/** A test outcome with the file the test is in. */
export interface FileTestOutcome extends TestOutcome {
  file: string;
  /** The file's text, so callers can turn the pointer into a line and column. */
  text?: string;
}

export interface BuildResult {
  /** Present only when the build succeeded: no error and every test passed. */
  pack?: Pack;
  problems: Problem[];
  tests: FileTestOutcome[];
}

/** Embedded rules drop `$schema`: a path relative to the rule file means nothing inside a pack. */
function embed(rule: RuleFile): RuleFile {
  const { $schema: _schema, ...rest } = rule;
  return rest;
}

/**
 * `crw pack build` (pack-format.md §4): validates the manifest and every rule, plans the order, runs
 * every embedded test, lints every rule (§7), and assembles the self-contained pack with its integrity.
 * Refuses (no `pack`) on any error or failing test; warnings (most lint findings) are returned and do
 * not block.
 */
export async function buildPack(
  manifestFile: LoadedFile,
  loadRule: RuleLoader,
  options: { createdAt: string; codegen?: boolean } & RuleLintOptions,
): Promise<BuildResult> {
  const loaded = await loadManifest(manifestFile, loadRule);
  if (!loaded.content || !loaded.manifest) return { problems: loaded.problems, tests: [] };
  const { manifest, content } = loaded;
  // Under a CSP without 'unsafe-eval' (the browser), `codegen: false` compiles to closures instead.
  const compileOptions = options.codegen === undefined ? {} : { codegen: options.codegen };
  const prepared = preparePack(content, loaded.locate, compileOptions);
  const lintOptions = {
    ...options,
    params: content.params,
    population: content.population,
    rules: content.rules,
  };
  const lint = content.rules.flatMap((rule, i) => lintRule(rule, loaded.ruleSources[i], "", lintOptions));
  const problems = [...loaded.problems, ...prepared.problems, ...lint];
  const tests: FileTestOutcome[] = content.rules.flatMap((rule, i) =>
    runRuleTests(rule, compileOptions).map((t) => ({
      ...t,
      file: loaded.ruleSources[i]!.file,
      text: loaded.ruleSources[i]!.text,
    })),
  );
  const failed = tests.filter((t) => !t.passed).length;
  if (failed > 0) {
    problems.push(
      problemAt(manifestFile, "pack/tests-failed", "", {
        en: `${failed} rule test(s) failed; the pack is not built until every test passes.`,
        "zh-CN": `${failed} 个规则测试失败；所有测试通过后才会构建规则包。`,
      }),
    );
  }
  if (!prepared.pack || problems.some((p) => p.severity === "error")) return { problems, tests };
  const extensions = Object.fromEntries(Object.entries(manifest).filter(([key]) => key.startsWith("x-")));
  const unsigned: Omit<Pack, "integrity"> = {
    format: "channel-rule-pack",
    formatVersion: PACK_FORMAT_VERSION,
    name: manifest.name,
    version: manifest.version,
    title: manifest.title,
    ...(manifest.description === undefined ? {} : { description: manifest.description }),
    createdAt: options.createdAt,
    engine: { ...REFERENCE_ENGINE },
    params: content.params,
    population: content.population,
    rules: content.rules.map(embed),
    order: prepared.pack.steps.map((s) => s.node.id),
    changelog: manifest.changelog,
    ...extensions,
  };
  const integrity = await computeIntegrity(unsigned);
  return { pack: { ...unsigned, integrity }, problems, tests };
}
