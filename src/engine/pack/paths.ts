/**
 * Reads a dotted path the way JsonLogic's `var` does (`sales.net_ytd`, `out.volume-rebate`,
 * `targets.quarter_sales.0`), but only through own members, so `constructor` or `__proto__` never
 * reach a prototype. Missing steps give `undefined`.
 */
export function getPath(data: unknown, path: string): unknown {
  return readSegments(data, path.split("."));
}

/** {@link getPath} with the path split once, for reads repeated over every record. */
export function pathReader(path: string): (data: unknown) => unknown {
  const segments = path.split(".");
  return (data) => readSegments(data, segments);
}

function readSegments(data: unknown, segments: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of segments) {
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
