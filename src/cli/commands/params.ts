import { parseParamText, resolveParams, type ParamSpec } from "../../engine";
import { CliError } from "../io/files";

/** Collects repeated `--param k=v` options. */
export function collectParam(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf("=");
  if (eq <= 0) throw new CliError(`--param ${value}: write --param name=value.`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

/** The run's `params`: defaults with the `--param` overrides typed by each parameter's declaration. */
export function runParams(
  specs: Record<string, ParamSpec>,
  texts: Record<string, string>,
): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(texts)) {
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    overrides[name] = spec ? parseParamText(spec, text) : text;
  }
  const resolved = resolveParams(specs, overrides);
  if (!resolved.ok) throw new CliError(resolved.error.map((e) => `--param: ${e.en}`).join("\n"));
  return resolved.value;
}
