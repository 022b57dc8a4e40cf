// Composition root: the one place that reads the environment and wires storage, machines, i18n and React.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createIndexedDbRepositories } from "./platform";
import {
  PreferencesContext,
  ServicesContext,
  startWorkbench,
  Workbench,
  WorkspaceContext,
} from "./workbench";

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root">');

// The workspace lives in this profile's IndexedDB; the shipped rules and samples are loaded into it
// on the first start only (the seed files are fetched only then).
const services = await startWorkbench(createIndexedDbRepositories(), {
  search: window.location.search,
  languages: navigator.languages,
  prefersLight: window.matchMedia("(prefers-color-scheme: light)"),
});

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={services.i18n}>
      <ServicesContext.Provider value={services}>
        <PreferencesContext.Provider value={services.preferences}>
          <WorkspaceContext.Provider value={services.workspace}>
            <Workbench />
          </WorkspaceContext.Provider>
        </PreferencesContext.Provider>
      </ServicesContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
