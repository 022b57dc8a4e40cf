import {
  handleStatement,
  type StatementEnvelope,
  type StatementReply,
  type StatementRequest,
  type StatementWorkerReply,
  type SweepReply,
  type SweepRequest,
} from "./statementProtocol";

/** Statements and sweeps, run where they cannot block the page. */
export interface StatementService {
  statement(request: Omit<StatementRequest, "type">): Promise<StatementReply>;
  sweep(request: Omit<SweepRequest, "type">): Promise<SweepReply>;
  dispose(): void;
}

/** The service in this thread: for tests, and where workers cannot start. */
export function createInlineStatementService(): StatementService {
  return {
    statement: async (r) => (await handleStatement({ type: "statement", ...r })) as StatementReply,
    sweep: async (r) => (await handleStatement({ type: "sweep", ...r })) as SweepReply,
    dispose: () => undefined,
  };
}

interface WorkerLike {
  postMessage(message: StatementEnvelope): void;
  onmessage: ((event: MessageEvent<StatementWorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * The service over a Web Worker started on first use; a worker that dies fails what it had in hand
 * and is started again on the next request.
 */
export function createWorkerStatementService(
  start: () => WorkerLike = () =>
    new Worker(new URL("./statement.worker.ts", import.meta.url), { type: "module" }),
): StatementService {
  let worker: WorkerLike | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      started.terminate();
      worker = undefined;
      for (const { reject } of pending.values())
        reject(new Error(event.message || "the statement worker stopped"));
      pending.clear();
    };
    worker = started;
    return started;
  };
  const ask = <T>(request: StatementEnvelope["request"]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      ensure().postMessage({ id, request });
    });
  return {
    statement: (r) => ask<StatementReply>({ type: "statement", ...r }),
    sweep: (r) => ask<SweepReply>({ type: "sweep", ...r }),
    dispose() {
      worker?.terminate();
      worker = undefined;
    },
  };
}
