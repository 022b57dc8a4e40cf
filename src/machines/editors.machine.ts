import { assign, setup } from "xstate";

/** What an editor shows: a kind (`rule`, `manifest`, `dataset`, `keybindings`, …) and a resource id. */
export interface EditorInput {
  kind: string;
  resource: string;
}

/** The key of an input inside a group: one tab per input per group. */
export const editorKey = (input: EditorInput): string => `${input.kind}:${input.resource}`;

export interface EditorTab {
  input: EditorInput;
  /** False for the preview tab (italic title, replaced by the next preview), as in VS Code. */
  pinned: boolean;
}

export interface EditorGroup {
  tabs: EditorTab[];
  /** Key of the group's active tab, or null when the group is empty. */
  active: string | null;
}

export interface EditorsContext {
  groups: EditorGroup[];
  /** Index of the group that has focus and receives opens. */
  activeGroup: number;
  /** Most recently closed first, for `View: Reopen Closed Editor`. */
  closed: { input: EditorInput; group: number }[];
  /** Per editor key: what the editor saved of itself (cursor, scroll) to restore after a reload. */
  viewStates: Record<string, unknown>;
}

/** What is persisted and restored across reloads. */
export type EditorsSnapshot = Pick<EditorsContext, "groups" | "activeGroup" | "viewStates">;

export type EditorsEvent =
  | { type: "editor.open"; input: EditorInput; preview?: boolean; group?: number }
  | { type: "editor.pin"; key: string; group?: number }
  | { type: "editor.activate"; key: string; group: number }
  | { type: "editor.close"; key: string; group: number }
  | { type: "editor.closeActive" }
  | { type: "editor.closeResource"; input: EditorInput }
  | { type: "editor.replaceResource"; from: EditorInput; to: EditorInput }
  | { type: "editor.move"; group: number; from: number; to: number }
  | { type: "editor.moveActive"; delta: number }
  | { type: "editor.focusGroup"; group: number }
  | { type: "editor.split" }
  | { type: "editor.reopenClosed" }
  | { type: "editor.viewState"; key: string; state: unknown };

const MAX_GROUPS = 4;
const MAX_CLOSED = 20;

const emptyGroup = (): EditorGroup => ({ tabs: [], active: null });

function withGroup(context: EditorsContext, index: number, group: EditorGroup): EditorGroup[] {
  return context.groups.map((g, i) => (i === index ? group : g));
}

/** Drops empty groups other than the first, keeping `activeGroup` pointing at the same group. */
function compact(
  context: EditorsContext,
  groups: EditorGroup[],
  activeGroup: number,
): Partial<EditorsContext> {
  const kept = groups.filter((g, i) => i === 0 || g.tabs.length > 0);
  if (kept.length === groups.length) return { groups, activeGroup };
  const removedBefore = groups.slice(0, activeGroup).filter((g, i) => i !== 0 && g.tabs.length === 0).length;
  const stillThere = activeGroup === 0 || groups[activeGroup]!.tabs.length > 0;
  const next = stillThere ? activeGroup - removedBefore : Math.max(0, activeGroup - removedBefore - 1);
  return { groups: kept, activeGroup: Math.min(next, kept.length - 1) };
}

/** Opens `input` in group `index`: activates an existing tab, reuses the preview slot, or appends. */
export function openIn(group: EditorGroup, input: EditorInput, preview: boolean): EditorGroup {
  const key = editorKey(input);
  const existing = group.tabs.find((t) => editorKey(t.input) === key);
  if (existing) {
    const tabs =
      preview || existing.pinned
        ? group.tabs
        : group.tabs.map((t) => (t === existing ? { ...t, pinned: true } : t));
    return { tabs, active: key };
  }
  const tab: EditorTab = { input, pinned: !preview };
  const previewIndex = group.tabs.findIndex((t) => !t.pinned);
  if (preview && previewIndex >= 0) {
    const tabs = group.tabs.map((t, i) => (i === previewIndex ? tab : t));
    return { tabs, active: key };
  }
  const activeIndex = group.tabs.findIndex((t) => editorKey(t.input) === group.active);
  const tabs = [...group.tabs];
  tabs.splice(activeIndex + 1, 0, tab);
  return { tabs, active: key };
}

/** Closes the tab `key`; the neighbour to the right (or else the left) becomes active, as in VS Code. */
export function closeIn(group: EditorGroup, key: string): EditorGroup {
  const index = group.tabs.findIndex((t) => editorKey(t.input) === key);
  if (index < 0) return group;
  const tabs = group.tabs.filter((_, i) => i !== index);
  if (group.active !== key) return { tabs, active: group.active };
  const neighbour = tabs[index] ?? tabs[index - 1];
  return { tabs, active: neighbour ? editorKey(neighbour.input) : null };
}

/**
 * Editor groups and their tabs: open (preview or pinned), pin, close, reorder, split right, reopen
 * closed, and each editor's view state. Pure context transitions, so restoring after a reload is
 * starting the machine with the saved snapshot as input.
 */
export const editorsMachine = setup({
  types: {} as {
    context: EditorsContext;
    events: EditorsEvent;
    input: Partial<EditorsSnapshot> | undefined;
  },
}).createMachine({
  id: "editors",
  context: ({ input }) => {
    const groups = input?.groups?.length ? input.groups : [emptyGroup()];
    return {
      groups,
      activeGroup: Math.min(Math.max(0, input?.activeGroup ?? 0), groups.length - 1),
      closed: [],
      viewStates: input?.viewStates ?? {},
    };
  },
  on: {
    "editor.open": {
      actions: assign(({ context, event }) => {
        const index = Math.min(event.group ?? context.activeGroup, context.groups.length - 1);
        const group = openIn(context.groups[index]!, event.input, event.preview ?? false);
        return { groups: withGroup(context, index, group), activeGroup: index };
      }),
    },
    "editor.pin": {
      actions: assign(({ context, event }) => ({
        groups: context.groups.map((g, i) =>
          event.group !== undefined && event.group !== i
            ? g
            : {
                ...g,
                tabs: g.tabs.map((t) => (editorKey(t.input) === event.key ? { ...t, pinned: true } : t)),
              },
        ),
      })),
    },
    "editor.activate": {
      guard: ({ context, event }) =>
        context.groups[event.group]?.tabs.some((t) => editorKey(t.input) === event.key) ?? false,
      actions: assign(({ context, event }) => ({
        groups: withGroup(context, event.group, { ...context.groups[event.group]!, active: event.key }),
        activeGroup: event.group,
      })),
    },
    "editor.close": {
      actions: assign(({ context, event }) => {
        const group = context.groups[event.group];
        const tab = group?.tabs.find((t) => editorKey(t.input) === event.key);
        if (!group || !tab) return {};
        const groups = withGroup(context, event.group, closeIn(group, event.key));
        return {
          ...compact(context, groups, context.activeGroup),
          closed: [{ input: tab.input, group: event.group }, ...context.closed].slice(0, MAX_CLOSED),
        };
      }),
    },
    "editor.closeActive": {
      actions: assign(({ context }) => {
        const group = context.groups[context.activeGroup]!;
        const tab = group.tabs.find((t) => editorKey(t.input) === group.active);
        if (!tab) return compact(context, context.groups, context.activeGroup);
        const groups = withGroup(context, context.activeGroup, closeIn(group, group.active!));
        return {
          ...compact(context, groups, context.activeGroup),
          closed: [{ input: tab.input, group: context.activeGroup }, ...context.closed].slice(0, MAX_CLOSED),
        };
      }),
    },
    "editor.closeResource": {
      actions: assign(({ context, event }) => {
        const key = editorKey(event.input);
        const groups = context.groups.map((g) => closeIn(g, key));
        return compact(context, groups, context.activeGroup);
      }),
    },
    "editor.replaceResource": {
      actions: assign(({ context, event }) => {
        const from = editorKey(event.from);
        const to = editorKey(event.to);
        const { [from]: moved, ...viewStates } = context.viewStates;
        return {
          groups: context.groups.map((g) => ({
            tabs: g.tabs.map((t) => (editorKey(t.input) === from ? { ...t, input: event.to } : t)),
            active: g.active === from ? to : g.active,
          })),
          viewStates: moved === undefined ? viewStates : { ...viewStates, [to]: moved },
        };
      }),
    },
    "editor.move": {
      actions: assign(({ context, event }) => {
        const group = context.groups[event.group];
        if (!group || event.from === event.to) return {};
        const tabs = [...group.tabs];
        const [tab] = tabs.splice(event.from, 1);
        if (!tab) return {};
        tabs.splice(Math.max(0, Math.min(event.to, tabs.length)), 0, tab);
        return { groups: withGroup(context, event.group, { ...group, tabs }) };
      }),
    },
    "editor.moveActive": {
      actions: assign(({ context, event }) => {
        const group = context.groups[context.activeGroup]!;
        const from = group.tabs.findIndex((t) => editorKey(t.input) === group.active);
        if (from < 0) return {};
        const to = Math.max(0, Math.min(group.tabs.length - 1, from + event.delta));
        const tabs = [...group.tabs];
        const [tab] = tabs.splice(from, 1);
        tabs.splice(to, 0, tab!);
        return { groups: withGroup(context, context.activeGroup, { ...group, tabs }) };
      }),
    },
    "editor.focusGroup": {
      guard: ({ context, event }) => event.group >= 0 && event.group < context.groups.length,
      actions: assign({ activeGroup: ({ event }) => event.group }),
    },
    "editor.split": {
      guard: ({ context }) => context.groups[context.activeGroup]!.active !== null,
      actions: assign(({ context }) => {
        const source = context.groups[context.activeGroup]!;
        const tab = source.tabs.find((t) => editorKey(t.input) === source.active)!;
        const pinned: EditorTab = { input: tab.input, pinned: true };
        if (context.groups.length >= MAX_GROUPS || context.activeGroup < context.groups.length - 1) {
          // Split into the existing group to the right rather than adding another.
          const target =
            context.activeGroup + 1 < context.groups.length ? context.activeGroup + 1 : context.activeGroup;
          const group = openIn(context.groups[target]!, pinned.input, false);
          return { groups: withGroup(context, target, group), activeGroup: target };
        }
        const groups = [...context.groups, { tabs: [pinned], active: source.active }];
        return { groups, activeGroup: groups.length - 1 };
      }),
    },
    "editor.reopenClosed": {
      guard: ({ context }) => context.closed.length > 0,
      actions: assign(({ context }) => {
        const [last, ...rest] = context.closed;
        const index = Math.min(last!.group, context.groups.length - 1);
        const group = openIn(context.groups[index]!, last!.input, false);
        return { groups: withGroup(context, index, group), activeGroup: index, closed: rest };
      }),
    },
    "editor.viewState": {
      actions: assign({
        viewStates: ({ context, event }) => ({ ...context.viewStates, [event.key]: event.state }),
      }),
    },
  },
});

/** The part of the context worth keeping across reloads (closed-editor history is per session). */
export function editorsSnapshot(context: EditorsContext): EditorsSnapshot {
  // View states of editors no longer open are dropped so the snapshot does not grow forever.
  const open = new Set(context.groups.flatMap((g) => g.tabs.map((t) => editorKey(t.input))));
  const viewStates = Object.fromEntries(Object.entries(context.viewStates).filter(([key]) => open.has(key)));
  return { groups: context.groups, activeGroup: context.activeGroup, viewStates };
}

/** The input of the active tab of the active group, if any. */
export function activeEditor(context: EditorsContext): EditorInput | undefined {
  const group = context.groups[context.activeGroup];
  return group?.tabs.find((t) => editorKey(t.input) === group.active)?.input;
}
