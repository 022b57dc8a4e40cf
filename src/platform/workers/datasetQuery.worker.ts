/// <reference lib="webworker" />
// Sorts, filters and profiles dataset columns off the main thread: a sort of 1,000,000 rows takes
// about a second, which in the page would freeze scrolling and typing.
import { handleDatasetQuery, type DatasetQueryReply, type DatasetQueryRequest } from "./datasetQueryProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ id: number; request: DatasetQueryRequest }>) => {
  const { id, request } = event.data;
  try {
    const value = handleDatasetQuery(request);
    // The order goes back by transfer, not copied.
    const transfer = value instanceof Uint32Array ? [value.buffer] : [];
    scope.postMessage({ id, ok: true, value } satisfies DatasetQueryReply, transfer);
  } catch (error) {
    scope.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    } satisfies DatasetQueryReply);
  }
};
