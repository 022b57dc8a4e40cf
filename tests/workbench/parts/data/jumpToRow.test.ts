import { describe, expect, it, vi } from "vitest";
import { CHUNK_ROWS, createMemoryRepositories } from "../../../../src/platform";
import { displayedRow, findRowById, parseJumpTarget } from "../../../../src/workbench/parts/data/jumpToRow";

describe("jump to row or id", () => {
  it("reads digits as a row number and anything else (or id:…) as an id", () => {
    expect(parseJumpTarget(" 1,000 ")).toEqual({ kind: "row", row: 1000 });
    expect(parseJumpTarget("#42")).toEqual({ kind: "row", row: 42 });
    expect(parseJumpTarget("D000123")).toEqual({ kind: "id", id: "D000123" });
    expect(parseJumpTarget("id: 77")).toEqual({ kind: "id", id: "77" });
    expect(parseJumpTarget("   ")).toBeUndefined();
  });

  it("finds an id by reading the id column chunk by chunk, past chunk boundaries", async () => {
    const repos = createMemoryRepositories();
    const rows = CHUNK_ROWS * 2 + 5;
    const records = Array.from({ length: rows }, (_, i) => ({ id: `R${i}`, n: i }));
    await repos.datasets.create(
      { id: "big", name: "big", sourceFile: "big.json", createdAt: "2026-01-01T00:00:00.000Z" },
      records,
    );
    const reads: Array<[number, number]> = [];
    const read = vi.fn((start: number, count: number) => {
      reads.push([start, count]);
      return repos.datasets.columns("big", ["id"], { start, count });
    });
    expect(await findRowById(read, `R${rows - 1}`, rows, CHUNK_ROWS)).toBe(rows - 1);
    expect(reads).toEqual([
      [0, CHUNK_ROWS],
      [CHUNK_ROWS, CHUNK_ROWS],
      [CHUNK_ROWS * 2, 5],
    ]);
    reads.length = 0;
    expect(await findRowById(read, "R3", rows, CHUNK_ROWS)).toBe(3);
    expect(reads).toHaveLength(1);
    expect(await findRowById(read, "nobody", rows, CHUNK_ROWS)).toBeUndefined();
    expect(await findRowById(read, "R3", rows, CHUNK_ROWS, () => true)).toBeUndefined();
  });

  it("maps a stored row to where it shows in a sorted or filtered view", () => {
    expect(displayedRow(7, null)).toBe(7);
    expect(displayedRow(7, Uint32Array.from([9, 7, 1]))).toBe(1);
    expect(displayedRow(5, Uint32Array.from([9, 7, 1]))).toBe(-1);
  });
});
