import { schemaIds, schemas } from "../../../engine";
import { jsonDefaults } from "./monaco";

/** Schema file names a `$schema` path may end in (schemas/README.md: "a path ending in rule.v1.schema.json"). */
const schemaFiles = { rule: "rule.v1.schema.json", manifest: "manifest.v1.schema.json" } as const;

/** Schema URIs already registered, beyond the fixed ones: `$schema` paths as documents resolve them. */
const resolvedRefs = new Map<string, "rule" | "manifest">();

function configure(): void {
  const entries = (["rule", "manifest"] as const).flatMap((kind) => [
    { uri: schemaIds[kind], fileMatch: [`*.${kind}.json`], schema: schemas[kind] },
    ...[...resolvedRefs].filter(([, k]) => k === kind).map(([uri]) => ({ uri, schema: schemas[kind] })),
  ]);
  jsonDefaults.setDiagnosticsOptions({
    // The engine's validator and lint report every problem (in the user's language, with codes), so
    // the JSON worker validates nothing; it completes and explains members from the schemas.
    validate: false,
    allowComments: false,
    enableSchemaRequest: false,
    schemaRequest: "ignore",
    schemas: entries,
  });
}

/** Registers the rule-file and manifest schemas with Monaco's JSON language, by `$id` and file name. */
export function registerSchemas(): void {
  configure();
  jsonDefaults.setModeConfiguration({
    ...jsonDefaults.modeConfiguration,
    // Problems come from the engine (above); rule files hold no colours to decorate.
    diagnostics: false,
    colors: false,
  });
}

/**
 * A document with a relative `$schema` (the shipped manifests say
 * `../../src/engine/pack/schemas/manifest.v1.schema.json`) makes the JSON worker look the schema up
 * by that path resolved against the document's URI, and it may not fetch anything. Registers our
 * schema under that URI too, so such documents complete like the others.
 */
export function registerSchemaReference(documentUri: string, schemaRef: string): void {
  const kind = schemaRef.endsWith(schemaFiles.rule)
    ? "rule"
    : schemaRef.endsWith(schemaFiles.manifest)
      ? "manifest"
      : undefined;
  if (!kind || schemaRef.startsWith("urn:")) return;
  let uri: string;
  try {
    uri = new URL(schemaRef, documentUri).toString();
  } catch {
    return;
  }
  if (resolvedRefs.has(uri)) return;
  resolvedRefs.set(uri, kind);
  configure();
}
