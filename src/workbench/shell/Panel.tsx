import { useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { contributedPanels, panelTabs, type PanelTab } from "../parts";
import { usePreferencesActor } from "./preferencesContext";

/** The bottom panel with its tabs: Problems, Tests, Output, Trace. */
export function Panel() {
  const { t } = useTranslation();
  const actor = usePreferencesActor();
  const visible = useSelector(actor, (s) => s.context.panelVisible);
  // Which tab is showing is view-local state, not a preference worth a machine.
  const [tab, setTab] = useState<PanelTab>("problems");
  if (!visible) return null;
  const Body = contributedPanels[tab];
  return (
    <section className="panel" aria-label={t("parts.panel")}>
      <div className="panel__tabs" role="tablist" aria-label={t("parts.panel")}>
        {panelTabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`panel-tab-${id}`}
            aria-controls="panel-body"
            aria-selected={tab === id}
            className="panel__tab"
            onClick={() => setTab(id)}
          >
            {t(`panel.${id}`)}
          </button>
        ))}
        <button
          type="button"
          className="panel__close"
          aria-label={t("panel.hide")}
          title={t("panel.hide")}
          onClick={() => actor.send({ type: "panel.toggle" })}
        >
          ×
        </button>
      </div>
      <div className="panel__body" id="panel-body" role="tabpanel" aria-labelledby={`panel-tab-${tab}`}>
        {Body ? <Body /> : <p className="panel__empty">{t("panel.empty")}</p>}
      </div>
    </section>
  );
}
