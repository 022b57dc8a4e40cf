import type { LocalizedText } from "../../base";
import { readPaths } from "../jsonlogic";
import type { Problem } from "../problem";
import type { PackContent } from "./model";
import { producedPath } from "./paths";

/** A population operator or rule as a node of the dependency graph (pack-format.md §6). */
export interface GraphNode {
  kind: "population" | "rule";
  id: string;
  /** Index in `population` or `rules`. */
  index: number;
  /** The `out.<id>` or `pop.<name>` path the node writes. */
  produces: string;
  /** Produced paths it reads, each with the pointer (relative to the rule or operator) of the read. */
  reads: { path: string; pointer: string }[];
  /** Every path it reads (for `params.` checks and record projection). */
  allReads: { path: string; pointer: string }[];
}

/** Turns a finding about a node into a located Problem (the caller knows files and source texts). */
export type NodeLocator = (
  node: Pick<GraphNode, "kind" | "index">,
  pointer: string,
  code: string,
  message: LocalizedText,
  severity?: Problem["severity"],
) => Problem;

/** The evaluation plan of a pack: nodes in evaluation order, or the problems that prevent one. */
export interface PackPlan {
  nodes: GraphNode[];
  order: GraphNode[];
  problems: Problem[];
}

function label(node: GraphNode): string {
  return node.kind === "rule" ? `rule ${node.id}` : node.produces;
}

function collectNodes(content: PackContent): GraphNode[] {
  const nodes: GraphNode[] = content.population.map((op, index) => {
    const allReads = [{ path: op.measure, pointer: "/measure" }];
    if (op.partitionBy !== undefined) allReads.push({ path: op.partitionBy, pointer: "/partitionBy" });
    if (op.op === "budget_factor" && typeof op.budget === "string")
      allReads.push({ path: op.budget, pointer: "/budget" });
    return { kind: "population", id: op.id, index, produces: op.out, reads: [], allReads };
  });
  content.rules.forEach((rule, index) => {
    const allReads = readPaths(rule.logic, "/logic").map((r) => ({ path: r.path, pointer: r.pointer }));
    nodes.push({ kind: "rule", id: rule.id, index, produces: `out.${rule.id}`, reads: [], allReads });
  });
  return nodes;
}

/**
 * Builds the dependency graph of a pack and its evaluation order: topological, ties by declaration
 * order (population operators first, then rules, each in manifest order). Reports duplicate ids, two
 * producers of one path, reads of unknown `out.`/`pop.` paths or parameters, and cycles by name.
 */
export function planPack(content: PackContent, locate: NodeLocator): PackPlan {
  const nodes = collectNodes(content);
  const problems: Problem[] = [];
  const producers = new Map<string, number>();
  const ids = new Map<string, number>();
  nodes.forEach((node, i) => {
    const idPointer = "/id";
    if (ids.has(node.id)) {
      problems.push(
        locate(node, idPointer, "pack/duplicate-id", {
          en: `The id "${node.id}" is used twice (${label(nodes[ids.get(node.id)!]!)} and ${label(node)}); ids must be unique across rules and population operators.`,
          "zh-CN": `id "${node.id}" 被使用了两次；规则和总体运算的 id 必须唯一。`,
        }),
      );
    } else ids.set(node.id, i);
    const existing = producers.get(node.produces);
    if (existing !== undefined) {
      problems.push(
        locate(node, node.kind === "rule" ? "/id" : "/out", "pack/duplicate-producer", {
          en: `${node.produces} is produced twice: by ${label(nodes[existing]!)} and by ${node.kind} ${node.id}; give one of them another output.`,
          "zh-CN": `${node.produces} 被产生了两次；请为其中一个指定其他输出。`,
        }),
      );
    } else producers.set(node.produces, i);
  });
  const deps = nodes.map(() => new Set<number>());
  nodes.forEach((node, i) => {
    for (const read of node.allReads) {
      if (read.path === "") {
        problems.push(
          locate(
            node,
            read.pointer,
            "pack/dynamic-read",
            {
              en: `${label(node)} reads a computed path or the whole context; the evaluation order cannot account for what it reads, so results of other rules may not be there yet.`,
              "zh-CN": `${label(node)} 读取了计算得到的路径或整个上下文；求值顺序无法考虑其读取内容，其他规则的结果可能尚未可用。`,
            },
            "warning",
          ),
        );
        continue;
      }
      const head = read.path.split(".")[0];
      if (head === "params") {
        const name = read.path.split(".")[1];
        if (name !== undefined && !Object.prototype.hasOwnProperty.call(content.params, name)) {
          const known = Object.keys(content.params).join(", ") || "none";
          problems.push(
            locate(node, read.pointer, "pack/unknown-param", {
              en: `${label(node)} reads params.${name}, which the pack does not declare (declared: ${known}); add it to "params" or fix the name.`,
              "zh-CN": `${label(node)} 读取了未声明的参数 params.${name}（已声明：${known}）；请在 "params" 中添加或修正名称。`,
            }),
          );
        }
        continue;
      }
      const produced = producedPath(read.path);
      if (!produced) {
        if (head === "out" || head === "pop") {
          problems.push(
            locate(node, read.pointer, "pack/whole-namespace-read", {
              en: `${label(node)} reads "${read.path}" as a whole; read one value such as ${head}.<name> so the order can be computed.`,
              "zh-CN": `${label(node)} 整体读取了 "${read.path}"；请读取具体的值（如 ${head}.<名称>），以便计算求值顺序。`,
            }),
          );
        }
        continue;
      }
      const producer = producers.get(produced.path);
      if (producer === undefined) {
        problems.push(
          locate(node, read.pointer, "pack/unknown-read", {
            en: `${label(node)} reads ${produced.path}, which no rule or population operator in this pack produces; add its producer or fix the path.`,
            "zh-CN": `${label(node)} 读取了 ${produced.path}，但本规则包中没有规则或总体运算产生它；请添加其产生者或修正路径。`,
          }),
        );
        continue;
      }
      node.reads.push({ path: produced.path, pointer: read.pointer });
      deps[i]!.add(producer);
    }
  });
  const order = topologicalOrder(nodes, deps, locate, problems);
  return { nodes, order, problems };
}

function topologicalOrder(
  nodes: GraphNode[],
  deps: Set<number>[],
  locate: NodeLocator,
  problems: Problem[],
): GraphNode[] {
  const done = new Set<number>();
  const order: GraphNode[] = [];
  // Quadratic, but packs hold tens of nodes and this keeps "ties by declaration order" obvious.
  while (order.length < nodes.length) {
    const next = nodes.findIndex((_, i) => !done.has(i) && [...deps[i]!].every((d) => done.has(d)));
    if (next === -1) break;
    done.add(next);
    order.push(nodes[next]!);
  }
  if (order.length < nodes.length) {
    const cycle = findCycle(deps, done);
    const names = cycle.map((i) => label(nodes[i]!));
    const text = [...names, names[0]].join(" → ");
    const first = nodes[cycle[0]!]!;
    const read = first.reads.find((r) => r.path === nodes[cycle[1] ?? cycle[0]!]!.produces);
    problems.push(
      locate(first, read?.pointer ?? "", "pack/cycle", {
        en: `Dependency cycle: ${text} (each reads the next); break it by computing one of these from record fields or parameters.`,
        "zh-CN": `依赖循环：${text}（每一项读取下一项）；请改为从记录字段或参数计算其中之一以打破循环。`,
      }),
    );
  }
  return order;
}

/** A cycle among the nodes not yet ordered, as node indices where each reads the next. */
function findCycle(deps: Set<number>[], done: Set<number>): number[] {
  const state = new Map<number, "open" | "closed">();
  const stack: number[] = [];
  const visit = (i: number): number[] | undefined => {
    state.set(i, "open");
    stack.push(i);
    for (const d of [...deps[i]!].sort((a, b) => a - b)) {
      if (done.has(d)) continue;
      if (state.get(d) === "open") return stack.slice(stack.indexOf(d));
      if (!state.has(d)) {
        const found = visit(d);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(i, "closed");
    return undefined;
  };
  for (let i = 0; i < deps.length; i++) {
    if (done.has(i) || state.has(i)) continue;
    const found = visit(i);
    if (found) return found;
  }
  return [];
}
