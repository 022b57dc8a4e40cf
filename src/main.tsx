// Composition root: the one place that reads the environment and wires storage, machines, i18n and React.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createActor, fromPromise } from "xstate";
import { preferencesMachine, workspaceMachine } from "./machines";
import {
  createIndexedDbRepositories,
  loadBundledSeed,
  needsSeed,
  readWorkspaceLists,
  seedWorkspace,
} from "./platform";
import { createI18n, initialPreferences, PreferencesContext, Workbench, WorkspaceContext } from "./workbench";

const start = initialPreferences(
  window.location.search,
  navigator.languages,
  window.matchMedia("(prefers-color-scheme: light)").matches,
);
const preferences = createActor(preferencesMachine, { input: start }).start();
const i18n = createI18n(start.locale);

// The workspace lives in this profile's IndexedDB; the shipped rules and samples are loaded into it
// on the first start only (the seed files are fetched only then).
const repositories = createIndexedDbRepositories();
const workspace = createActor(
  workspaceMachine.provide({
    actors: {
      needsSeed: fromPromise(() => needsSeed(repositories)),
      seed: fromPromise(() => seedWorkspace(repositories, loadBundledSeed)),
      load: fromPromise(() => readWorkspaceLists(repositories)),
    },
  }),
).start();

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root">');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <PreferencesContext.Provider value={preferences}>
        <WorkspaceContext.Provider value={workspace}>
          <Workbench />
        </WorkspaceContext.Provider>
      </PreferencesContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
