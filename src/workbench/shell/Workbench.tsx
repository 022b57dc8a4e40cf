import { useEffect } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { ActivityBar } from "./ActivityBar";
import { EditorArea } from "./EditorArea";
import { Panel } from "./Panel";
import { usePreferencesActor } from "./preferencesContext";
import { SideBar } from "./SideBar";
import { StatusBar } from "./StatusBar";
import "../theme/themes.css";
import "./shell.css";

/** The workbench frame: activity bar, side bar, editor area, panel and status bar. */
export function Workbench() {
  const { t, i18n } = useTranslation();
  const { locale, theme } = useSelector(usePreferencesActor(), (s) => s.context);

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

  return (
    <div className="workbench">
      <ActivityBar />
      <SideBar />
      <div className="workbench__main">
        <EditorArea />
        <Panel />
      </div>
      <StatusBar />
    </div>
  );
}
