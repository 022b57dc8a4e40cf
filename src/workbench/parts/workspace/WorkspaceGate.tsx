import type { ReactNode } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import "./workspace.css";

const progressKeys = {
  opening: "workspace.opening",
  seeding: "workspace.seeding",
  loading: "workspace.loading",
} as const;

/**
 * Shows a view's contents once the workspace is ready; before that a progress text, and after a
 * failure the reason with a Retry button.
 */
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const actor = useWorkspaceActor();
  const state = useSelector(actor, (s) => s.value);
  const error = useSelector(actor, (s) => s.context.error);
  const errorKind = useSelector(actor, (s) => s.context.errorKind);
  if (state === "ready") return children;
  if (state === "failed") {
    return (
      <div className="workspace-gate" role="alert">
        <p className="workspace-gate__error">
          {errorKind ? t(`backup.storage.${errorKind}`) : t("workspace.failed", { reason: error ?? "" })}
        </p>
        <button type="button" className="button" onClick={() => actor.send({ type: "workspace.retry" })}>
          {t("workspace.retry")}
        </button>
      </div>
    );
  }
  return (
    <div className="workspace-gate" role="status">
      <span className="workspace-gate__progress" aria-hidden="true" />
      {t(progressKeys[state])}
    </div>
  );
}
