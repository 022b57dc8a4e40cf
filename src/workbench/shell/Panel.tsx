import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { contributedPanels, panelTabs, type PanelContribution, type PanelTab } from "../parts";
import { usePreferencesActor } from "./preferencesContext";

const alwaysShown = () => true;

/** Calls every tab's content hook in a fixed order (hooks may not be called conditionally). */
function useShownTabs(): PanelTab[] {
  return panelTabs.filter((id) => {
    const panel: PanelContribution | undefined = contributedPanels[id];
    const useHasContent = panel?.useHasContent ?? alwaysShown;
    // eslint-disable-next-line react-hooks/rules-of-hooks -- the list of tabs is fixed at build time
    return panel !== undefined && useHasContent();
  });
}

/** The bottom panel with its tabs; a tab with no content yet is not shown (issue: authoring). */
export function Panel() {
  const { t } = useTranslation();
  const actor = usePreferencesActor();
  const { panelVisible: visible, panelTab, panelHeight } = useSelector(actor, (s) => s.context);
  const shown = useShownTabs();
  if (!visible) return null;
  const tab = (shown as string[]).includes(panelTab) ? (panelTab as PanelTab) : shown[0];
  const Body = tab ? contributedPanels[tab]?.component : undefined;
  return (
    <section
      className="panel"
      aria-label={t("parts.panel")}
      data-part="panel"
      style={{ height: panelHeight }}
    >
      <div className="panel__header">
        <div className="panel__tabs" role="tablist" aria-label={t("parts.panel")}>
          {shown.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`panel-tab-${id}`}
              aria-controls="panel-body"
              aria-selected={tab === id}
              tabIndex={tab === id ? 0 : -1}
              className="panel__tab"
              onClick={() => actor.send({ type: "panel.show", tab: id })}
              onKeyDown={(e) => {
                const index = shown.indexOf(id);
                const next =
                  e.key === "ArrowRight"
                    ? shown[(index + 1) % shown.length]
                    : e.key === "ArrowLeft"
                      ? shown.at(index - 1)
                      : undefined;
                if (next) {
                  e.preventDefault();
                  actor.send({ type: "panel.show", tab: next });
                  document.getElementById(`panel-tab-${next}`)?.focus();
                }
              }}
            >
              {t(`panel.${id}`)}
            </button>
          ))}
        </div>
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
      <div
        className="panel__body"
        id="panel-body"
        role="tabpanel"
        aria-labelledby={tab ? `panel-tab-${tab}` : undefined}
      >
        {Body ? <Body /> : <p className="panel__empty">{t("panel.empty")}</p>}
      </div>
    </section>
  );
}
