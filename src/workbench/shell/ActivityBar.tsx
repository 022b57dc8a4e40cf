import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { sideBarViews } from "../../machines";
import { ViewIcon } from "./icons";
import { usePreferencesActor } from "./preferencesContext";

/** The leftmost strip: one toggle per side bar view. */
export function ActivityBar() {
  const { t } = useTranslation();
  const actor = usePreferencesActor();
  const activeView = useSelector(actor, (s) => s.context.activeView);
  return (
    <nav className="activity-bar" aria-label={t("parts.activityBar")}>
      {sideBarViews.map((view) => (
        <button
          key={view}
          type="button"
          className="activity-bar__item"
          aria-label={t(`views.${view}`)}
          title={t(`views.${view}`)}
          aria-pressed={activeView === view}
          onClick={() => actor.send({ type: "view.toggle", view })}
        >
          <ViewIcon view={view} />
        </button>
      ))}
    </nav>
  );
}
