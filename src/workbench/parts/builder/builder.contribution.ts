import { editorKey } from "../../../machines";
import type { Contribution } from "../contribution";
import { toggleBuilder } from "./builderMode";

export const builderContribution: Contribution = {
  commands: [
    {
      id: "rules.toggleVisualBuilder",
      title: { en: "Toggle Visual Builder", "zh-CN": "切换可视化编辑" },
      category: { en: "Rules", "zh-CN": "规则" },
      keybinding: "ctrl+k v",
      when: "activeEditorKind == rule",
      run: (s) => {
        const active = s.editors.active();
        if (active?.kind !== "rule") return;
        toggleBuilder(s, editorKey(active));
      },
    },
  ],
};
