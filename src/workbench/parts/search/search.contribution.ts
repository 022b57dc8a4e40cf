import type { Contribution } from "../contribution";
import { lazyPart } from "../lazyPart";

const SearchView = lazyPart(() => import("./SearchView").then((m) => m.SearchView));

export const searchContribution: Contribution = {
  views: { search: SearchView },
  commands: [
    {
      id: "workbench.showSearch",
      title: { en: "Show Search", "zh-CN": "显示搜索" },
      category: { en: "View", "zh-CN": "查看" },
      keybinding: "ctrl+shift+f",
      run: (s) => s.preferences.send({ type: "view.show", view: "search" }),
    },
  ],
};
