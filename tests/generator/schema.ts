/** Ajv validator for the dataset schema, with its custom keywords registered (samples/README.md). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";

/** Path of the dataset schema. */
export const SCHEMA_PATH = fileURLToPath(new URL("../../samples/distributor.schema.json", import.meta.url));

/** The schema as JSON. */
export const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Record<string, unknown>;

/** Compiles the dataset schema (strict mode: unknown keywords would throw). */
export function recordValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  for (const keyword of ["x-title-zh-CN", "x-unit", "x-derived"])
    ajv.addKeyword({ keyword, schemaType: "string" });
  return ajv.compile(schema);
}

/** Finds every null anywhere in a value, as dotted paths. */
export function nullPaths(value: unknown, path = ""): string[] {
  if (value === null || value === undefined) return [path];
  if (typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    nullPaths(item, path === "" ? key : `${path}.${key}`),
  );
}
