import type { KeyboardEvent } from "react";

/**
 * Enter in a table cell, as in a spreadsheet: the cell's own handler commits the value first, then
 * the focus moves to the same column one row down (Shift+Enter: one row up). Tab and Shift+Tab move
 * along the row natively. The move waits a frame so the table shows the committed value first.
 */
export function spreadsheetEnter(e: KeyboardEvent<HTMLTableElement>) {
  if (e.key !== "Enter" || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement;
  if (!(target instanceof HTMLInputElement)) return;
  const cell = target.closest("td, th");
  const row = cell?.parentElement;
  const body = row?.parentElement;
  if (!(cell instanceof HTMLTableCellElement) || !(row instanceof HTMLTableRowElement) || !body) return;
  const column = cell.cellIndex;
  const next = row.sectionRowIndex + (e.shiftKey ? -1 : 1);
  const table = e.currentTarget;
  requestAnimationFrame(() => {
    const rows = table.tBodies[0]?.rows;
    const to = rows?.[next]?.cells[column]?.querySelector<HTMLElement>("input, select");
    to?.focus();
    if (to instanceof HTMLInputElement) to.select();
  });
}
