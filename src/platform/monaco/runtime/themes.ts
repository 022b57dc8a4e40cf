import type { EditorTheme } from "../api";
import { monaco } from "./monaco";

/**
 * Monaco themes matching the workbench palette (src/workbench/theme/themes.css, VS Code's Dark and
 * Light Modern): the same editor and widget backgrounds, borders and focus colour, so the editor
 * does not look pasted in. Token colours come from the base themes. Keep in step with themes.css.
 */
const themes: Record<EditorTheme, { name: string; data: Parameters<typeof monaco.editor.defineTheme>[1] }> = {
  dark: {
    name: "crw-dark",
    data: {
      base: "vs-dark",
      inherit: true,
      rules: [],
      colors: {
        "editor.background": "#1f1f1f",
        "editor.foreground": "#cccccc",
        "editorGutter.background": "#1f1f1f",
        "editorLineNumber.foreground": "#8b949e", // AA contrast on the dark editor background (axe)
        "editorLineNumber.activeForeground": "#cccccc",
        "editorWidget.background": "#202020",
        "editorWidget.border": "#313131",
        "editorSuggestWidget.background": "#202020",
        "editorSuggestWidget.border": "#454545",
        "editorSuggestWidget.selectedBackground": "#04395e",
        "editorHoverWidget.background": "#202020",
        "editorHoverWidget.border": "#454545",
        focusBorder: "#0078d4",
        "editorCodeLens.foreground": "#999999",
      },
    },
  },
  light: {
    name: "crw-light",
    data: {
      base: "vs",
      inherit: true,
      rules: [],
      colors: {
        "editor.background": "#ffffff",
        "editor.foreground": "#3b3b3b",
        "editorLineNumber.foreground": "#6e7681",
        "editorLineNumber.activeForeground": "#171184",
        "editorWidget.background": "#f8f8f8",
        "editorWidget.border": "#e5e5e5",
        "editorSuggestWidget.background": "#f8f8f8",
        "editorSuggestWidget.border": "#e5e5e5",
        "editorSuggestWidget.selectedBackground": "#e8e8e8",
        // The base theme's selected text is white (for its blue selection): dark on this grey.
        "editorSuggestWidget.selectedForeground": "#000000",
        "editorSuggestWidget.selectedIconForeground": "#000000",
        "editorSuggestWidget.focusHighlightForeground": "#0066bf",
        "list.activeSelectionBackground": "#e8e8e8",
        "list.activeSelectionForeground": "#000000",
        "list.activeSelectionIconForeground": "#000000",
        "editorHoverWidget.background": "#f8f8f8",
        "editorHoverWidget.border": "#e5e5e5",
        focusBorder: "#005fb8",
        "editorCodeLens.foreground": "#6e6e6e",
      },
    },
  },
  "high-contrast": {
    name: "crw-high-contrast",
    data: { base: "hc-black", inherit: true, rules: [], colors: {} },
  },
};

/** Defines the three themes (idempotent: defining a theme again replaces it). */
export function defineThemes(): void {
  for (const { name, data } of Object.values(themes)) monaco.editor.defineTheme(name, data);
}

/** The Monaco theme name of a workbench theme. */
export function monacoTheme(theme: EditorTheme): string {
  return (themes[theme] ?? themes.dark).name;
}
