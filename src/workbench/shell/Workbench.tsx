import { useCallback, useEffect, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { preferenceLimits } from "../../machines";
import { useServices } from "../services";
import { QuickInput } from "../quickinput/QuickInput";
import { ActivityBar } from "./ActivityBar";
import { DialogHost } from "./DialogHost";
import { EditorArea } from "./EditorArea";
import { Notifications } from "./Notifications";
import { Panel } from "./Panel";
import { usePreferencesActor } from "./preferencesContext";
import { Sash } from "./Sash";
import { SideBar } from "./SideBar";
import { StatusBar } from "./StatusBar";
import { useFocusContext } from "./useFocusContext";
import { useKeybindings } from "./useKeybindings";
import "../theme/themes.css";
import "./shell.css";

/** The workbench frame: activity bar, side bar, editor area, panel, status bar and overlays. */
export function Workbench() {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const preferences = usePreferencesActor();
  const { locale, theme, activeView, panelVisible, sideBarWidth, panelHeight, fontSize } = useSelector(
    preferences,
    (s) => s.context,
  );
  const [chord, setChord] = useState<string | null>(null);
  useKeybindings(
    services,
    useCallback((label: string | null) => setChord(label), []),
  );
  useFocusContext(services.contextKeys);

  // The document-level attributes follow the preferences, so the page title, `lang` (for fonts and
  // screen readers) and the CSS theme variables are always in step with what the user chose.
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    document.title = t("app.title");
  }, [i18n, locale, t]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.style.setProperty("--editor-fontSize", `${fontSize}px`);
  }, [fontSize]);

  return (
    <div className="workbench" style={{ "--side-bar-width": `${sideBarWidth}px` } as React.CSSProperties}>
      <ActivityBar />
      <SideBar />
      {activeView !== null && (
        <Sash
          label={t("layout.sideBarSash")}
          orientation="vertical"
          value={sideBarWidth}
          min={preferenceLimits.sideBarWidth.min}
          max={preferenceLimits.sideBarWidth.max}
          direction={1}
          onChange={(width) => preferences.send({ type: "layout.sideBarWidth", width })}
        />
      )}
      <div className="workbench__main">
        <EditorArea />
        {panelVisible && (
          <Sash
            label={t("layout.panelSash")}
            orientation="horizontal"
            value={panelHeight}
            min={preferenceLimits.panelHeight.min}
            max={preferenceLimits.panelHeight.max}
            direction={-1}
            onChange={(height) => preferences.send({ type: "layout.panelHeight", height })}
          />
        )}
        <Panel />
      </div>
      <StatusBar chord={chord} />
      <QuickInput actor={services.ui.quickInput} />
      <DialogHost actor={services.ui.dialogs} />
      <Notifications actor={services.ui.notifications} />
    </div>
  );
}
