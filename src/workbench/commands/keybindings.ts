/**
 * Keybindings as VS Code writes them: `ctrl+shift+p`, `f1`, and chords of two presses
 * (`ctrl+k ctrl+t`). Pure functions over plain key descriptions, so the resolver is tested without a DOM.
 */
export interface KeyPress {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
  /** Lower-case key name: `a`, `f1`, `enter`, `\\`, `,`, `delete`, `pageup`. */
  key: string;
}

/** The parts of a `KeyboardEvent` the resolver reads. */
export interface KeyEventLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const keyAliases: Record<string, string> = {
  esc: "escape",
  del: "delete",
  return: "enter",
  " ": "space",
  arrowup: "up",
  arrowdown: "down",
  arrowleft: "left",
  arrowright: "right",
  backslash: "\\",
  comma: ",",
};

function normaliseKey(key: string): string {
  const lower = key.toLowerCase();
  return keyAliases[lower] ?? lower;
}

/** Parses one press such as `ctrl+shift+p`. */
export function parsePress(text: string): KeyPress {
  const parts = text.trim().toLowerCase().split("+");
  // `ctrl++` would split into an empty last part: the key is "+".
  const key = parts.at(-1) === "" ? "+" : parts.at(-1)!;
  const modifiers = new Set(parts.slice(0, -1));
  return {
    ctrl: modifiers.has("ctrl") || modifiers.has("cmdorctrl"),
    shift: modifiers.has("shift"),
    alt: modifiers.has("alt"),
    meta: modifiers.has("meta") || modifiers.has("cmd"),
    key: normaliseKey(key),
  };
}

/** Parses a binding into its presses (one, or two for a chord). */
export function parseKeybinding(text: string): KeyPress[] {
  return text.trim().split(/\s+/).map(parsePress);
}

/** Shifted punctuation keys report the shifted character; map back so `ctrl+shift+\\` still matches. */
const codeKeys: Record<string, string> = {
  Backslash: "\\",
  Comma: ",",
  Period: ".",
  Slash: "/",
  BracketLeft: "[",
  BracketRight: "]",
  Minus: "-",
  Equal: "=",
  Backquote: "`",
  Semicolon: ";",
  Quote: "'",
};

/** The press a keyboard event describes, or undefined for a bare modifier. */
export function pressOfEvent(event: KeyEventLike): KeyPress | undefined {
  if (["Control", "Shift", "Alt", "Meta"].includes(event.key)) return undefined;
  let key = normaliseKey(event.key);
  const code = event.code ?? "";
  if (codeKeys[code]) key = codeKeys[code];
  else if (/^Key[A-Z]$/.test(code)) key = code.slice(3).toLowerCase();
  else if (/^Digit[0-9]$/.test(code)) key = code.slice(5);
  return { ctrl: event.ctrlKey, shift: event.shiftKey, alt: event.altKey, meta: event.metaKey, key };
}

export function samePress(a: KeyPress, b: KeyPress): boolean {
  return a.key === b.key && a.ctrl === b.ctrl && a.shift === b.shift && a.alt === b.alt && a.meta === b.meta;
}

const keyLabels: Record<string, string> = {
  escape: "Escape",
  enter: "Enter",
  delete: "Delete",
  space: "Space",
  up: "UpArrow",
  down: "DownArrow",
  left: "LeftArrow",
  right: "RightArrow",
  pageup: "PageUp",
  pagedown: "PageDown",
  tab: "Tab",
  backspace: "Backspace",
};

/** How a binding is shown: `Ctrl+Shift+P`, `Ctrl+K Ctrl+T`. */
export function formatKeybinding(text: string): string {
  return parseKeybinding(text)
    .map((press) => {
      const parts: string[] = [];
      if (press.ctrl) parts.push("Ctrl");
      if (press.shift) parts.push("Shift");
      if (press.alt) parts.push("Alt");
      if (press.meta) parts.push("Meta");
      parts.push(
        keyLabels[press.key] ?? (press.key.length === 1 ? press.key.toUpperCase() : capital(press.key)),
      );
      return parts.join("+");
    })
    .join(" ");
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A registered binding: the command it runs, its presses, and its `when` clause. */
export interface Binding {
  commandId: string;
  presses: KeyPress[];
  when?: string;
}

export type Resolution =
  | { kind: "run"; commandId: string }
  | { kind: "chord"; first: KeyPress }
  | { kind: "unbound-chord"; first: KeyPress }
  | { kind: "none" };

/**
 * Decides what a press does, given the first press of a pending chord (if any). Bindings whose `when`
 * fails are skipped; the last registered binding wins, as in VS Code, so a part can override a default.
 */
export function resolvePress(
  bindings: readonly Binding[],
  press: KeyPress,
  pending: KeyPress | undefined,
  holds: (when: string | undefined) => boolean,
): Resolution {
  const live = bindings.filter((b) => holds(b.when));
  if (pending) {
    for (let i = live.length - 1; i >= 0; i--) {
      const b = live[i]!;
      if (b.presses.length === 2 && samePress(b.presses[0]!, pending) && samePress(b.presses[1]!, press))
        return { kind: "run", commandId: b.commandId };
    }
    return { kind: "unbound-chord", first: pending };
  }
  if (live.some((b) => b.presses.length === 2 && samePress(b.presses[0]!, press))) {
    return { kind: "chord", first: press };
  }
  for (let i = live.length - 1; i >= 0; i--) {
    const b = live[i]!;
    if (b.presses.length === 1 && samePress(b.presses[0]!, press))
      return { kind: "run", commandId: b.commandId };
  }
  return { kind: "none" };
}
