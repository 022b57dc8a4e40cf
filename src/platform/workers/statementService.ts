import {
  handleStatement,
  type ReasonsReply,
  type ReasonsRequest,
  type StatementReply,
  type StatementRequest,
  type StatementWorkerReply,
  type StatementWorkerRequest,
  type SweepReply,
  type SweepRequest,
} from "./statementProtocol";
import { workerClient, type RequestWorker } from "./workerClient";

/** Statements and sweeps, run where they cannot block the page. */
export interface StatementService {
  statement(request: Omit<StatementRequest, "type">): Promise<StatementReply>;
  sweep(request: Omit<SweepRequest, "type">): Promise<SweepReply>;
  /** Why moved records moved between two kept runs (Compare with Baseline). */
  reasons(request: Omit<ReasonsRequest, "type">): Promise<ReasonsReply>;
  dispose(): void;
}

/** The service in this thread: for tests, and where workers cannot start. */
export function createInlineStatementService(): StatementService {
  return {
    statement: async (r) => (await handleStatement({ type: "statement", ...r })) as StatementReply,
    sweep: async (r) => (await handleStatement({ type: "sweep", ...r })) as SweepReply,
    reasons: async (r) => (await handleStatement({ type: "reasons", ...r })) as ReasonsReply,
    dispose: () => undefined,
  };
}

/**
 * The service over a Web Worker started on first use; a worker that dies fails what it had in hand
 * and is started again on the next request.
 */
export function createWorkerStatementService(
  start: () => RequestWorker<StatementWorkerRequest, StatementWorkerReply> = () =>
    new Worker(new URL("./statement.worker.ts", import.meta.url), { type: "module" }),
): StatementService {
  const client = workerClient<StatementWorkerRequest, StatementReply | SweepReply | ReasonsReply>(
    start,
    "the statement worker stopped",
  );
  return {
    statement: (r) => client.ask<StatementReply>({ type: "statement", ...r }),
    sweep: (r) => client.ask<SweepReply>({ type: "sweep", ...r }),
    reasons: (r) => client.ask<ReasonsReply>({ type: "reasons", ...r }),
    dispose: () => client.dispose("the statement service was disposed"),
  };
}
