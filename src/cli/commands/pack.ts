import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { buildPack, packFileText, verifyPack, type JsonSchemaLike } from "../../engine";
import { CliError, readTextFile } from "../io/files";
import { printProblems, ruleLoaderFor } from "../io/target";
import { loadDatasetSchema } from "./eval";
import { printFailure } from "./test";

/**
 * `crw pack build`: validates, lints, tests, orders and signs; writes nothing on any error. Lint
 * warnings are printed and do not refuse the build.
 */
export async function packBuildCommand(
  manifestPath: string,
  options: { output?: string; createdAt?: string; schema?: string },
) {
  const manifest = await readTextFile(manifestPath);
  const createdAt = options.createdAt ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(createdAt)))
    throw new CliError(`--created-at ${createdAt}: not an ISO timestamp.`);
  const datasetSchema = (await loadDatasetSchema(options.schema)) as JsonSchemaLike | undefined;
  const result = await buildPack(manifest, ruleLoaderFor(resolve(manifestPath)), {
    createdAt: new Date(createdAt).toISOString(),
    ...(datasetSchema === undefined ? {} : { datasetSchema }),
  });
  printProblems(result.problems);
  result.tests.filter((t) => !t.passed).forEach(printFailure);
  const passed = result.tests.filter((t) => t.passed).length;
  if (!result.pack) {
    process.stderr.write(
      `crw pack build: refused; ${passed} test(s) passed, fix the errors above and build again.\n`,
    );
    return result.problems.some((p) => p.code === "json/syntax") ? 2 : 1;
  }
  const output =
    options.output ?? manifestPath.replace(/\.manifest\.json$/, "") + `-${result.pack.version}.pack.json`;
  await writeFile(output, packFileText(result.pack));
  process.stderr.write(
    `crw pack build: wrote ${output} (${result.pack.name} ${result.pack.version}, ${result.pack.rules.length} rules, ` +
      `${result.pack.population.length} population operators, ${passed} tests passed, ${result.pack.integrity})\n`,
  );
  return 0;
}

/** `crw pack verify`: schema, integrity and every embedded test. */
export async function packVerifyCommand(packPath: string): Promise<number> {
  const result = await verifyPack(await readTextFile(packPath));
  printProblems(result.problems);
  result.tests.filter((t) => !t.passed).forEach(printFailure);
  const failed = result.tests.filter((t) => !t.passed).length;
  const errors = result.problems.filter((p) => p.severity === "error").length;
  if (errors > 0 || failed > 0) {
    process.stderr.write(
      `crw pack verify: FAILED (${result.integrityOk ? "integrity ok" : "integrity mismatch"}, ${errors} error(s), ${failed} failed test(s))\n`,
    );
    return result.problems.some((p) => p.code === "json/syntax") ? 2 : 1;
  }
  process.stderr.write(`crw pack verify: ok (integrity ok, ${result.tests.length} tests passed)\n`);
  return 0;
}
