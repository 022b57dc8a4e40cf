/**
 * Stands in for monaco-editor's `internal/common/workers.js` when the JSON language starts its
 * worker (vite.config.ts redirects that one import here). The original does the same, but also
 * imports every editor feature of Monaco for its side effects, which would put all of them (inline
 * completions, GPU rendering, …) in the bundle although this app chose a few in ./monaco.ts.
 */
import { editor } from "monaco-editor/editor";

interface WorkerOptions {
  label?: string;
  moduleId?: string;
  createWorker?: () => Worker;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

function startWorker(options: WorkerOptions): Worker {
  const environment = self.MonacoEnvironment;
  const label = options.label ?? "monaco-editor-worker";
  if (environment?.getWorker) return environment.getWorker("workerMain.js", label) as Worker;
  if (options.createWorker) return options.createWorker();
  throw new Error("MonacoEnvironment.getWorker is not set: call installWorkers() before creating an editor.");
}

/** Starts a language worker and wraps it as Monaco's web worker proxy (same protocol as Monaco's own). */
export function createWebWorker(options: WorkerOptions) {
  const worker = Promise.resolve(startWorker(options)).then((w) => {
    w.postMessage("ignore");
    w.postMessage(options.createData);
    return w;
  });
  return editor.createWebWorker({
    worker,
    ...(options.host ? { host: options.host } : {}),
    ...(options.keepIdleModels !== undefined ? { keepIdleModels: options.keepIdleModels } : {}),
  });
}
