import { toDisposable, type Disposable } from "../../../base";
import type {
  CodeEditorHandle,
  CodeEditorOptions,
  DiffEditorHandle,
  DiffEditorOptions,
  EditorViewState,
} from "../api";
import type { ModelRegistry } from "./models";
import { monaco } from "./monaco";
import { monacoTheme } from "./themes";
import { monacoKeybinding } from "./keybindings";

/** Options every editor of the workbench shares: a JSON editor as VS Code sets one up. */
const shared = {
  automaticLayout: true,
  // Suggest, hover and the lightbulb menu may extend past a small editor, as in VS Code.
  fixedOverflowWidgets: true,
  scrollBeyondLastLine: false,
  minimap: { enabled: false },
  tabSize: 2,
  quickSuggestions: { other: true, strings: true, comments: false },
  wordBasedSuggestions: "off",
  // `fitWidthToDetails` widens the list to show each field's label, type, unit and share; Monaco 0.57
  // reads it (editorOptions.js) although its d.ts does not declare it yet.
  suggest: { showWords: false, fitWidthToDetails: true } as { showWords: boolean },
  stickyScroll: { enabled: true },
  codeLens: true,
  renderLineHighlight: "all",
  // A textarea rather than the EditContext API: the workbench's `inputFocus` context key and
  // assistive technologies both recognise it.
  editContext: false,
} as const;

const listen = (subscription: monaco.IDisposable): Disposable => toDisposable(() => subscription.dispose());

/** A code editor on the workbench's models. */
export function createCodeEditor(
  container: HTMLElement,
  options: CodeEditorOptions,
  models: ModelRegistry,
): CodeEditorHandle {
  const modelOf = (uri: string) => {
    const handle = models.get(uri);
    if (!handle) throw new Error(`No open model for ${uri}: create it with getOrCreateModel first.`);
    return handle.model;
  };
  // Monaco puts context menus in a shadow root beside the editor, inside `container`; they take their
  // colours from the theme's CSS variables, which Monaco defines on `.monaco-component`.
  container.classList.add("monaco-component");
  const editor = monaco.editor.create(container, {
    ...shared,
    model: modelOf(options.model.uri),
    theme: monacoTheme(options.theme),
    ariaLabel: options.ariaLabel,
    readOnly: options.readOnly ?? false,
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
  });
  const readOnlyEdit = options.onReadOnlyEdit;
  const attempts = readOnlyEdit ? editor.onDidAttemptReadOnlyEdit(() => readOnlyEdit()) : undefined;
  for (const binding of options.keybindings ?? []) {
    const keybinding = monacoKeybinding(binding.presses);
    if (keybinding !== undefined) editor.addCommand(keybinding, () => binding.run());
  }
  return {
    setModel: (model) => editor.setModel(modelOf(model.uri)),
    focus: () => editor.focus(),
    hasTextFocus: () => editor.hasTextFocus(),
    onDidFocus: (listener) => listen(editor.onDidFocusEditorWidget(listener)),
    onDidBlur: (listener) => listen(editor.onDidBlurEditorWidget(listener)),
    onDidChangeViewState: (listener) => {
      const cursor = editor.onDidChangeCursorSelection(() => listener());
      const scroll = editor.onDidScrollChange(() => listener());
      return toDisposable(() => {
        cursor.dispose();
        scroll.dispose();
      });
    },
    saveViewState: (): EditorViewState => editor.saveViewState(),
    restoreViewState: (state) => {
      if (state && typeof state === "object")
        editor.restoreViewState(state as monaco.editor.ICodeEditorViewState);
    },
    updateOptions: (next) => editor.updateOptions(next),
    revealPosition: (line, column) => {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
    },
    // The model stays: it belongs to the document, whose undo history outlives this editor.
    dispose: () => {
      attempts?.dispose();
      editor.dispose();
    },
  };
}

/** A side-by-side diff of two texts, the right-hand side editable (a conflict merged by hand). */
export function createDiffEditor(container: HTMLElement, options: DiffEditorOptions): DiffEditorHandle {
  const original = monaco.editor.createModel(options.original, "json");
  const modified = monaco.editor.createModel(options.modified, "json");
  container.classList.add("monaco-component");
  const diff = monaco.editor.createDiffEditor(container, {
    ...shared,
    theme: monacoTheme(options.theme),
    originalEditable: false,
    renderSideBySide: true,
    // Both versions of a long line (a title, a description) are read side by side, not scrolled to.
    wordWrap: "on",
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
  });
  diff.setModel({ original, modified });
  diff.getOriginalEditor().updateOptions({ ariaLabel: options.originalAriaLabel, readOnly: true });
  diff.getModifiedEditor().updateOptions({
    ariaLabel: options.modifiedAriaLabel,
    readOnly: options.readOnly ?? false,
  });
  return {
    getModifiedText: () => modified.getValue(),
    onDidChangeModified: (listener) =>
      listen(modified.onDidChangeContent(() => listener(modified.getValue()))),
    focus: () => diff.getModifiedEditor().focus(),
    dispose: () => {
      diff.dispose();
      original.dispose();
      modified.dispose();
    },
  };
}
