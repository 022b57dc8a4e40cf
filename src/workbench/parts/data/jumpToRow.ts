import { projectedValue, type ColumnProjection } from "../../../platform";

/** What the "Go to row or id" box asked for: a 1-based row number as shown, or a record id. */
export type JumpTarget = { kind: "row"; row: number } | { kind: "id"; id: string };

/**
 * Digits (group separators allowed) are a row number; anything else is an id. `id:` forces an id,
 * for ids made of digits only.
 */
export function parseJumpTarget(text: string): JumpTarget | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const forced = /^id:\s*(.+)$/i.exec(trimmed);
  if (forced) return { kind: "id", id: forced[1]!.trim() };
  const digits = trimmed.replace(/[,\s_]/g, "");
  if (/^#?\d+$/.test(digits)) return { kind: "row", row: Number(digits.replace("#", "")) };
  return { kind: "id", id: trimmed };
}

/**
 * The stored row whose `id` equals `id`, reading only the id column one chunk at a time, so a
 * million rows never sit in memory at once and the page stays responsive between reads.
 * Undefined when no row has it.
 */
export async function findRowById(
  read: (start: number, count: number) => Promise<ColumnProjection>,
  id: string,
  rowCount: number,
  chunkRows: number,
  cancelled: () => boolean = () => false,
): Promise<number | undefined> {
  for (let start = 0; start < rowCount; start += chunkRows) {
    if (cancelled()) return undefined;
    const count = Math.min(chunkRows, rowCount - start);
    const column = (await read(start, count)).columns[0];
    if (!column) return undefined;
    for (let i = 0; i < count; i++) {
      const value = projectedValue(column, i);
      // Ids are strings, or numbers in data inferred from a file; nothing else can be typed in.
      if ((typeof value === "string" || typeof value === "number") && String(value) === id) return start + i;
    }
  }
  return undefined;
}

/** Where stored row `stored` shows in the current order (sorted or filtered), or -1 if filtered out. */
export function displayedRow(stored: number, order: Uint32Array | null): number {
  if (!order) return stored;
  return order.indexOf(stored);
}
