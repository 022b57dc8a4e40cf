import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { sideBarViews } from "../../machines";
import { contributedViews } from "../parts";
import { usePreferencesActor } from "./preferencesContext";

/**
 * The side bar: the active view's title and contents. Views stay mounted while hidden, as in VS Code,
 * so a view keeps its state (open groups, focus) when the user switches away and back.
 */
export function SideBar() {
  const { t } = useTranslation();
  const activeView = useSelector(usePreferencesActor(), (s) => s.context.activeView);
  return (
    <aside
      className="side-bar"
      aria-label={t("parts.sideBar")}
      hidden={activeView === null}
      data-part={activeView ?? "sideBar"}
    >
      {activeView !== null && <h2 className="side-bar__title">{t(`views.${activeView}`)}</h2>}
      {sideBarViews.map((view) => {
        const View = contributedViews[view];
        return (
          <div key={view} className="side-bar__view" hidden={view !== activeView}>
            {View ? <View /> : <p className="side-bar__empty">{t("sideBar.empty")}</p>}
          </div>
        );
      })}
    </aside>
  );
}
