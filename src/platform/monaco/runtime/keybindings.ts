import { monaco } from "./monaco";
import type { EditorKeyPress } from "../api";

const { KeyCode, KeyMod } = monaco;

/** Named keys of the workbench's keybinding texts and Monaco's code for each. */
const namedKeys: Record<string, monaco.KeyCode> = {
  enter: KeyCode.Enter,
  escape: KeyCode.Escape,
  delete: KeyCode.Delete,
  backspace: KeyCode.Backspace,
  tab: KeyCode.Tab,
  space: KeyCode.Space,
  up: KeyCode.UpArrow,
  down: KeyCode.DownArrow,
  left: KeyCode.LeftArrow,
  right: KeyCode.RightArrow,
  pageup: KeyCode.PageUp,
  pagedown: KeyCode.PageDown,
  home: KeyCode.Home,
  end: KeyCode.End,
  "\\": KeyCode.Backslash,
  ",": KeyCode.Comma,
  ".": KeyCode.Period,
  "/": KeyCode.Slash,
  "[": KeyCode.BracketLeft,
  "]": KeyCode.BracketRight,
  "-": KeyCode.Minus,
  "=": KeyCode.Equal,
  "`": KeyCode.Backquote,
  ";": KeyCode.Semicolon,
  "'": KeyCode.Quote,
};

function keyCodeOf(key: string): monaco.KeyCode | undefined {
  if (/^[a-z]$/.test(key)) return KeyCode.KeyA + (key.charCodeAt(0) - 97);
  if (/^[0-9]$/.test(key)) return KeyCode.Digit0 + (key.charCodeAt(0) - 48);
  const f = /^f([1-9]|1[0-9])$/.exec(key);
  if (f) return KeyCode.F1 + Number(f[1]) - 1;
  return namedKeys[key];
}

// Monaco's CtrlCmd is Cmd on macOS and Ctrl elsewhere; WinCtrl is the other one. The workbench
// reads `ctrlKey` and `metaKey` literally, so map them per platform.
const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

function pressCode(press: EditorKeyPress): number | undefined {
  const key = keyCodeOf(press.key);
  if (key === undefined) return undefined;
  let code: number = key;
  if (press.ctrl) code |= isMac ? KeyMod.WinCtrl : KeyMod.CtrlCmd;
  if (press.meta) code |= isMac ? KeyMod.CtrlCmd : KeyMod.WinCtrl;
  if (press.shift) code |= KeyMod.Shift;
  if (press.alt) code |= KeyMod.Alt;
  return code;
}

/** Monaco's keybinding number for one press or a chord of two; undefined for keys it cannot name. */
export function monacoKeybinding(presses: readonly EditorKeyPress[]): number | undefined {
  const codes = presses.map(pressCode);
  if (codes.some((c) => c === undefined) || codes.length === 0 || codes.length > 2) return undefined;
  return codes.length === 1 ? codes[0] : KeyMod.chord(codes[0]!, codes[1]!);
}
