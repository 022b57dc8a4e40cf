/**
 * Reads a dotted path the way JsonLogic's `var` does (`sales.net_ytd`, `out.volume-rebate`,
 * `targets.quarter_sales.0`), but only through own members, so `constructor` or `__proto__` never
 * reach a prototype. Missing steps give `undefined`.
 */
export function getPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split(".")) {
    if (
      current === null ||
      typeof current !== "object" ||
      !Object.prototype.hasOwnProperty.call(current, segment)
    )
      return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The namespace a path reads from when it is a produced value: `out.<id>` or `pop.<name>`. */
export function producedPath(
  path: string,
): { namespace: "out" | "pop"; name: string; path: string } | undefined {
  const [head, name] = path.split(".");
  if ((head !== "out" && head !== "pop") || name === undefined || name === "") return undefined;
  return { namespace: head, name, path: `${head}.${name}` };
}
