import { locatePointer, verifyPack, type Problem } from "../engine";
import { RuntimeError } from "./errors";
import { LoadedPack } from "./pack";
import type { LoadOptions, RuntimePack, RuntimeProblem } from "./types";

function located(name: string, problem: Problem): RuntimeProblem {
  const where = `${problem.file ?? name}:${problem.line ?? 1}:${problem.column ?? 1}`;
  return { code: problem.code, message: problem.message.en, messages: { ...problem.message }, where };
}

/** The pack's text: as given, decoded from bytes, or the JSON of an already parsed document. */
function packText(json: unknown): string {
  if (typeof json === "string") return json;
  if (ArrayBuffer.isView(json)) return new TextDecoder().decode(json as Uint8Array);
  return JSON.stringify(json) ?? "";
}

/**
 * Loads a built pack (`*.pack.json`, from `crw pack build` or the workbench's release) for evaluation:
 * its text, bytes, or parsed JSON. Checks it as `crw eval` does (schema, integrity, evaluation order)
 * and, with `verify` (the default), runs every rule's embedded tests as `crw pack verify` does.
 *
 * @throws RuntimeError `pack/invalid` or `pack/tests-failed`, with every problem and its place.
 */
export async function loadPack(
  json: string | Uint8Array | object,
  options: LoadOptions = {},
): Promise<RuntimePack> {
  const name = options.name ?? "pack.json";
  const text = packText(json);
  const verified = await verifyPack({ file: name, text }, { runTests: options.verify !== false });
  const errors = verified.problems.filter((p) => p.severity === "error").map((p) => located(name, p));
  if (errors.length > 0 || !verified.pack || !verified.prepared) {
    const lines = errors.map((p) => `  ${p.where}: ${p.message} [${p.code}]`);
    throw new RuntimeError(
      "pack/invalid",
      [`${name}: the pack was not loaded:`, ...lines].join("\n"),
      errors,
    );
  }
  const failed: RuntimeProblem[] = verified.tests
    .filter((t) => !t.passed)
    .map((t) => {
      const at = locatePointer(text, t.pointer);
      const message = `${t.rule}: test "${t.test}" failed: ${t.message?.en ?? "failed"}`;
      return {
        code: "pack/test-failed",
        message,
        messages: { en: message },
        where: `${name}:${at?.line ?? 1}:${at?.column ?? 1}`,
      };
    });
  if (failed.length > 0) {
    const lines = failed.map((p) => `  ${p.where}: ${p.message}`);
    throw new RuntimeError(
      "pack/tests-failed",
      [`${name}: ${failed.length} embedded test(s) failed; the pack was not loaded:`, ...lines].join("\n"),
      failed,
    );
  }
  return new LoadedPack(verified.pack, verified.prepared);
}
