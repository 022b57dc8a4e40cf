import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import JsonWorker from "monaco-editor/language/json/json.worker?worker";

/**
 * Tells Monaco how to start its workers: same-origin module workers that Vite bundles from the
 * `?worker` imports above (no blob: or data: URLs, so a `default-src 'self'` CSP allows them).
 */
export function installWorkers(): void {
  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      return label === "json" ? new JsonWorker() : new EditorWorker();
    },
  };
}
