/**
 * What the workbench sees of Monaco: small handles with no Monaco types, so React code never
 * imports `monaco-editor` (which loads in its own chunk, on the first editor opened) and the rest of
 * the app cannot come to depend on Monaco's API surface.
 */
import type { Disposable, Locale } from "../../base";
import type { Problem } from "../../engine";
import type { LanguageContext, ManifestContext, TestRunSummary } from "./language";

/** The workbench themes Monaco follows. */
export type EditorTheme = "dark" | "light" | "high-contrast";

/** Replace `length` characters at `offset` by `text`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/** One text document's model: its text, undo history and markers, alive while the document is open. */
export interface DocumentModel {
  readonly uri: string;
  getText(): string;
  /**
   * Replaces the whole text as one undoable edit (an external change: revert, take theirs, another
   * tab's save), keeping the undo stack. Does nothing when the text is already `text`.
   */
  replaceText(text: string): void;
  /**
   * Applies edits at character offsets as one undoable user edit (the visual builder's changes), so
   * Ctrl+Z in the code or the builder undoes them; reported to listeners as typing, not external.
   */
  applyEdits(edits: readonly TextEdit[]): void;
  /** Undoes / redoes the last edit of the model's one history (typing, builder edits, external texts). */
  undo(): void;
  redo(): void;
  /** Called after each change of the text, by typing or by {@link replaceText}. */
  onDidChangeText(listener: (text: string, external: boolean) => void): Disposable;
  /** Shows `problems` as markers, their messages in `locale`, and keeps them for quick fixes. */
  setProblems(problems: readonly Problem[], locale: Locale): void;
  /** Frees the model and its undo history; the handle is dead afterwards. */
  dispose(): void;
  readonly isDisposed: boolean;
}

/** A key press as the workbench's keybindings describe it (lower-case key names: `k`, `f1`, `\\`). */
export interface EditorKeyPress {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
  key: string;
}

/**
 * A workbench chord (`Ctrl+K Ctrl+T`) that Monaco must run itself: Monaco has chords of its own
 * that start with the same press (`Ctrl+K Ctrl+C` comments a line), so the editor resolves both in
 * one place, as VS Code's single keybinding service does.
 */
export interface EditorKeybinding {
  presses: readonly EditorKeyPress[];
  run(): void;
}

/** Options of a code editor. */
export interface CodeEditorOptions {
  model: DocumentModel;
  theme: EditorTheme;
  fontSize?: number;
  /** The accessible name of the editor's text area. */
  ariaLabel: string;
  readOnly?: boolean;
  /** Called when the user tries to change a read-only editor's text (types, pastes, deletes). */
  onReadOnlyEdit?: () => void;
  /** Workbench chords to resolve inside the editor (see {@link EditorKeybinding}). */
  keybindings?: readonly EditorKeybinding[];
}

/** Cursor, selections, scroll and folding as Monaco saves them; opaque to the workbench (JSON-safe). */
export type EditorViewState = unknown;

/** A code editor on one of several models. */
export interface CodeEditorHandle extends Disposable {
  setModel(model: DocumentModel): void;
  focus(): void;
  hasTextFocus(): boolean;
  onDidFocus(listener: () => void): Disposable;
  onDidBlur(listener: () => void): Disposable;
  /** Called when the cursor, selection or scroll position moves (to save the view state). */
  onDidChangeViewState(listener: () => void): Disposable;
  saveViewState(): EditorViewState;
  restoreViewState(state: EditorViewState): void;
  updateOptions(options: Partial<Pick<CodeEditorOptions, "fontSize" | "readOnly" | "ariaLabel">>): void;
  /** Moves the cursor to a 1-based line and column and shows it. */
  revealPosition(line: number, column: number): void;
}

/** A side-by-side diff: `original` on the left (read-only), `modified` on the right (editable). */
export interface DiffEditorHandle extends Disposable {
  /** The text of the right-hand side, as merged by hand so far. */
  getModifiedText(): string;
  onDidChangeModified(listener: (text: string) => void): Disposable;
  focus(): void;
}

export interface DiffEditorOptions {
  original: string;
  modified: string;
  theme: EditorTheme;
  fontSize?: number;
  originalAriaLabel: string;
  modifiedAriaLabel: string;
  /** Both sides read-only (comparing two versions that never change); default: the right is editable. */
  readOnly?: boolean;
}

/** Options of a small JSON editor embedded in a form. */
export interface JsonBlockEditorOptions {
  text: string;
  theme: EditorTheme;
  fontSize?: number;
  /** The accessible name of its text area. */
  ariaLabel: string;
  /** It grows with its text up to this many pixels, then scrolls (default 240). */
  maxHeight?: number;
}

/** A small JSON editor on its own model (not a document's): its text is the form's to commit. */
export interface JsonBlockEditorHandle extends Disposable {
  getText(): string;
  /** Replaces the text (its own undo history starts over): the form's value changed from outside. */
  setText(text: string): void;
  focus(): void;
  onDidBlur(listener: () => void): Disposable;
  onDidChange(listener: (text: string) => void): Disposable;
  updateOptions(options: { ariaLabel?: string; fontSize?: number }): void;
}

/** What the language services of a document need, asked for on each request so it is never stale. */
export type LanguageBinding =
  | { kind: "rule"; context(): LanguageContext; testSummary(): TestRunSummary | undefined }
  | { kind: "manifest"; context(): ManifestContext };

/** A model's language binding. */
export interface LanguageBindingHandle extends Disposable {
  /** Asks for the CodeLens again (after a test run changed the summary). */
  refresh(): void;
}

/** The loaded Monaco platform. */
export interface MonacoPlatform {
  /** The model of `uri`, created with `text` the first time; later calls return the same model. */
  getOrCreateModel(uri: string, text: string): DocumentModel;
  /** The model of `uri` if it is open. */
  getModel(uri: string): DocumentModel | undefined;
  /** Gives a model completion, hover, quick fixes and CodeLens; dispose to take them away. */
  bindLanguage(model: DocumentModel, binding: LanguageBinding): LanguageBindingHandle;
  createCodeEditor(container: HTMLElement, options: CodeEditorOptions): CodeEditorHandle;
  createDiffEditor(container: HTMLElement, options: DiffEditorOptions): DiffEditorHandle;
  /** A small JSON editor embedded in a form (the visual builder's opaque blocks). */
  createJsonBlockEditor(container: HTMLElement, options: JsonBlockEditorOptions): JsonBlockEditorHandle;
  /** Every editor follows the workbench theme. */
  setTheme(theme: EditorTheme): void;
  /** Runs a workbench command from a CodeLens ("Run tests" runs `rules.runTests`). */
  setCommandRunner(run: (id: string, ...args: unknown[]) => void): void;
  /** The locale Monaco's own UI strings were loaded in (they apply on the next load). */
  readonly uiLocale: Locale;
}
