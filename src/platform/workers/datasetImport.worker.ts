/// <reference lib="webworker" />
// Reads, checks and encodes an imported dataset off the main thread (datasets/importRecords.ts):
// parsing a million rows and validating them against the dataset schema must never freeze the tab.
import { ackQueue, handleImport } from "./datasetImportHandler";
import type { ImportReply, ImportRequest } from "./datasetImportProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const acks = ackQueue();

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === "ack") {
    acks.received();
    return;
  }
  const post = (reply: ImportReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  handleImport(request, post, acks.next).catch((error: unknown) =>
    post({ type: "error", message: error instanceof Error ? error.message : String(error) }),
  );
};
