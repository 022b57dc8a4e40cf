/** The BroadcastChannel every tab of the workbench on one profile shares. */
export const WORKSPACE_CHANNEL = "crw-workspace";

/** What one tab tells the others (and its own listeners) after it changed stored documents. */
export type WorkspaceMessage =
  | { type: "document.saved"; uri: string; revision: number; text: string }
  | { type: "document.created"; uri: string }
  | { type: "document.deleted"; uri: string }
  | { type: "document.renamed"; from: string; to: string; revision: number };

/**
 * Where a message came from: `save` is a document's own save in this tab (its editor knows the
 * text already), `local` another change made in this tab (a rename updating a manifest), `remote`
 * another tab.
 */
export type MessageOrigin = "save" | "local" | "remote";

export type WorkspaceListener = (message: WorkspaceMessage, origin: MessageOrigin) => void;

/** The tab's end of the channel. */
export interface WorkspaceChannel {
  post(message: WorkspaceMessage): void;
  /** Calls `listener` with every message another tab posts; returns the unsubscriber. */
  subscribe(listener: (message: WorkspaceMessage) => void): () => void;
  close(): void;
}

const isString = (v: unknown): v is string => typeof v === "string";

/**
 * Whether a value received is a message this build understands. Another tab may run an older or
 * newer build, so anything else is ignored rather than trusted.
 */
export function isWorkspaceMessage(value: unknown): value is WorkspaceMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case "document.saved":
      return isString(m.uri) && typeof m.revision === "number" && isString(m.text);
    case "document.created":
    case "document.deleted":
      return isString(m.uri);
    case "document.renamed":
      return isString(m.from) && isString(m.to) && typeof m.revision === "number";
    default:
      return false;
  }
}

/**
 * Opens the workspace channel. Where BroadcastChannel is missing (very old browsers) the tab works
 * alone: posts go nowhere and nothing arrives, and optimistic concurrency still stops lost saves.
 */
export function createWorkspaceChannel(name: string = WORKSPACE_CHANNEL): WorkspaceChannel {
  if (typeof BroadcastChannel === "undefined") {
    return { post: () => undefined, subscribe: () => () => undefined, close: () => undefined };
  }
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: WorkspaceMessage) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isWorkspaceMessage(event.data)) return;
    for (const listener of [...listeners]) listener(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      channel.close();
    },
  };
}
