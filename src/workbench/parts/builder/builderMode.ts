import { useSelector } from "@xstate/react";
import type { WorkbenchServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";

/**
 * Which rule editors show the visual builder instead of the code, by editor key (`rule:<id>`): a
 * preference, so a rule comes back in the view it was left in after a reload. Both views edit the
 * same Monaco model, so switching never loses text or undo history.
 */
export function toggleBuilder(services: Pick<WorkbenchServices, "preferences">, key: string): void {
  services.preferences.send({ type: "builder.toggle", key });
}

export function useBuilderMode(key: string): boolean {
  return useSelector(usePreferencesActor(), (s) => s.context.builderEditors.includes(key));
}
