import { toDisposable, type Disposable } from "../../../base";
import type { JsonBlockEditorHandle, JsonBlockEditorOptions } from "../api";
import { monaco } from "./monaco";
import { monacoTheme } from "./themes";

let blocks = 0;

/**
 * A small JSON editor embedded in a form (the visual builder's block for logic it has no form for):
 * its own in-memory model, no gutter, as tall as its text up to `maxHeight`, and Tab moves the focus
 * on as in any form field (Ctrl+M lets Tab indent, as everywhere in Monaco). Nothing is typed for
 * the user (no auto-closing), so what is committed is what was typed.
 */
export function createJsonBlockEditor(
  container: HTMLElement,
  options: JsonBlockEditorOptions,
): JsonBlockEditorHandle {
  const model = monaco.editor.createModel(
    options.text,
    "json",
    monaco.Uri.parse(`inmemory://crw/block-${++blocks}.json`),
  );
  container.classList.add("monaco-component");
  const editor = monaco.editor.create(container, {
    model,
    theme: monacoTheme(options.theme),
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    fixedOverflowWidgets: true,
    lineNumbers: "off",
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 6,
    lineNumbersMinChars: 0,
    minimap: { enabled: false },
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    renderLineHighlight: "none",
    scrollBeyondLastLine: false,
    scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8, horizontalScrollbarSize: 8 },
    stickyScroll: { enabled: false },
    tabSize: 2,
    tabFocusMode: true,
    wordWrap: "on",
    contextmenu: false,
    // The block is stored exactly as typed: no closing brackets or quotes appear that were not typed.
    autoClosingBrackets: "never",
    autoClosingQuotes: "never",
    autoSurround: "never",
    editContext: false,
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
  });
  const maxHeight = options.maxHeight ?? 240;
  const fit = () => {
    const height = Math.min(maxHeight, Math.max(20, editor.getContentHeight()));
    container.style.height = `${height}px`;
    editor.layout();
  };
  fit();
  const sized = editor.onDidContentSizeChange(fit);
  const listen = (d: monaco.IDisposable): Disposable => toDisposable(() => d.dispose());
  return {
    getText: () => model.getValue(),
    setText: (text) => {
      if (model.getValue() !== text) model.setValue(text);
    },
    focus: () => editor.focus(),
    onDidBlur: (listener) => listen(editor.onDidBlurEditorText(listener)),
    onDidChange: (listener) => listen(model.onDidChangeContent(() => listener(model.getValue()))),
    updateOptions: (next) =>
      editor.updateOptions({
        ...(next.ariaLabel !== undefined ? { ariaLabel: next.ariaLabel } : {}),
        ...(next.fontSize !== undefined ? { fontSize: next.fontSize } : {}),
      }),
    dispose: () => {
      sized.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
