import { assign, setup } from "xstate";

export interface ConfirmRequest {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
  /** A destructive confirm button is styled as a warning, and Cancel is the default button. */
  destructive?: boolean;
  resolve(confirmed: boolean): void;
}

export interface DialogsContext {
  queue: ConfirmRequest[];
}

export type DialogsEvent =
  { type: "dialog.confirm"; request: ConfirmRequest } | { type: "dialog.answer"; confirmed: boolean };

/** Modal confirmations, one at a time; later requests wait their turn. */
export const dialogsMachine = setup({
  types: {} as { context: DialogsContext; events: DialogsEvent },
}).createMachine({
  id: "dialogs",
  context: { queue: [] },
  on: {
    "dialog.confirm": {
      actions: assign({ queue: ({ context, event }) => [...context.queue, event.request] }),
    },
    "dialog.answer": {
      guard: ({ context }) => context.queue.length > 0,
      actions: [
        ({ context, event }) => context.queue[0]!.resolve(event.confirmed),
        assign({ queue: ({ context }) => context.queue.slice(1) }),
      ],
    },
  },
});
