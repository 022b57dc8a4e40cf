import { describe, expect, it } from "vitest";
import {
  handleDatasetQuery,
  type DatasetQueryReply,
  type DatasetQueryRequest,
} from "../../../src/platform/workers/datasetQueryProtocol";
import {
  createWorkerDatasetQueryService,
  type DatasetQueryWorkerLike,
} from "../../../src/platform/workers/datasetQueryService";

/** Runs the handler as the worker would, recording what was transferred each way. */
function fakeWorker(log: { sent: Transferable[][] }): DatasetQueryWorkerLike {
  const worker: DatasetQueryWorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(message: { id: number; request: DatasetQueryRequest }, transfer: Transferable[]) {
      log.sent.push(transfer);
      const value = handleDatasetQuery(structuredClone(message.request));
      queueMicrotask(() =>
        worker.onmessage?.({
          data: { id: message.id, ok: true, value } satisfies DatasetQueryReply,
        } as MessageEvent<DatasetQueryReply>),
      );
    },
  };
  return worker;
}

describe("dataset query service", () => {
  it("transfers the projection's buffers to the worker and answers with the row order", async () => {
    const log = { sent: [] as Transferable[][] };
    const service = createWorkerDatasetQueryService(() => fakeWorker(log));
    const values = new Float64Array([3, 1, 2]);
    const order = await service.order(
      { start: 0, rows: 3, columns: [{ path: "n", type: "number", values }] },
      { sort: { path: "n", direction: "descending" }, filters: {} },
      "en",
    );
    expect([...order]).toEqual([0, 2, 1]);
    expect(log.sent[0]).toEqual([values.buffer]);
    const profile = await service.profile({ path: "n", type: "number", values: new Float64Array([1, 5]) }, 2);
    expect(profile).toMatchObject({ min: 1, max: 5, mean: 3, distinct: 2 });
  });
});
