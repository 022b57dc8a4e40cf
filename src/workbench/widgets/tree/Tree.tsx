import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { Chevron, TreeRowIcon } from "./treeIcons";
import {
  focusedRowId,
  treeKeyAction,
  visibleRows,
  type TreeAction,
  type TreeNode,
  type TreeRow,
} from "./tree.selectors";
import "./tree.css";

export interface TreeProps {
  /** Accessible name of the tree. */
  label: string;
  nodes: readonly TreeNode[];
  /** Groups open when the tree first shows. */
  defaultExpanded?: readonly string[];
  /** Every group open unless the user closed it, including groups that appear later (Problems). */
  expandAll?: boolean;
  /** A leaf was opened: `preview` for a single click (VS Code's preview editor), false for Enter or a double click. */
  onActivate?: (node: TreeNode, preview: boolean) => void;
  /** The focused row changed (commands such as Rename act on it). */
  onFocusChange?: (node: TreeNode | undefined) => void;
  /** The context menu was asked for on a row (right click, Shift+F10, the context menu key). */
  onContextMenu?: (node: TreeNode, position: { x: number; y: number }) => void;
  /** What dragging a row carries (a MIME type and data), or undefined when it cannot be dragged. */
  dragData?: (node: TreeNode) => { type: string; data: string } | undefined;
  /** Whether a row accepts a drop carrying this MIME type, and what dropping does. */
  dropTarget?: (node: TreeNode, type: string) => ((data: string) => void) | undefined;
}

/**
 * A VS Code-style tree (WAI-ARIA tree view): nested treeitems and groups, one roving tab stop,
 * selection following the focus. Which groups are open and which row has the focus is view state,
 * kept here; the nodes come from a selector.
 */
export function Tree({
  label,
  nodes,
  defaultExpanded = [],
  expandAll = false,
  onActivate,
  onFocusChange,
  onContextMenu,
  dragData,
  dropTarget,
}: TreeProps) {
  const baseId = useId();
  // In expandAll mode the set holds the groups the user closed; otherwise the groups open.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(
    () => new Set(expandAll ? [] : defaultExpanded),
  );
  const [focused, setFocused] = useState<string | null>(null);
  const expanded = useMemo(() => {
    if (!expandAll) return toggled;
    const open = new Set<string>();
    const walk = (list: readonly TreeNode[]) => {
      for (const node of list) {
        if (node.children && !toggled.has(node.id)) open.add(node.id);
        walk(node.children ?? []);
      }
    };
    walk(nodes);
    return open;
  }, [expandAll, toggled, nodes]);
  const rows = useMemo(() => visibleRows(nodes, expanded), [nodes, expanded]);
  const current = focusedRowId(nodes, rows, focused);
  const rowById = useMemo(
    () => new Map(rows.map((row, i) => [row.node.id, { row, domId: `${baseId}-${i}` }])),
    [rows, baseId],
  );
  const items = useRef(new Map<string, HTMLLIElement>());
  const [dropOn, setDropOn] = useState<string | null>(null);
  const focusedNode = current === null ? undefined : rowById.get(current)?.row.node;
  // Told after render, never during it (the listener may update other components).
  useEffect(() => onFocusChange?.(focusedNode), [focusedNode, onFocusChange]);

  const apply = (action: TreeAction, preview = false) => {
    if (action.type === "expand" || action.type === "collapse") {
      setToggled((before) => {
        const after = new Set(before);
        if ((action.type === "expand") !== expandAll) after.add(action.id);
        else after.delete(action.id);
        return after;
      });
    } else if (action.type === "activate") {
      const node = rowById.get(action.id)?.row.node;
      if (node) onActivate?.(node, preview);
    }
    setFocused(action.id);
    // Every target is a row on screen now, so DOM focus can move at once (roving tab stop).
    items.current.get(action.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (current !== null && (event.key === "ContextMenu" || (event.shiftKey && event.key === "F10"))) {
      const node = rowById.get(current)?.row.node;
      const box = items.current.get(current)?.getBoundingClientRect();
      if (node && onContextMenu) {
        event.preventDefault();
        onContextMenu(node, { x: (box?.left ?? 0) + 24, y: box?.bottom ?? 0 });
      }
      return;
    }
    if (current === null || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = treeKeyAction(rows, current, event.key);
    if (!action) return;
    event.preventDefault();
    apply(action);
  };

  const onRowClick = (row: TreeRow) => {
    const id = row.node.id;
    if (row.expanded === undefined) apply({ type: "activate", id }, true);
    else apply({ type: row.expanded ? "collapse" : "expand", id });
  };

  const renderNodes = (siblings: readonly TreeNode[]) =>
    siblings.map((node) => {
      const entry = rowById.get(node.id);
      if (!entry) return null;
      const { row, domId } = entry;
      const selected = node.id === current;
      const drag = dragData?.(node);
      const describedBy = [
        node.description === undefined ? undefined : `${domId}-description`,
        node.badge === undefined ? undefined : `${domId}-badge`,
        ...(node.decorations ?? []).map((d) => `${domId}-${d.tone}`),
      ].filter(Boolean);
      return (
        <li
          key={node.id}
          ref={(element) => {
            if (element) items.current.set(node.id, element);
            else items.current.delete(node.id);
          }}
          id={domId}
          role="treeitem"
          className="tree-item"
          aria-level={row.level}
          aria-setsize={row.setSize}
          aria-posinset={row.posInSet}
          aria-expanded={row.expanded}
          aria-selected={selected}
          aria-labelledby={`${domId}-label`}
          aria-describedby={describedBy.length > 0 ? describedBy.join(" ") : undefined}
          tabIndex={selected ? 0 : -1}
        >
          <div
            className={`tree-row${dropOn === node.id ? " tree-row--drop" : ""}`}
            style={{ paddingLeft: 4 + (row.level - 1) * 12 }}
            title={node.tooltip}
            draggable={drag !== undefined}
            onDragStart={(event: DragEvent) => {
              if (!drag) return;
              event.dataTransfer.setData(drag.type, drag.data);
              event.dataTransfer.effectAllowed = "link";
            }}
            onDragOver={(event: DragEvent) => {
              const type = [...event.dataTransfer.types].find((t) => dropTarget?.(node, t));
              if (!type) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = "link";
              if (dropOn !== node.id) setDropOn(node.id);
            }}
            onDragLeave={() => dropOn === node.id && setDropOn(null)}
            onDrop={(event: DragEvent) => {
              setDropOn(null);
              const type = [...event.dataTransfer.types].find((t) => dropTarget?.(node, t));
              const drop = type ? dropTarget?.(node, type) : undefined;
              if (!type || !drop) return;
              event.preventDefault();
              drop(event.dataTransfer.getData(type));
            }}
            onContextMenu={(event: MouseEvent) => {
              if (!onContextMenu) return;
              event.preventDefault();
              apply({ type: "focus", id: node.id });
              onContextMenu(node, { x: event.clientX, y: event.clientY });
            }}
            onClick={() => onRowClick(row)}
            onDoubleClick={() => row.expanded === undefined && apply({ type: "activate", id: node.id })}
          >
            <span className="tree-row__twistie">{row.expanded !== undefined && <Chevron />}</span>
            {node.icon && <TreeRowIcon icon={node.icon} />}
            <span className="tree-row__label" id={`${domId}-label`}>
              {node.label}
            </span>
            {node.description !== undefined && (
              <span className="tree-row__description" id={`${domId}-description`}>
                {node.description}
              </span>
            )}
            {node.decorations?.map((d) => (
              <span
                key={d.tone}
                className={`tree-row__decoration tree-row__decoration--${d.tone}`}
                title={d.label}
              >
                <span aria-hidden="true">{d.text}</span>
                <span id={`${domId}-${d.tone}`} hidden>
                  {d.label}
                </span>
              </span>
            ))}
            {node.badge !== undefined && (
              <>
                <span className="tree-row__badge" aria-hidden="true">
                  {node.badge.text}
                </span>
                <span id={`${domId}-badge`} hidden>
                  {node.badge.label}
                </span>
              </>
            )}
          </div>
          {row.expanded && (
            <ul role="group" className="tree-group">
              {renderNodes(node.children ?? [])}
            </ul>
          )}
        </li>
      );
    });

  return (
    <ul role="tree" aria-label={label} className="tree" onKeyDown={onKeyDown}>
      {renderNodes(nodes)}
    </ul>
  );
}
