import { findNodeAtLocation, parseTree, type Node, type ParseError, printParseErrorCode } from "jsonc-parser";

/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Converts a character offset to a 1-based line and column. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Splits an RFC 6901 pointer into its unescaped segments ("/a~1b/0" → ["a/b", "0"]). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Builds an RFC 6901 pointer from path segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/**
 * Finds where a JSON pointer lands in a JSON text: the position of the value it names, or of the
 * deepest existing ancestor when the value is missing (so "missing property" points at its parent).
 */
export function locatePointer(text: string, pointer: string): TextPosition | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const segments = pointerSegments(pointer);
  for (let n = segments.length; n >= 0; n--) {
    const path = segments.slice(0, n).map((s, i) => numericIfArray(root, segments.slice(0, i), s));
    const node = findNodeAtLocation(root, path);
    if (node) return positionAt(text, nodeStart(node));
  }
  return positionAt(text, 0);
}

function numericIfArray(root: Node, parentPath: string[], segment: string): string | number {
  const parent = findNodeAtLocation(
    root,
    parentPath.map((s, i) => numericIfArray(root, parentPath.slice(0, i), s)),
  );
  return parent?.type === "array" && /^\d+$/.test(segment) ? Number(segment) : segment;
}

/** Key/value pairs start at their key, which is where editors put the marker. */
function nodeStart(node: Node): number {
  return node.parent?.type === "property" ? node.parent.offset : node.offset;
}

/** A JSON syntax error with the place it happened, for messages such as `file:3:14 ...`. */
export interface JsonSyntaxError extends TextPosition {
  message: string;
  offset: number;
}

/** Parses strict JSON; on failure reports the first syntax error with its line and column. */
export function parseJsonWithPosition(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const reason = first ? printParseErrorCode(first.error) : (cause as Error).message;
    return { ok: false, error: { ...positionAt(text, offset), offset, message: `invalid JSON: ${reason}` } };
  }
}
