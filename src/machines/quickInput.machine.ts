import { assign, setup } from "xstate";

/** One option of a quick pick, as shown: label, a dimmer description, an optional second line. */
export interface QuickPickEntry {
  label: string;
  description?: string;
  detail?: string;
  /** Shown right-aligned (the palette shows keybindings here). */
  keybinding?: string;
  /** Extra text the filter matches besides the label (ids, the other language's title). */
  searchText?: string;
  /** A heading shown above this entry ("recently used", "other commands"). */
  group?: string;
}

export interface PickRequest {
  mode: "pick";
  title?: string;
  placeholder?: string;
  items: QuickPickEntry[];
  /** The option active when the pick opens (the current or most recent choice). */
  activeIndex?: number;
  /** Called once, with the index into `items` of the accepted entry, or undefined when cancelled. */
  resolve(index: number | undefined): void;
}

export interface InputRequest {
  mode: "input";
  title?: string;
  prompt?: string;
  placeholder?: string;
  value?: string;
  /** A message when the value cannot be accepted; Enter is refused while there is one. */
  validate?(value: string): string | undefined;
  resolve(value: string | undefined): void;
}

export interface QuickInputContext {
  request: PickRequest | InputRequest | null;
  /** What the user typed: the filter of a pick, the value of an input. */
  text: string;
  /** Index into the visible (filtered) entries. */
  activeIndex: number;
  validation: string | undefined;
}

export type QuickInputEvent =
  | { type: "quickInput.show"; request: PickRequest | InputRequest }
  | { type: "quickInput.type"; text: string }
  | { type: "quickInput.move"; delta: number; visibleCount: number }
  | { type: "quickInput.setActive"; index: number }
  /** `itemIndex` is the index into the request's items of the entry accepted (from the visible list). */
  | { type: "quickInput.accept"; itemIndex?: number }
  | { type: "quickInput.cancel" };

function settle(request: QuickInputContext["request"], answer: number | string | undefined): void {
  if (!request) return;
  if (request.mode === "pick") request.resolve(typeof answer === "number" ? answer : undefined);
  else request.resolve(typeof answer === "string" ? answer : undefined);
}

/**
 * The quick input (palette, quick open, every quick pick and text prompt): one at a time, as in
 * VS Code. Showing a new one cancels the open one, so every caller's promise settles exactly once.
 */
export const quickInputMachine = setup({
  types: {} as { context: QuickInputContext; events: QuickInputEvent },
  actions: {
    cancelOpen: ({ context }) => settle(context.request, undefined),
  },
}).createMachine({
  id: "quickInput",
  context: { request: null, text: "", activeIndex: 0, validation: undefined },
  initial: "closed",
  on: {
    "quickInput.show": {
      target: ".open",
      reenter: true,
      actions: [
        "cancelOpen",
        assign(({ event }) => ({
          request: event.request,
          text: event.request.mode === "input" ? (event.request.value ?? "") : "",
          activeIndex: event.request.mode === "pick" ? (event.request.activeIndex ?? 0) : 0,
          validation:
            event.request.mode === "input" ? event.request.validate?.(event.request.value ?? "") : undefined,
        })),
      ],
    },
  },
  states: {
    closed: {
      entry: assign({ request: null, text: "", activeIndex: 0, validation: undefined }),
    },
    open: {
      on: {
        "quickInput.type": {
          actions: assign(({ context, event }) => ({
            text: event.text,
            activeIndex: 0,
            validation:
              context.request?.mode === "input" ? context.request.validate?.(event.text) : undefined,
          })),
        },
        "quickInput.move": {
          actions: assign({
            activeIndex: ({ context, event }) =>
              event.visibleCount === 0
                ? 0
                : (context.activeIndex + event.delta + event.visibleCount) % event.visibleCount,
          }),
        },
        "quickInput.setActive": { actions: assign({ activeIndex: ({ event }) => event.index }) },
        "quickInput.accept": {
          // An input with a validation message stays open; a pick needs an entry to accept.
          guard: ({ context, event }) => {
            const request = context.request;
            if (!request) return false;
            if (request.mode === "input") return context.validation === undefined;
            return event.itemIndex !== undefined;
          },
          target: "closed",
          actions: ({ context, event }) => {
            const request = context.request;
            if (request?.mode === "input") request.resolve(context.text);
            else request?.resolve(event.itemIndex);
          },
        },
        "quickInput.cancel": { target: "closed", actions: "cancelOpen" },
      },
    },
  },
});
