import type { Contribution } from "../contribution";
import { lazyPart } from "../lazyPart";

const SettingsView = lazyPart(() => import("./SettingsView").then((m) => m.SettingsView));

export const settingsContribution: Contribution = {
  views: { settings: SettingsView },
  commands: [
    {
      id: "workbench.openSettings",
      title: { en: "Open Settings", "zh-CN": "打开设置" },
      category: { en: "Preferences", "zh-CN": "首选项" },
      keybinding: "ctrl+,",
      run: (s) => s.preferences.send({ type: "view.show", view: "settings" }),
    },
  ],
};
