import { readFileSync, readdirSync } from "node:fs";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { schemas, validateSchema } from "../../../src/engine";
import { ajvOptions, generateValidators } from "../../../src/devtools/validatorSource";
import * as standalone from "../../../src/engine/pack/schemas/validators.generated.js";

const root = new URL("../../../", import.meta.url);

function ruleFiles(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? ruleFiles(new URL(`${entry.name}/`, dir))
      : entry.name.endsWith(".json")
        ? [new URL(entry.name, dir)]
        : [],
  );
}

describe("precompiled schema validators", () => {
  it("are exactly what npm run validators generates from the schemas today", async () => {
    const committed = readFileSync(new URL("src/engine/pack/schemas/validators.generated.js", root), "utf8");
    expect(committed === (await generateValidators()), "run `npm run validators` and commit the result").toBe(
      true,
    );
    // Compiling every schema with Ajv takes a few seconds when the machine is busy.
  }, 60_000);

  it("judge documents as Ajv compiling the schemas at run time does, valid and broken alike", () => {
    const { code: _code, ...options } = ajvOptions;
    const ajv = new Ajv(options);
    ajv.addSchema([schemas.rule, schemas.manifest, schemas.pack]);
    const documents = ruleFiles(new URL("rules/", root)).map(
      (url) => JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>,
    );
    const broken = documents.flatMap((doc) => [
      { ...doc, id: "Not An Id" },
      { ...doc, surprise: true },
      { ...doc, title: 7 },
    ]);
    for (const doc of [...documents, ...broken]) {
      const kind = "rules" in doc ? "manifest" : "rule";
      const runtime = ajv.getSchema(schemas[kind].$id)!;
      const valid = runtime(doc);
      const precompiled = standalone[kind];
      expect(precompiled(doc), `${kind} ${JSON.stringify(doc).slice(0, 60)}`).toBe(valid);
      expect(precompiled.errors ?? null).toEqual(runtime.errors ?? null);
      expect(validateSchema(kind, doc).length === 0).toBe(valid);
    }
  });
});
