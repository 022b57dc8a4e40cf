import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { usePreferencesActor } from "./preferencesContext";

/** The side bar: the active view's title and contents (views are contributed by later parts). */
export function SideBar() {
  const { t } = useTranslation();
  const activeView = useSelector(usePreferencesActor(), (s) => s.context.activeView);
  if (activeView === null) return null;
  const title = t(`views.${activeView}`);
  return (
    <aside className="side-bar" aria-label={t("parts.sideBar")}>
      <h2 className="side-bar__title">{title}</h2>
      <p className="side-bar__empty">{t("sideBar.empty")}</p>
    </aside>
  );
}
