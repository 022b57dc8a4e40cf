import type { Contribution, EditorProps } from "../contribution";
import { lazyPart } from "../lazyPart";

const KeyboardShortcutsEditor = lazyPart<EditorProps>(() =>
  import("./KeyboardShortcutsEditor").then((m) => m.KeyboardShortcutsEditor),
);

export const keybindingsContribution: Contribution = {
  editors: {
    keybindings: {
      component: KeyboardShortcutsEditor,
      label: (_input, { t }) => t("shortcuts.title"),
    },
  },
  commands: [
    {
      id: "workbench.keyboardShortcuts",
      title: { en: "Keyboard Shortcuts", "zh-CN": "键盘快捷方式" },
      category: { en: "Preferences", "zh-CN": "首选项" },
      keybinding: "ctrl+k ctrl+s",
      run: (s) => s.editors.open({ kind: "keybindings", resource: "all" }),
    },
  ],
};
