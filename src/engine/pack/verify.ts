import type { Problem } from "../problem";
import type { FileTestOutcome } from "./build";
import { declaredGuardrails, guardrailProblems } from "./guardrails";
import { checkIntegrity } from "./integrity";
import { problemAt } from "./located";
import { loadPack, type LoadedFile } from "./load";
import type { Pack } from "./model";
import { preparePack, type PreparedPack } from "./prepare";
import { runRuleTests } from "./ruleTests";

export interface VerifyResult {
  pack?: Pack;
  prepared?: PreparedPack;
  integrityOk: boolean;
  problems: Problem[];
  tests: FileTestOutcome[];
}

/**
 * `crw pack verify` (pack-format.md §4, §8): schema, integrity over the document exactly as read
 * (before any migration), the stored order against a fresh plan, and every embedded test.
 */
export async function verifyPack(
  file: LoadedFile,
  options: { runTests?: boolean; codegen?: boolean } = {},
): Promise<VerifyResult> {
  // Under a CSP without 'unsafe-eval' (the browser), `codegen: false` compiles to closures instead.
  const compileOptions = options.codegen === undefined ? {} : { codegen: options.codegen };
  const loaded = loadPack(file);
  if (!loaded.pack || !loaded.raw) return { integrityOk: false, problems: loaded.problems, tests: [] };
  const { pack, raw } = loaded;
  const problems: Problem[] = [];
  const integrity = await checkIntegrity(raw);
  if (!integrity.ok) {
    problems.push(
      problemAt(file, "pack/integrity-mismatch", "/integrity", {
        en: `Integrity mismatch: the pack's content changed after it was built (recorded ${String(integrity.expected)}, content hashes to ${integrity.actual}); do not use this file, rebuild it from its manifest.`,
        "zh-CN": `完整性校验失败：规则包内容在构建后被修改（记录值 ${String(integrity.expected)}，实际为 ${integrity.actual}）；请勿使用此文件，请从清单重新构建。`,
      }),
    );
  }
  const prepared = preparePack(pack, loaded.locate, compileOptions);
  problems.push(...prepared.problems);
  for (const p of guardrailProblems(declaredGuardrails(pack), pack))
    problems.push(problemAt(file, p.code, p.pointer, p.message));
  if (prepared.pack) {
    const planned = prepared.pack.steps.map((s) => s.node.id);
    if (planned.join("\u0000") !== pack.order.join("\u0000")) {
      problems.push(
        problemAt(file, "pack/order-mismatch", "/order", {
          en: `"order" is ${pack.order.join(", ")} but the dependencies give ${planned.join(", ")}; rebuild the pack.`,
          "zh-CN": `"order" 为 ${pack.order.join(", ")}，但依赖关系给出 ${planned.join(", ")}；请重新构建规则包。`,
        }),
      );
    }
  }
  const tests =
    options.runTests === false
      ? []
      : pack.rules.flatMap((rule, i) =>
          runRuleTests(rule, compileOptions).map((t) => ({
            ...t,
            pointer: `/rules/${i}${t.pointer}`,
            file: file.file,
            text: file.text,
          })),
        );
  return {
    pack,
    ...(prepared.pack ? { prepared: prepared.pack } : {}),
    integrityOk: integrity.ok,
    problems,
    tests,
  };
}
