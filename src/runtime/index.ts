/**
 * Public entry of the embeddable runtime (`npm run build:runtime` bundles it into dist/runtime/): load a
 * released pack and evaluate records exactly as `crw eval` does, in a Node service or batch job.
 * Pure like the engine it sits on (no Node built-ins, no DOM), so it runs in workers too.
 */
export { loadPack } from "./loadPack";
export { RuntimeError, type RuntimeErrorCode } from "./errors";
export type * from "./types";
