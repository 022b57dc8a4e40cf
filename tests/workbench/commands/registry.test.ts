import { describe, expect, it, vi } from "vitest";
import { CommandRegistry } from "../../../src/workbench/commands/registry";
import { ContextKeys } from "../../../src/workbench/commands/contextKeys";
import { evaluateWhen, compileWhen } from "../../../src/workbench/commands/when";
import {
  formatKeybinding,
  parseKeybinding,
  pressOfEvent,
  resolvePress,
} from "../../../src/workbench/commands/keybindings";
import type { CommandDefinition } from "../../../src/workbench/commands/command";

const command = (id: string, extra: Partial<CommandDefinition> = {}): CommandDefinition => ({
  id,
  title: { en: id },
  run: () => {},
  ...extra,
});

const key = (k: string, mods: Partial<Record<"ctrl" | "shift" | "alt" | "meta", boolean>> = {}) => ({
  key: k,
  ctrl: mods.ctrl ?? false,
  shift: mods.shift ?? false,
  alt: mods.alt ?? false,
  meta: mods.meta ?? false,
});

describe("command registry", () => {
  it("registers, lists in order, and a disposer removes exactly its command", () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const a = registry.register(command("a"));
    registry.register(command("b"));
    expect(registry.list().map((c) => c.id)).toEqual(["a", "b"]);
    a.dispose();
    a.dispose();
    expect(registry.list().map((c) => c.id)).toEqual(["b"]);
    expect(registry.get("a")).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it("refuses a second command with the same id and a malformed binding", () => {
    const registry = new CommandRegistry();
    registry.register(command("a"));
    expect(() => registry.register(command("a"))).toThrow(/registered twice/);
  });

  it("registerAll disposes every command it added", () => {
    const registry = new CommandRegistry();
    const all = registry.registerAll([command("a"), command("b", { keybinding: "ctrl+b" })]);
    expect(registry.bindings()).toHaveLength(1);
    all.dispose();
    expect(registry.list()).toEqual([]);
    expect(registry.bindings()).toEqual([]);
  });
});

describe("when clauses", () => {
  const keys = new ContextKeys();
  keys.set("focusedPart", "explorer");
  keys.set("inputFocus", false);
  keys.set("count", 3);
  it("reads keys, negation, equality, and/or with precedence and parentheses", () => {
    expect(evaluateWhen(undefined, keys.get)).toBe(true);
    expect(evaluateWhen("focusedPart == explorer", keys.get)).toBe(true);
    expect(evaluateWhen("focusedPart != explorer", keys.get)).toBe(false);
    expect(evaluateWhen("focusedPart == 'editor' || !inputFocus", keys.get)).toBe(true);
    expect(evaluateWhen("focusedPart == editor || inputFocus && true", keys.get)).toBe(false);
    expect(evaluateWhen("(focusedPart == editor || !inputFocus) && count == 3", keys.get)).toBe(true);
    expect(evaluateWhen("missing", keys.get)).toBe(false);
  });
  it("names what it cannot read", () => {
    expect(() => compileWhen("a ==")).toThrow(/needs a value/);
    expect(() => compileWhen("(a")).toThrow(/misses a "\)"/);
    expect(() => compileWhen("a b")).toThrow(/Unexpected "b"/);
  });
});

describe("keybindings", () => {
  it("parses and formats single presses and chords", () => {
    expect(parseKeybinding("ctrl+k ctrl+t")).toEqual([key("k", { ctrl: true }), key("t", { ctrl: true })]);
    expect(formatKeybinding("ctrl+shift+p")).toBe("Ctrl+Shift+P");
    expect(formatKeybinding("ctrl+k s")).toBe("Ctrl+K S");
    expect(formatKeybinding("f1")).toBe("F1");
    expect(formatKeybinding("ctrl+\\")).toBe("Ctrl+\\");
  });

  it("reads presses from events by physical key, so Shift and layouts do not change them", () => {
    expect(
      pressOfEvent({ key: "P", code: "KeyP", ctrlKey: true, shiftKey: true, altKey: false, metaKey: false }),
    ).toEqual(key("p", { ctrl: true, shift: true }));
    expect(
      pressOfEvent({
        key: "|",
        code: "Backslash",
        ctrlKey: true,
        shiftKey: true,
        altKey: false,
        metaKey: false,
      })?.key,
    ).toBe("\\");
    expect(
      pressOfEvent({
        key: "Control",
        code: "ControlLeft",
        ctrlKey: true,
        shiftKey: false,
        altKey: false,
        metaKey: false,
      }),
    ).toBeUndefined();
  });

  it("resolves single presses, chords, unbound chords and when clauses; the last binding wins", () => {
    const bindings = [
      { commandId: "palette", presses: parseKeybinding("ctrl+shift+p") },
      { commandId: "theme", presses: parseKeybinding("ctrl+k ctrl+t") },
      { commandId: "saveAll", presses: parseKeybinding("ctrl+k s") },
      { commandId: "delete", presses: parseKeybinding("delete"), when: "focusedPart == explorer" },
      { commandId: "override", presses: parseKeybinding("ctrl+shift+p") },
    ];
    const always = () => true;
    expect(resolvePress(bindings, key("p", { ctrl: true, shift: true }), undefined, always)).toEqual({
      kind: "run",
      commandId: "override",
    });
    const first = key("k", { ctrl: true });
    expect(resolvePress(bindings, first, undefined, always)).toEqual({ kind: "chord", first });
    expect(resolvePress(bindings, key("t", { ctrl: true }), first, always)).toEqual({
      kind: "run",
      commandId: "theme",
    });
    expect(resolvePress(bindings, key("s"), first, always)).toEqual({ kind: "run", commandId: "saveAll" });
    expect(resolvePress(bindings, key("x"), first, always)).toEqual({ kind: "unbound-chord", first });
    const keys = new ContextKeys();
    const holds = (when: string | undefined) => evaluateWhen(when, keys.get);
    expect(resolvePress(bindings, key("delete"), undefined, holds)).toEqual({ kind: "none" });
    keys.set("focusedPart", "explorer");
    expect(resolvePress(bindings, key("delete"), undefined, holds)).toEqual({
      kind: "run",
      commandId: "delete",
    });
  });
});
