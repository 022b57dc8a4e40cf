/// <reference lib="webworker" />
// Generates a synthetic dataset off the main thread: a million records take tens of seconds of CPU.
import { estimateGeneratedBytes, handleGenerate } from "./generateHandler";
import type { GenerateReply, GenerateRequest } from "./generateProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
let acked: (() => void) | undefined;

scope.onmessage = (event: MessageEvent<GenerateRequest>) => {
  const request = event.data;
  if (request.type === "ack") {
    acked?.();
    acked = undefined;
    return;
  }
  const post = (reply: GenerateReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  if (request.type === "estimate") {
    try {
      post({ type: "estimated", bytes: estimateGeneratedBytes(request.spec) });
    } catch (error) {
      post({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  handleGenerate(
    request.spec,
    post,
    () => new Promise<void>((resolve) => (acked = resolve)),
    request.part,
  ).catch((error: unknown) =>
    post({ type: "error", message: error instanceof Error ? error.message : String(error) }),
  );
};
