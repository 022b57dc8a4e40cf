/**
 * Band, threshold and lookup tables of the builder: warnings about rows that overlap, leave gaps or
 * can never apply, and the edits of their rows. Every edit is a list of `{ path, value }`
 * replacements of the smallest nodes that change, so applying it to the rule's text (jsonc-parser
 * `modify` at `["logic", ...path]`) keeps the rest of the text as it was.
 */
import type { LocalizedText } from "../../base";
import type { ParamSpec } from "../pack";
import { jsonEqual } from "../pack";
import {
  printNode,
  type BandsNode,
  type BuilderNode,
  type LogicPath,
  type LookupNode,
  type StepsNode,
} from "./model";
import type { LogicEdit } from "./edits";

export interface TableWarning {
  row: number;
  kind: "overlap" | "gap" | "unreachable" | "uncovered";
  message: LocalizedText;
}

const fmt = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** The number a node stands for: a number literal, or a parameter's default. */
export function numberOf(
  node: BuilderNode | undefined,
  params: Readonly<Record<string, ParamSpec>> = {},
): number | undefined {
  if (!node) return undefined;
  if (node.kind === "literal" && typeof node.value === "number") return node.value;
  if (node.kind === "var" && node.name.startsWith("params.")) {
    const d = params[node.name.slice(7)]?.default;
    return typeof d === "number" ? d : undefined;
  }
  return undefined;
}

const sameNode = (a: BuilderNode | undefined, b: BuilderNode | undefined) =>
  a !== undefined && b !== undefined && jsonEqual(printNode(a), printNode(b));

/** Bands: each row must start above the previous one; in the marginal form each band must start where the previous ends. */
export function bandWarnings(node: BandsNode, params?: Readonly<Record<string, ParamSpec>>): TableWarning[] {
  const warnings: TableWarning[] = [];
  node.rows.forEach((row, k) => {
    if (k === 0) return;
    const prev = node.rows[k - 1]!;
    const from = numberOf(row.from, params);
    const before = k === 1 ? 0 : numberOf(prev.from, params);
    if (from !== undefined && before !== undefined && !(from > before)) {
      warnings.push({
        row: k,
        kind: "overlap",
        message: {
          en: `Band ${k + 1} starts at ${fmt(from)}, not above band ${k}'s start (${fmt(before)}): band ${k} never applies.`,
          "zh-CN": `第 ${k + 1} 档起点 ${fmt(from)} 不高于第 ${k} 档起点(${fmt(before)}):第 ${k} 档永远不会适用。`,
        },
      });
    }
    if (node.mode === "marginal" && !sameNode(prev.upTo, row.from)) {
      const end = numberOf(prev.upTo, params);
      if (end !== undefined && from !== undefined && end < from) {
        warnings.push({
          row: k,
          kind: "gap",
          message: {
            en: `Band ${k} ends at ${fmt(end)} but band ${k + 1} starts at ${fmt(from)}: sales in between earn nothing.`,
            "zh-CN": `第 ${k} 档止于 ${fmt(end)},第 ${k + 1} 档却从 ${fmt(from)} 开始:其间的销售额没有返利。`,
          },
        });
      } else if (end !== undefined && from !== undefined && end > from) {
        warnings.push({
          row: k,
          kind: "overlap",
          message: {
            en: `Band ${k} ends at ${fmt(end)} but band ${k + 1} starts at ${fmt(from)}: sales in between earn both rates.`,
            "zh-CN": `第 ${k} 档止于 ${fmt(end)},第 ${k + 1} 档却从 ${fmt(from)} 开始:其间的销售额按两档重复计算。`,
          },
        });
      } else {
        warnings.push({
          row: k,
          kind: "gap",
          message: {
            en: `Band ${k} does not end where band ${k + 1} starts.`,
            "zh-CN": `第 ${k} 档的终点与第 ${k + 1} 档的起点不一致。`,
          },
        });
      }
    }
  });
  return warnings;
}

/** Threshold steps: with `<`/`<=` the bounds must ascend, with `>`/`>=` descend; otherwise a row is never reached. */
export function stepWarnings(node: StepsNode, params?: Readonly<Record<string, ParamSpec>>): TableWarning[] {
  const ascending = node.op === "<" || node.op === "<=";
  const warnings: TableWarning[] = [];
  node.rows.forEach((row, k) => {
    if (k === 0) return;
    const bound = numberOf(row.bound, params);
    const before = numberOf(node.rows[k - 1]!.bound, params);
    if (bound === undefined || before === undefined) return;
    if (ascending ? bound > before : bound < before) return;
    warnings.push({
      row: k,
      kind: "unreachable",
      message: {
        en: `Row ${k + 1} (${node.op} ${fmt(bound)}) is never reached: row ${k} (${node.op} ${fmt(before)}) takes every value it would.`,
        "zh-CN": `第 ${k + 1} 行(${node.op} ${fmt(bound)})永远不会命中:第 ${k} 行(${node.op} ${fmt(before)})已覆盖这些值。`,
      },
    });
  });
  return warnings;
}

/** Lookup: a key listed twice never matches the second time; with the field's enum, unlisted values fall to the else. */
export function lookupWarnings(node: LookupNode, values?: readonly string[]): TableWarning[] {
  const warnings: TableWarning[] = [];
  const seen = new Set<string>();
  node.rows.forEach((row, k) => {
    const key = JSON.stringify(row.key.value);
    if (seen.has(key)) {
      warnings.push({
        row: k,
        kind: "unreachable",
        message: {
          en: `Row ${k + 1}: ${key} is listed above already; this row never applies.`,
          "zh-CN": `第 ${k + 1} 行:${key} 已在上方列出,此行永远不会适用。`,
        },
      });
    }
    seen.add(key);
  });
  const missing = (values ?? []).filter((v) => !seen.has(JSON.stringify(v)));
  if (missing.length > 0) {
    warnings.push({
      row: node.rows.length,
      kind: "uncovered",
      message: {
        en: `${missing.join(", ")} not listed: they take the "otherwise" value.`,
        "zh-CN": `未列出 ${missing.join("、")}:这些取值使用“否则”的值。`,
      },
    });
  }
  return warnings;
}

const literal = (value: unknown, path: LogicPath): BuilderNode =>
  value === null || typeof value === "number" || typeof value === "string" || typeof value === "boolean"
    ? { kind: "literal", path, value }
    : { kind: "opaque", path, json: value };

/** Sets where band `k` starts (both places it is written in the marginal form). */
export function setBandFrom(node: BandsNode, k: number, value: unknown): LogicEdit[] {
  const row = node.rows[k];
  if (!row?.from) return [];
  const edits: LogicEdit[] = [{ path: row.from.path, value }];
  const prev = node.rows[k - 1];
  if (node.mode === "marginal" && prev?.upTo && sameNode(prev.upTo, row.from))
    edits.push({ path: prev.upTo.path, value });
  return edits;
}

export function setBandRate(node: BandsNode, k: number, value: unknown): LogicEdit[] {
  const row = node.rows[k];
  return row ? [{ path: row.rate.path, value }] : [];
}

const replaceBands = (node: BandsNode, rows: BandsNode["rows"], mode = node.mode): LogicEdit[] => [
  { path: node.path, value: printNode({ ...node, mode, rows }) },
];

/** Appends a band starting at `from` with `rate`. */
export function addBand(node: BandsNode, from: unknown, rate: unknown): LogicEdit[] {
  const start = literal(from, []);
  const rows = node.rows.map((r, k) => (k === node.rows.length - 1 ? { ...r, upTo: start } : r));
  return replaceBands(node, [...rows, { from: start, rate: literal(rate, []) }]);
}

/** Removes band `k`; the bands around it meet where it was. */
export function removeBand(node: BandsNode, k: number): LogicEdit[] {
  if (node.rows.length <= 1 || k < 0 || k >= node.rows.length) return [];
  const rows = node.rows.map((r) => ({ ...r }));
  const [gone] = rows.splice(k, 1);
  if (k === 0) delete rows[0]!.from;
  else if (k === rows.length) delete rows[k - 1]!.upTo;
  else if (gone?.upTo) rows[k - 1]!.upTo = gone.upTo;
  if (k > 0 && k < rows.length && node.mode === "retroactive") rows[k]!.from = rows[k - 1]!.upTo!;
  return replaceBands(node, rows);
}

/** Switches between retroactive and marginal; refused (no edit) when marginal bands are not contiguous. */
export function switchBandsMode(node: BandsNode): LogicEdit[] {
  if (
    node.mode === "marginal" &&
    node.rows.some((r, k) => k > 0 && !sameNode(node.rows[k - 1]!.upTo, r.from))
  )
    return [];
  return replaceBands(node, node.rows, node.mode === "retroactive" ? "marginal" : "retroactive");
}

type RowTable = StepsNode | LookupNode;

/** Moves a row of a threshold or lookup table (keyboard Alt+↑/↓, or the buttons). */
export function moveRow(node: RowTable, from: number, to: number): LogicEdit[] {
  if (to < 0 || to >= node.rows.length || from === to) return [];
  const rows = [...node.rows];
  const [row] = rows.splice(from, 1);
  rows.splice(to, 0, row!);
  return [{ path: node.path, value: printNode({ ...node, rows } as BuilderNode) }];
}

export function removeRow(node: RowTable, k: number): LogicEdit[] {
  if (node.rows.length <= 1) return [];
  return [
    {
      path: node.path,
      value: printNode({ ...node, rows: node.rows.filter((_, j) => j !== k) } as BuilderNode),
    },
  ];
}

/** Adds a row before the else: a threshold (steps) or a key (lookup), with its value. */
export function addRow(node: RowTable, keyOrBound: unknown, value: unknown): LogicEdit[] {
  const row =
    node.kind === "lookup"
      ? {
          key: { kind: "literal" as const, path: [], value: keyOrBound as string },
          value: literal(value, []),
        }
      : { bound: literal(keyOrBound, []), value: literal(value, []) };
  return [{ path: node.path, value: printNode({ ...node, rows: [...node.rows, row] } as BuilderNode) }];
}
