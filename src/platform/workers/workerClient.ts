/** The minimal Worker surface a request client uses, so tests can hand in a fake. */
export interface RequestWorker<Request, Reply> {
  postMessage(message: { id: number; request: Request }, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** What a worker answers: the request's number and its value or error message. */
export type WorkerReply<Value> =
  { id: number; ok: true; value: Value } | { id: number; ok: false; error: string };

/**
 * Numbered requests to a Web Worker started on first use, answered in any order. A worker that dies
 * fails what it had in hand (with its message, or `stopped`) and is started again on the next request.
 */
export function workerClient<Request, Value>(
  start: () => RequestWorker<Request, WorkerReply<Value>>,
  stopped: string,
): {
  /** `transfer`: buffers moved to the worker with the request instead of copied. */
  ask<T extends Value>(request: Request, transfer?: Transferable[]): Promise<T>;
  dispose(reason: string): void;
} {
  let worker: RequestWorker<Request, WorkerReply<Value>> | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (value: Value) => void; reject: (error: Error) => void }>();
  const failAll = (reason: string) => {
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };
  const ensure = () => {
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
      failAll(event.message || stopped);
    };
    worker = started;
    return started;
  };
  return {
    ask: <T extends Value>(request: Request, transfer: Transferable[] = []) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve: resolve as (value: Value) => void, reject });
        ensure().postMessage({ id, request }, transfer);
      }),
    dispose(reason) {
      worker?.terminate();
      worker = undefined;
      failAll(reason);
    },
  };
}
