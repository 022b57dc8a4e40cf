/**
 * Literal writers for generated JavaScript. Nothing taken from logic ever reaches generated source
 * except through these two functions, and both produce a single self-contained literal token.
 */

const unsafe = /[\u2028\u2029<>\u007f-\u009f]/g;

/**
 * A JavaScript string literal for any string. JSON.stringify escapes quotes, backslashes, control
 * characters and lone surrogates; on top of that the line separators U+2028/U+2029 (line breaks in
 * older engines), `<` and `>` (so `</script>` can never appear) and C1 controls become `\uXXXX`.
 */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(unsafe, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** A JavaScript expression for any number, -0, NaN and the infinities included. */
export function jsNumber(value: number): string {
  if (Number.isNaN(value)) return "(0/0)";
  if (value === Infinity) return "(1/0)";
  if (value === -Infinity) return "(-1/0)";
  if (Object.is(value, -0)) return "(-0)";
  return value < 0 ? `(${String(value)})` : String(value);
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property access suffix: `.name` for plain identifiers (fast and readable), else `["..."]`. */
export function jsMember(key: string): string {
  return identifier.test(key) ? `.${key}` : `[${jsString(key)}]`;
}
