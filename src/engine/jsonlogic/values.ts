/**
 * Runtime helpers shared by the compiled and the closure evaluators. Each one mirrors the body of the
 * json-logic-js 2.0.5 operator of the same name (node_modules/json-logic-js/logic.js) statement for
 * statement, quirks included, so both evaluators return exactly what the reference returns.
 */

// eslint-disable-next-line @typescript-eslint/unbound-method -- always invoked with .call(target, key)
const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Own-property test that also works on primitives ("abc" owns "length" and "0"). */
export function hasOwn(target: unknown, key: string): boolean {
  return hasOwnProperty.call(target, key);
}

/** json-logic-js truthiness: JavaScript's, except that an empty array is falsy. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

/**
 * The hardened `var` lookup: json-logic-js's walk, except that every step must be an own property,
 * so `toString`, `__proto__` or `constructor.name` can never reach a prototype member.
 */
export function lookup(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (typeof path === "undefined" || path === "" || path === null) return data;
  // json-logic-js stringifies any path, objects included ("[object Object]"), so this must too.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const segments = String(path).split(".");
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return notFound;
    if (!hasOwnProperty.call(current, segment)) return notFound;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return notFound;
  }
  return current;
}

/** `parseFloat` as `+` applies it; exact because a running sum can never be -0 (see compile.ts). */
export function addend(value: unknown): number {
  return typeof value === "number" ? value : parseFloat(value as string);
}

/** `parseFloat` as `*` applies it: parseFloat(-0) is +0, which `value + 0` reproduces. */
export function factor(value: unknown): number {
  return typeof value === "number" ? value + 0 : parseFloat(value as string);
}

/** `+`: reduce with initial 0 over parseFloat of both sides. */
export function plus(args: readonly unknown[]): number {
  let sum = 0;
  for (const value of args) sum = sum + addend(value);
  return sum;
}

/** `*`: reduce without an initial value, so one argument comes back untouched and none throws. */
export function times(args: readonly unknown[]): unknown {
  if (args.length === 0) throw new TypeError("Reduce of empty array with no initial value");
  let product: unknown = args[0];
  for (let i = 1; i < args.length; i++) product = factor(product) * factor(args[i]);
  return product;
}

/** `-`: unary negation when the second operand is undefined; operands past the second are ignored. */
export function minus(a: unknown, b: unknown): number {
  return b === undefined ? -(a as number) : (a as number) - (b as number);
}

/** `<` and `<=` take an optional third operand for "between". */
export function lessThan(a: unknown, b: unknown, c: unknown): boolean {
  return c === undefined
    ? (a as number) < (b as number)
    : (a as number) < (b as number) && (b as number) < (c as number);
}

export function lessOrEqual(a: unknown, b: unknown, c: unknown): boolean {
  return c === undefined
    ? (a as number) <= (b as number)
    : (a as number) <= (b as number) && (b as number) <= (c as number);
}

/** `in`: substring or array membership through the operand's own `indexOf`. */
export function isIn(a: unknown, b: unknown): boolean {
  if (!b || typeof (b as { indexOf?: unknown }).indexOf === "undefined") return false;
  return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
}

/** One `cat` operand as Array.prototype.join renders it. */
export function catPart(value: unknown): string {
  if (typeof value === "string") return value;
  // Array.prototype.join renders objects as "[object Object]" too; mirroring it is the point.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return value === null || value === undefined ? "" : String(value);
}

export function cat(args: readonly unknown[]): string {
  return Array.prototype.join.call(args, "");
}

/** `substr` with PHP-style negative lengths. */
export function substr(source: unknown, start: unknown, end: unknown): string {
  if ((end as number) < 0) {
    const temp = String(source).substr(start as number);
    return temp.substr(0, temp.length + (end as number));
  }
  return String(source).substr(start as number, end as number);
}

export function merge(args: readonly unknown[]): unknown[] {
  let result: unknown[] = [];
  for (const value of args) result = result.concat(value);
  return result;
}

export function min(args: readonly unknown[]): number {
  return Math.min.apply(null, args as number[]);
}

export function max(args: readonly unknown[]): number {
  return Math.max.apply(null, args as number[]);
}

export function log(value: unknown): unknown {
  console.log(value);
  return value;
}

/** `missing_some`'s final comparison; `options.length` is a string's length when it is a string. */
export function missingSomeResult(needCount: unknown, options: unknown, areMissing: unknown[]): unknown[] {
  return (options as { length: number }).length - areMissing.length >= (needCount as number)
    ? []
    : areMissing;
}
