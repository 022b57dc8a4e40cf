/**
 * `when` clauses, a small subset of VS Code's: identifiers (truthy context keys), `!`, `==`, `!=`
 * against a bare word or a quoted string, `&&`, `||` and parentheses. Unknown keys are undefined.
 */
export type ContextLookup = (key: string) => unknown;

type Token = { kind: "word" | "string" | "op"; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(&&|\|\||==|!=|!|\(|\))|'([^']*)'|"([^"]*)"|([A-Za-z0-9_.-]+))/y;
  let index = 0;
  while (index < source.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) {
      if (source.slice(index).trim() === "") break;
      throw new Error(`Cannot read the when clause "${source}" at character ${index + 1}`);
    }
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: "op", text: match[1] });
    else if (match[2] !== undefined || match[3] !== undefined)
      tokens.push({ kind: "string", text: match[2] ?? match[3] ?? "" });
    else if (match[4] !== undefined) tokens.push({ kind: "word", text: match[4] });
  }
  return tokens;
}

type Node = (lookup: ContextLookup) => boolean;

/** Compiles a when clause once; the result is called on every key press and palette render. */
export function compileWhen(source: string): Node {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];

  const primary = (): Node => {
    const token = take();
    if (!token) throw new Error(`The when clause "${source}" ends too early`);
    if (token.kind === "op" && token.text === "!") {
      const inner = primary();
      return (lookup) => !inner(lookup);
    }
    if (token.kind === "op" && token.text === "(") {
      const inner = or();
      const close = take();
      if (close?.text !== ")") throw new Error(`The when clause "${source}" misses a ")"`);
      return inner;
    }
    if (token.kind !== "word") throw new Error(`Unexpected "${token.text}" in the when clause "${source}"`);
    const key = token.text;
    const next = peek();
    if (next?.kind === "op" && (next.text === "==" || next.text === "!=")) {
      take();
      const operand = take();
      if (!operand || operand.kind === "op") throw new Error(`"${next.text}" needs a value in "${source}"`);
      const expected = operand.text;
      const equal = (lookup: ContextLookup) => {
        const value = lookup(key);
        return (
          (typeof value === "string" || typeof value === "number" || typeof value === "boolean"
            ? String(value)
            : "") === expected
        );
      };
      return next.text === "==" ? equal : (lookup) => !equal(lookup);
    }
    if (key === "true") return () => true;
    if (key === "false") return () => false;
    return (lookup) => Boolean(lookup(key));
  };
  const and = (): Node => {
    let left = primary();
    while (peek()?.text === "&&") {
      take();
      const l = left;
      const r = primary();
      left = (lookup) => l(lookup) && r(lookup);
    }
    return left;
  };
  function or(): Node {
    let left = and();
    while (peek()?.text === "||") {
      take();
      const l = left;
      const r = and();
      left = (lookup) => l(lookup) || r(lookup);
    }
    return left;
  }
  const node = or();
  if (position < tokens.length) throw new Error(`Unexpected "${tokens[position]!.text}" in "${source}"`);
  return node;
}

const cache = new Map<string, Node>();

/** Evaluates a when clause (cached by its text); an absent clause always holds. */
export function evaluateWhen(source: string | undefined, lookup: ContextLookup): boolean {
  if (source === undefined || source.trim() === "") return true;
  let node = cache.get(source);
  if (!node) {
    node = compileWhen(source);
    cache.set(source, node);
  }
  return node(lookup);
}
