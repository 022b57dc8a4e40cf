import { toDisposable, type Disposable } from "../../base";
import { bindingsOf, type CommandDefinition } from "./command";
import { parseKeybinding, type Binding } from "./keybindings";

/**
 * Every command of the workbench. Parts register theirs from their contributions and get a disposer
 * back; tests build a fresh registry. Listeners hear about every change (palette, shortcuts list).
 */
export class CommandRegistry {
  private readonly commands = new Map<string, CommandDefinition>();
  private readonly listeners = new Set<() => void>();
  private cachedBindings: Binding[] | undefined;
  private version = 0;

  /** Adds a command; registering an id twice is a programming error and throws. */
  register(command: CommandDefinition): Disposable {
    if (this.commands.has(command.id)) throw new Error(`Command "${command.id}" is registered twice`);
    for (const binding of bindingsOf(command)) parseKeybinding(binding);
    this.commands.set(command.id, command);
    this.changed();
    return toDisposable(() => {
      if (this.commands.get(command.id) === command) {
        this.commands.delete(command.id);
        this.changed();
      }
    });
  }

  registerAll(commands: readonly CommandDefinition[]): Disposable {
    const disposers = commands.map((c) => this.register(c));
    return toDisposable(() => disposers.reverse().forEach((d) => d.dispose()));
  }

  get(id: string): CommandDefinition | undefined {
    return this.commands.get(id);
  }

  /** Every command in registration order. */
  list(): CommandDefinition[] {
    return [...this.commands.values()];
  }

  /** Every keybinding, in registration order (later ones win when two match). */
  bindings(): readonly Binding[] {
    this.cachedBindings ??= this.list().flatMap((command) =>
      bindingsOf(command).map((text) => {
        const binding: Binding = { commandId: command.id, presses: parseKeybinding(text) };
        if (command.when !== undefined) binding.when = command.when;
        return binding;
      }),
    );
    return this.cachedBindings;
  }

  snapshot = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.cachedBindings = undefined;
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
