import { assign, setup } from "xstate";
import type { Severity } from "../engine";

/** An action button in a notification (Undo, Show, Retry). */
export interface NotificationAction {
  label: string;
  run(): void;
}

export interface Notification {
  id: number;
  severity: Severity;
  message: string;
  actions: NotificationAction[];
}

export interface NotificationsContext {
  items: Notification[];
  nextId: number;
}

export type NotificationsEvent =
  | { type: "notification.show"; severity: Severity; message: string; actions?: NotificationAction[] }
  | { type: "notification.dismiss"; id: number }
  | { type: "notification.runAction"; id: number; index: number };

/** Toasts: at most five at a time, the oldest dropped first. */
export const notificationsMachine = setup({
  types: {} as { context: NotificationsContext; events: NotificationsEvent },
}).createMachine({
  id: "notifications",
  context: { items: [], nextId: 1 },
  on: {
    "notification.show": {
      actions: assign(({ context, event }) => ({
        items: [
          ...context.items,
          {
            id: context.nextId,
            severity: event.severity,
            message: event.message,
            actions: event.actions ?? [],
          },
        ].slice(-5),
        nextId: context.nextId + 1,
      })),
    },
    "notification.dismiss": {
      actions: assign({ items: ({ context, event }) => context.items.filter((n) => n.id !== event.id) }),
    },
    "notification.runAction": {
      actions: [
        ({ context, event }) => context.items.find((n) => n.id === event.id)?.actions[event.index]?.run(),
        assign({ items: ({ context, event }) => context.items.filter((n) => n.id !== event.id) }),
      ],
    },
  },
});
