import type { RunTable } from "../../engine";
import type { SimulationOutcome } from "./runSimulation";

/**
 * A run's outcome cut into messages for the page: the outcome without the table's columns first,
 * then one column (or a slice of the record errors) per message. The page receives each message in
 * its own task, so taking in a million rows' results never blocks it for long; a whole outcome in one
 * message is deserialised in one task (over a second for 100,000 rows).
 */
export type OutcomePiece =
  | { kind: "head"; outcome: SimulationOutcome }
  | { kind: "ids"; values: unknown[] }
  | { kind: "out" | "pop" | "fields"; key: string; values: unknown[] }
  | { kind: "errors"; errors: RunTable["errors"] };

/** Errors per message. */
const ERRORS_PER_PIECE = 5_000;

export function outcomePieces(outcome: SimulationOutcome): OutcomePiece[] {
  const { table } = outcome;
  const bare: RunTable = { ...table, ids: [], out: {}, pop: {}, fields: {}, errors: [] };
  const pieces: OutcomePiece[] = [{ kind: "head", outcome: { ...outcome, table: bare } }];
  pieces.push({ kind: "ids", values: table.ids });
  for (const kind of ["out", "pop", "fields"] as const)
    for (const [key, values] of Object.entries(table[kind])) pieces.push({ kind, key, values });
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
    if (piece.kind === "ids") table.ids = piece.values;
    else if (piece.kind === "errors") for (const e of piece.errors) table.errors.push(e);
    else table[piece.kind][piece.key] = piece.values;
  }

  /** The outcome, once every piece has arrived. */
  result(): SimulationOutcome | undefined {
    return this.outcome;
  }
}
