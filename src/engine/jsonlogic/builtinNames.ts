/**
 * Names of every member of every builtin prototype in this realm (`toString`, `__proto__`,
 * `constructor`, `map`, `length`, `toFixed`, `getTime`...), collected once.
 *
 * Both compiled evaluators (codegen.ts, closure.ts) own-check (`hasOwnProperty`) only path segments in this set. A segment outside
 * it (`sales`, `rebate_base_ytd`) cannot be inherited by JSON data, whose objects, arrays and
 * primitives inherit only from builtin prototypes; so a plain read is exactly the hardened lookup,
 * about four times cheaper. This holds as long as nobody adds properties to builtin prototypes, which
 * neither logic nor data can do (evaluation never writes to any object); the reference always
 * checks, and so does the closure evaluator for paths of four or more segments. See compile.ts.
 */
let names: Set<string> | undefined;

function collect(): Set<string> {
  const found = new Set<string>(["__proto__"]);
  const global = globalThis as unknown as Record<string, unknown>;
  const roots: unknown[] = [Object.prototype, Function.prototype, Array.prototype, String.prototype];
  for (const key of Object.getOwnPropertyNames(global)) {
    const descriptor = Object.getOwnPropertyDescriptor(global, key);
    const value: unknown = descriptor && "value" in descriptor ? descriptor.value : undefined;
    if (typeof value === "function") roots.push((value as { prototype?: unknown }).prototype, value);
  }
  for (const root of roots) {
    for (let proto = root; proto !== null && (typeof proto === "object" || typeof proto === "function");) {
      for (const name of Object.getOwnPropertyNames(proto)) found.add(name);
      proto = Object.getPrototypeOf(proto) as unknown;
    }
  }
  return found;
}

/** True when `key` names a member some builtin prototype (or constructor) has in this realm. */
export function isBuiltinMemberName(key: string): boolean {
  names ??= collect();
  return names.has(key);
}
