import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
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
  /** A leaf was clicked or Enter/Space was pressed on it. */
  /** A leaf was opened: `preview` for a single click (VS Code's preview editor), false for Enter or a double click. */
  onActivate?: (node: TreeNode, preview: boolean) => void;
}

/**
 * A VS Code-style tree (WAI-ARIA tree view): nested treeitems and groups, one roving tab stop,
 * selection following the focus. Which groups are open and which row has the focus is view state,
 * kept here; the nodes come from a selector.
 */
export function Tree({ label, nodes, defaultExpanded = [], onActivate }: TreeProps) {
  const baseId = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(defaultExpanded));
  const [focused, setFocused] = useState<string | null>(null);
  const rows = useMemo(() => visibleRows(nodes, expanded), [nodes, expanded]);
  const current = focusedRowId(nodes, rows, focused);
  const rowById = useMemo(
    () => new Map(rows.map((row, i) => [row.node.id, { row, domId: `${baseId}-${i}` }])),
    [rows, baseId],
  );
  const items = useRef(new Map<string, HTMLLIElement>());

  const apply = (action: TreeAction, preview = false) => {
    if (action.type === "expand" || action.type === "collapse") {
      setExpanded((before) => {
        const after = new Set(before);
        if (action.type === "expand") after.add(action.id);
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
      const describedBy = [
        node.description === undefined ? undefined : `${domId}-description`,
        node.badge === undefined ? undefined : `${domId}-badge`,
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
            className="tree-row"
            style={{ paddingLeft: 4 + (row.level - 1) * 12 }}
            title={node.tooltip}
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
