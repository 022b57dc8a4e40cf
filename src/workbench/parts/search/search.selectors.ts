import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";
import { isLogic, operandsOf, operatorOf, pointerSegments, readPaths, toPointer } from "../../../engine";
import { TextIndex } from "./textIndex";

/** A rule or manifest as search sees it: its current text (the editor's, when it is open). */
export interface SearchDocument {
  uri: string;
  kind: "rule" | "manifest";
  id: string;
  file: string;
  /** Shown next to the file name (the rule's title in the UI language). */
  title?: string;
  text: string;
}

export type SearchMode = "text" | "id" | "field" | "operator";

export interface SearchQuery {
  mode: SearchMode;
  query: string;
  /** Text mode only. */
  matchCase?: boolean;
  wholeWord?: boolean;
  regex?: boolean;
}

/** One match: where it is and the line it is on, split around the match for highlighting. */
export interface SearchMatch {
  line: number;
  column: number;
  /** Characters matched, from `column`, on that line. */
  length: number;
  before: string;
  match: string;
  after: string;
  /** What a structural match is ("reads sales.net_ytd"), for its tooltip. */
  detail?: string;
}

export interface SearchFileResult {
  uri: string;
  kind: SearchDocument["kind"];
  id: string;
  file: string;
  title?: string;
  matches: SearchMatch[];
}

export type SearchResult =
  { ok: true; files: SearchFileResult[]; total: number; truncated: boolean } | { ok: false; error: string };

/** Matches reported at most, over all files (VS Code stops too and says so). */
export const MAX_SEARCH_MATCHES = 2000;
/** Characters of context kept before a match in its preview. */
const CONTEXT = 40;

/** Word characters for "whole word": letters and digits of every script (CJK included) and `_`. */
const WORD = "[\\p{L}\\p{N}_]";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The regular expression of a text query, or the reason it is not one. */
export function textPattern(query: SearchQuery): RegExp | string {
  const source = query.regex ? query.query : escapeRegExp(query.query);
  const bounded = query.wholeWord ? `(?<!${WORD})(?:${source})(?!${WORD})` : source;
  try {
    return new RegExp(bounded, `gu${query.matchCase ? "" : "i"}`);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function matchAt(index: TextIndex, offset: number, length: number, detail?: string): SearchMatch {
  const { line, column } = index.position(offset);
  const text = index.line(line);
  // A match running past its line is shown up to the line's end.
  const shown = Math.min(length, text.length - (column - 1));
  const start = column - 1;
  const before = text.slice(Math.max(0, start - CONTEXT), start);
  return {
    line,
    column,
    length: shown,
    before: (start > CONTEXT ? "…" : "") + before.trimStart(),
    match: text.slice(start, start + shown),
    after: text.slice(start + shown),
    ...(detail === undefined ? {} : { detail }),
  };
}

function textMatches(doc: SearchDocument, pattern: RegExp, limit: number): SearchMatch[] {
  const index = new TextIndex(doc.text);
  const matches: SearchMatch[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(doc.text); m !== null && matches.length < limit; m = pattern.exec(doc.text)) {
    if (m[0].length === 0) {
      // An empty match (`^`, `a*`) finds nothing to show; step over it so the search ends.
      pattern.lastIndex++;
      continue;
    }
    matches.push(matchAt(index, m.index, m[0].length));
  }
  return matches;
}

/** The node a pointer names in a parsed tree, with array indexes as numbers. */
function nodeAt(root: Node, pointer: string): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of pointerSegments(pointer)) {
    if (!node) return undefined;
    node = findNodeAtLocation(node, [node.type === "array" ? Number(segment) : segment]);
  }
  return node;
}

function parsed(doc: SearchDocument): { value: unknown; root: Node } | undefined {
  const root = parseTree(doc.text, [], { disallowComments: true });
  if (!root) return undefined;
  try {
    return { value: JSON.parse(doc.text) as unknown, root };
  } catch {
    return undefined;
  }
}

/** Where a read sits: the path's own string for a `var`, the key for `missing`. */
function readNode(root: Node, pointer: string): Node | undefined {
  const node = nodeAt(root, pointer);
  if (node?.type !== "object") return node;
  const operand = findNodeAtLocation(node, ["var"]);
  return operand?.type === "array" ? operand.children?.[0] : operand;
}

const readsField = (path: string, field: string) =>
  field.endsWith(".") ? path.startsWith(field) : path === field || path.startsWith(`${field}.`);

function fieldMatches(doc: SearchDocument, field: string): SearchMatch[] {
  const tree = parsed(doc);
  if (!tree || typeof tree.value !== "object" || tree.value === null) return [];
  const index = new TextIndex(doc.text);
  const reads: { path: string; pointer: string }[] = [];
  const value = tree.value as Record<string, unknown>;
  if (doc.kind === "rule") reads.push(...readPaths(value.logic, "/logic").filter((r) => !r.dynamic));
  else if (Array.isArray(value.population)) {
    value.population.forEach((op: unknown, i) => {
      if (typeof op !== "object" || op === null) return;
      for (const key of ["measure", "partitionBy", "budget"]) {
        const path = (op as Record<string, unknown>)[key];
        if (typeof path === "string") reads.push({ path, pointer: toPointer(["population", i, key]) });
      }
    });
  }
  return reads
    .filter((r) => readsField(r.path, field))
    .flatMap((r) => {
      const node = readNode(tree.root, r.pointer);
      return node ? [matchAt(index, node.offset, node.length, r.path)] : [];
    });
}

function operatorMatches(doc: SearchDocument, operator: string): SearchMatch[] {
  if (doc.kind !== "rule") return [];
  const tree = parsed(doc);
  if (!tree || typeof tree.value !== "object" || tree.value === null) return [];
  const index = new TextIndex(doc.text);
  const found: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`));
      return;
    }
    if (!isLogic(node)) return;
    const op = operatorOf(node);
    const escaped = op.replace(/~/g, "~0").replace(/\//g, "~1");
    if (op === operator) found.push(`${pointer}/${escaped}`);
    const operands = node[op];
    if (Array.isArray(operands)) operands.forEach((o, i) => visit(o, `${pointer}/${escaped}/${i}`));
    else visit(operandsOf(node, op)[0], `${pointer}/${escaped}`);
  };
  visit((tree.value as Record<string, unknown>).logic, "/logic");
  return found.flatMap((pointer) => {
    // The match is the operator's key, quotes included, as VS Code highlights a property name.
    const key = nodeAt(tree.root, pointer)?.parent?.children?.[0];
    return key ? [matchAt(index, key.offset, key.length, operator)] : [];
  });
}

function idMatches(doc: SearchDocument, query: string): SearchMatch[] {
  if (!doc.id.toLowerCase().includes(query.toLowerCase())) return [];
  const tree = parsed(doc);
  const node = tree && nodeAt(tree.root, doc.kind === "rule" ? "/id" : "/name");
  const index = new TextIndex(doc.text);
  return [node ? matchAt(index, node.offset, node.length, doc.id) : matchAt(index, 0, 0, doc.id)];
}

/**
 * Searches rules and manifests: by text (match case, whole word, regular expression), by id, by
 * the field a rule reads (from the engine's read paths, so `sales.net_ytd` finds reads written in
 * any form, and never a mention in a description), or by operator. Results are grouped by file in
 * path order; an invalid regular expression is reported, not thrown.
 */
export function searchWorkspace(documents: readonly SearchDocument[], query: SearchQuery): SearchResult {
  const q = query.mode === "text" ? query.query : query.query.trim();
  if (q === "") return { ok: true, files: [], total: 0, truncated: false };
  const pattern = query.mode === "text" ? textPattern({ ...query, query: q }) : undefined;
  if (typeof pattern === "string") return { ok: false, error: pattern };
  const files: SearchFileResult[] = [];
  let total = 0;
  let truncated = false;
  const sorted = [...documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const doc of sorted) {
    const room = MAX_SEARCH_MATCHES - total;
    if (room <= 0) {
      truncated = true;
      break;
    }
    let matches: SearchMatch[];
    if (pattern) matches = textMatches(doc, pattern, room + 1);
    else if (query.mode === "field") matches = fieldMatches(doc, q);
    else if (query.mode === "operator") matches = operatorMatches(doc, q);
    else matches = idMatches(doc, q);
    if (matches.length > room) {
      matches = matches.slice(0, room);
      truncated = true;
    }
    if (matches.length === 0) continue;
    total += matches.length;
    const { uri, kind, id, file, title } = doc;
    files.push({ uri, kind, id, file, ...(title === undefined ? {} : { title }), matches });
  }
  return { ok: true, files, total, truncated };
}
