import { useEffect, useState } from "react";
import { useSelector } from "@xstate/react";
import { loadMonaco, type MonacoPlatform } from "../../../platform";
import { useServices, type WorkbenchServices } from "../../services";

export type PlatformState =
  | { status: "loading" }
  | { status: "ready"; platform: MonacoPlatform }
  | { status: "failed"; reason: string; retry: () => void };

const wired = new WeakSet<MonacoPlatform>();

/** Connects the page's Monaco to the workbench once: CodeLens commands run through the registry. */
function wire(platform: MonacoPlatform, services: WorkbenchServices): void {
  if (wired.has(platform)) return;
  wired.add(platform);
  platform.setCommandRunner((id, ...args) => {
    if (!services.commands.registry.get(id)) {
      services.notifications.notify({
        severity: "info",
        message: services.i18n.t("documentEditor.noTestRunner"),
      });
      return;
    }
    void services.commands.execute(id, ...args);
  });
}

/**
 * Monaco for the editor part: loaded on the first editor that needs it (its own chunk), in the
 * language of that moment, and kept in the workbench's theme.
 */
export function useMonacoPlatform(): PlatformState {
  const services = useServices();
  const theme = useSelector(services.preferences, (s) => s.context.theme);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PlatformState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    loadMonaco(services.preferences.getSnapshot().context.locale).then(
      (platform) => {
        wire(platform, services);
        if (live) setState({ status: "ready", platform });
      },
      (error: unknown) => {
        if (live)
          setState({
            status: "failed",
            reason: error instanceof Error ? error.message : String(error),
            retry: () => {
              setState({ status: "loading" });
              setAttempt((n) => n + 1);
            },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [services, attempt]);
  const platform = state.status === "ready" ? state.platform : undefined;
  useEffect(() => platform?.setTheme(theme), [platform, theme]);
  return state;
}
