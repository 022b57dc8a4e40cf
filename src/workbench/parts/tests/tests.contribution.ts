import type { Contribution } from "../contribution";
import { TestsStatus } from "./TestsStatus";
import { TestsView } from "./TestsView";
import { useTestsHaveContent } from "./useTestReports";

export const testsContribution: Contribution = {
  panels: { tests: { component: TestsView, useHasContent: useTestsHaveContent } },
  statusItems: [{ id: "tests", component: TestsStatus }],
  commands: [
    {
      id: "workbench.showTests",
      title: { en: "Show Tests", "zh-CN": "显示测试" },
      category: { en: "View", "zh-CN": "查看" },
      run: (s) => s.preferences.send({ type: "panel.show", tab: "tests" }),
    },
  ],
};
