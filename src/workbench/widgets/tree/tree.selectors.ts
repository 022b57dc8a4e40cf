/** Icons a tree row can show; the tree widget draws them. */
export type TreeIcon =
  "incentive" | "elimination" | "loyalty" | "manifest" | "dataset" | "file" | "error" | "warning" | "info";

/** One node of a tree model: what a row shows, and its children when it is a group. */
export interface TreeNode {
  /** Unique in the tree. */
  id: string;
  label: string;
  /** Secondary text after the label, dimmed (VS Code's description). */
  description?: string;
  /** A count shown as a badge at the end of the row, and how a screen reader says it. */
  badge?: { text: string; label: string };
  tooltip?: string;
  icon?: TreeIcon;
  /**
   * Marks after the label, as VS Code's explorer decorates files: a dirty dot, a test result.
   * `label` is what a screen reader says for it.
   */
  decorations?: { text: string; label: string; tone: "modified" | "passed" | "failed" }[];
  /** Present on groups, even when empty. */
  children?: TreeNode[];
}

/** A node as it is shown: where it sits, for aria-level, aria-setsize and aria-posinset. */
export interface TreeRow {
  node: TreeNode;
  /** 1-based depth. */
  level: number;
  parentId: string | null;
  /** 1-based position among its siblings, and the number of siblings. */
  posInSet: number;
  setSize: number;
  /** True for groups with children; undefined for leaves (no aria-expanded at all). */
  expanded?: boolean;
}

const isExpandable = (node: TreeNode) => (node.children?.length ?? 0) > 0;

/** The rows the user can see: every node whose ancestors are all expanded, in document order. */
export function visibleRows(nodes: readonly TreeNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (siblings: readonly TreeNode[], level: number, parentId: string | null) => {
    siblings.forEach((node, i) => {
      const open = isExpandable(node) ? expanded.has(node.id) : undefined;
      rows.push({ node, level, parentId, posInSet: i + 1, setSize: siblings.length, expanded: open });
      if (open) walk(node.children!, level + 1, node.id);
    });
  };
  walk(nodes, 1, null);
  return rows;
}

/** Ids from the root down to `id` (inclusive), or [] when the tree has no such node. */
export function pathTo(nodes: readonly TreeNode[], id: string): string[] {
  for (const node of nodes) {
    if (node.id === id) return [id];
    const below = pathTo(node.children ?? [], id);
    if (below.length > 0) return [node.id, ...below];
  }
  return [];
}

/**
 * The row that holds the roving focus: `focusedId` when it is visible, else its nearest visible
 * ancestor (a group collapsed above it), else the first row. Null for an empty tree.
 */
export function focusedRowId(
  nodes: readonly TreeNode[],
  rows: readonly TreeRow[],
  focusedId: string | null,
): string | null {
  if (focusedId !== null) {
    const visible = new Set(rows.map((r) => r.node.id));
    const path = pathTo(nodes, focusedId);
    for (let i = path.length - 1; i >= 0; i--) if (visible.has(path[i]!)) return path[i]!;
  }
  return rows[0]?.node.id ?? null;
}

/** What a key press in the tree does: move the focus, open or close a group, or activate a row. */
export type TreeAction =
  | { type: "focus"; id: string }
  | { type: "expand"; id: string }
  | { type: "collapse"; id: string }
  | { type: "activate"; id: string };

/**
 * The WAI-ARIA tree view keyboard model, as VS Code's explorer follows it: Up/Down move between
 * visible rows, Right opens a closed group or enters an open one, Left closes an open group or goes
 * to the parent, Home/End go to the first/last row, Enter and Space toggle a group or activate a leaf.
 * Returns undefined for keys the tree does not handle (and at the edges, where nothing moves).
 */
export function treeKeyAction(
  rows: readonly TreeRow[],
  focusedId: string,
  key: string,
): TreeAction | undefined {
  const index = rows.findIndex((r) => r.node.id === focusedId);
  const row = rows[index];
  if (!row) return undefined;
  const focus = (target: TreeRow | undefined): TreeAction | undefined =>
    target && target.node.id !== focusedId ? { type: "focus", id: target.node.id } : undefined;
  switch (key) {
    case "ArrowDown":
      return focus(rows[index + 1]);
    case "ArrowUp":
      return focus(rows[index - 1]);
    case "Home":
      return focus(rows[0]);
    case "End":
      return focus(rows[rows.length - 1]);
    case "ArrowRight":
      if (row.expanded === false) return { type: "expand", id: row.node.id };
      return row.expanded === true ? focus(rows[index + 1]) : undefined;
    case "ArrowLeft":
      if (row.expanded === true) return { type: "collapse", id: row.node.id };
      return row.parentId === null ? undefined : { type: "focus", id: row.parentId };
    case "Enter":
    case " ":
      if (row.expanded === undefined) return { type: "activate", id: row.node.id };
      return { type: row.expanded ? "collapse" : "expand", id: row.node.id };
    default:
      return undefined;
  }
}
