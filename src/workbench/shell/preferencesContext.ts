import { createContext, useContext } from "react";
import type { ActorRefFrom } from "xstate";
import type { preferencesMachine } from "../../machines";

/** The running preferences actor, provided by the composition root. */
export const PreferencesContext = createContext<ActorRefFrom<typeof preferencesMachine> | null>(null);

export function usePreferencesActor(): ActorRefFrom<typeof preferencesMachine> {
  const actor = useContext(PreferencesContext);
  if (!actor) throw new Error("usePreferencesActor must be used inside <PreferencesContext.Provider>");
  return actor;
}
