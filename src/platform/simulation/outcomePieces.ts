import type { Eliminated, RunTable } from "../../engine";
import type { SimulationOutcome } from "./runSimulation";

/**
 * A run's outcome cut into messages for the page: the outcome without the table's columns first,
 * then a slice of one column (or of the record errors, or of the eliminated list) per message. The page receives each message in
 * its own task, so taking in a million rows' results never blocks it for long; a whole outcome in one
 * message is deserialised in one task (over a second for 100,000 rows).
 */
export type OutcomePiece =
  | { kind: "head"; outcome: SimulationOutcome }
  /** Rows `[start, start + values.length)` of the ids, or of one column of the table. */
  | { kind: "ids"; start: number; values: unknown[] }
  | { kind: "out" | "pop" | "fields"; key: string; start: number; values: unknown[] }
  | { kind: "errors"; errors: RunTable["errors"] }
  /** A slice of the report's list of eliminated records (each with the inputs that decided it). */
  | { kind: "eliminated"; list: Eliminated[] };

/** Errors, or eliminated records, per message. */
const ERRORS_PER_PIECE = 5_000;
const ELIMINATED_PER_PIECE = 2_000;
/** Rows of a column per message: each message is deserialised in a few milliseconds. */
const ROWS_PER_PIECE = 16_384;

export function outcomePieces(outcome: SimulationOutcome): OutcomePiece[] {
  const { table } = outcome;
  const bare: RunTable = { ...table, ids: [], out: {}, pop: {}, fields: {}, errors: [] };
  const { report } = outcome;
  const head: SimulationOutcome = {
    ...outcome,
    table: bare,
    report: { ...report, elimination: { ...report.elimination, list: [] } },
  };
  const pieces: OutcomePiece[] = [{ kind: "head", outcome: head }];
  const eliminated = report.elimination.list;
  for (let i = 0; i < eliminated.length; i += ELIMINATED_PER_PIECE)
    pieces.push({ kind: "eliminated", list: eliminated.slice(i, i + ELIMINATED_PER_PIECE) });
  const slices = (values: unknown[]) => {
    const out: { start: number; values: unknown[] }[] = [];
    for (let start = 0; start < values.length || start === 0; start += ROWS_PER_PIECE)
      out.push({ start, values: values.slice(start, start + ROWS_PER_PIECE) });
    return out;
  };
  for (const slice of slices(table.ids)) pieces.push({ kind: "ids", ...slice });
  for (const kind of ["out", "pop", "fields"] as const)
    for (const [key, values] of Object.entries(table[kind]))
      for (const slice of slices(values)) pieces.push({ kind, key, ...slice });
  for (let i = 0; i < table.errors.length; i += ERRORS_PER_PIECE)
    pieces.push({ kind: "errors", errors: table.errors.slice(i, i + ERRORS_PER_PIECE) });
  return pieces;
}

/** Puts the pieces back together, in the order {@link outcomePieces} made them. */
export class OutcomeAssembler {
  private outcome: SimulationOutcome | undefined;

  add(piece: OutcomePiece): void {
    if (piece.kind === "head") {
      this.outcome = piece.outcome;
      return;
    }
    const table = this.outcome?.table;
    if (!table) throw new Error("An outcome piece arrived before its head");
    if (piece.kind === "ids") OutcomeAssembler.put(table.ids, piece.start, piece.values);
    else if (piece.kind === "errors") for (const e of piece.errors) table.errors.push(e);
    else if (piece.kind === "eliminated") {
      const list = this.outcome!.report.elimination.list;
      for (const e of piece.list) list.push(e);
    } else OutcomeAssembler.put((table[piece.kind][piece.key] ??= []), piece.start, piece.values);
  }

  private static put(target: unknown[], start: number, values: readonly unknown[]): void {
    for (let i = 0; i < values.length; i++) target[start + i] = values[i];
  }

  /** The outcome, once every piece has arrived. */
  result(): SimulationOutcome | undefined {
    return this.outcome;
  }
}
