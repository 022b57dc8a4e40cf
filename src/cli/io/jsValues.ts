/**
 * JSON text for values JSON cannot carry, as `crw jsonlogic` writes them: NaN, ±Infinity and
 * undefined become `{"$js":"NaN"}` and so on, at any depth.
 */
export function encodeJs(value: unknown): unknown {
  if (value === undefined) return { $js: "undefined" };
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { $js: "NaN" };
    if (value === Infinity) return { $js: "Infinity" };
    if (value === -Infinity) return { $js: "-Infinity" };
    return value;
  }
  if (Array.isArray(value)) return value.map(encodeJs);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeJs(v)]));
  }
  return value;
}

const special: Record<string, unknown> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, undefined };

/** The inverse of {@link encodeJs}, for case data that needs such values. */
export function decodeJs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeJs);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (
      entries.length === 1 &&
      entries[0]![0] === "$js" &&
      typeof entries[0]![1] === "string" &&
      entries[0]![1] in special
    ) {
      return special[entries[0]![1]];
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeJs(v)]));
  }
  return value;
}
