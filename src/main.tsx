// Composition root: the one place that reads the environment and wires machines, i18n and React.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createActor } from "xstate";
import { preferencesMachine } from "./machines";
import { createI18n, initialPreferences, PreferencesContext, Workbench } from "./workbench";

const start = initialPreferences(
  window.location.search,
  navigator.languages,
  window.matchMedia("(prefers-color-scheme: light)").matches,
);
const preferences = createActor(preferencesMachine, { input: start }).start();
const i18n = createI18n(start.locale);

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root">');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <PreferencesContext.Provider value={preferences}>
        <Workbench />
      </PreferencesContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
