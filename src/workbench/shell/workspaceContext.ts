import { createContext, useContext } from "react";
import type { ActorRefFrom } from "xstate";
import type { workspaceMachine } from "../../machines";

/** The running workspace actor, provided by the composition root. */
export const WorkspaceContext = createContext<ActorRefFrom<typeof workspaceMachine> | null>(null);

export function useWorkspaceActor(): ActorRefFrom<typeof workspaceMachine> {
  const actor = useContext(WorkspaceContext);
  if (!actor) throw new Error("useWorkspaceActor must be used inside <WorkspaceContext.Provider>");
  return actor;
}
