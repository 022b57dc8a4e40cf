/// <reference lib="webworker" />
// One part of a simulation's rows, started by the simulation worker (one per further core): prepares
// the pack while the run's own thread reads the first part, then reads its rows' columns, runs the
// rules that need no population operator and hands back the held columns by transfer (readPart.ts).
// It ends with the simulation worker, which terminates it on cancel.
import type { LocalizedText } from "../../base";
import { createIndexedDbRepositories } from "../storage/indexedDbRepositories";
import { resolvePackSource } from "../simulation/packSource";
import { readPart } from "../simulation/readPart";
import type { PartMessage, PartReply } from "./simulationProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

function textOf(error: unknown): LocalizedText {
  if (error && typeof error === "object" && "text" in error) return (error as { text: LocalizedText }).text;
  const message = error instanceof Error ? error.message : String(error);
  return { en: message, "zh-CN": message };
}

let opened:
  | { order: Extract<PartMessage, { type: "open" }>; prepared: ReturnType<typeof resolvePackSource> }
  | undefined;

scope.onmessage = (event: MessageEvent<PartMessage>) => {
  const message = event.data;
  if (message.type === "open") {
    const prepared = resolvePackSource(message.pack, true);
    prepared.catch(() => undefined);
    opened = { order: message, prepared };
    return;
  }
  const order = opened!.order;
  const repos = createIndexedDbRepositories(order.databaseName);
  void opened!.prepared
    .then(async (pack) => {
      const { result, transfer } = await readPart(repos.datasets, pack.prepared!, {
        datasetId: order.datasetId,
        paths: order.paths,
        range: order.range,
        chunkRows: order.chunkRows,
        params: message.params,
        ctx: message.ctx,
        countMismatches: message.countMismatches,
      });
      scope.postMessage({ type: "part", result } satisfies PartReply, transfer);
    })
    .catch((error: unknown) =>
      scope.postMessage({ type: "failed", error: textOf(error) } satisfies PartReply),
    )
    .finally(() => void repos.close());
};
