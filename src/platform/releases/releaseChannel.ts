/** The BroadcastChannel on which the tabs of one profile say that the stored releases changed. */
export const RELEASE_CHANNEL = "crw-releases";

/** A release stored (by `Pack: Release…` or `Pack: Import…`) or deleted in some tab. */
export interface ReleaseMessage {
  type: "release.stored" | "release.deleted";
  /** `name@version`. */
  id: string;
}

/** The tab's end of the release channel. */
export interface ReleaseChannel {
  post(message: ReleaseMessage): void;
  /** Calls `listener` with every message another tab posts; returns the unsubscriber. */
  subscribe(listener: (message: ReleaseMessage) => void): () => void;
  close(): void;
}

/**
 * Whether a value received is a message this build understands; another tab may run another build,
 * so anything else is ignored. Releases are read again from IndexedDB on a message, never taken from
 * it: the message only says when to look.
 */
export function isReleaseMessage(value: unknown): value is ReleaseMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (m.type === "release.stored" || m.type === "release.deleted") && typeof m.id === "string";
}

/**
 * Opens the release channel. Without BroadcastChannel the tab works alone (it sees other tabs'
 * releases on its next refresh), and a release is still refused if its version was stored meanwhile.
 */
export function createReleaseChannel(name: string = RELEASE_CHANNEL): ReleaseChannel {
  if (typeof BroadcastChannel === "undefined")
    return { post: () => undefined, subscribe: () => () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: ReleaseMessage) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isReleaseMessage(event.data)) return;
    for (const listener of [...listeners]) listener(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
    },
  };
}
