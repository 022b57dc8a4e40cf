import { useSelector } from "@xstate/react";
import { Dialog } from "../widgets/dialog/Dialog";
import type { ActorRefFrom } from "xstate";
import type { dialogsMachine } from "../../machines";

/** Shows the first queued confirmation; its answer resolves the caller's promise. */
export function DialogHost({ actor }: { actor: ActorRefFrom<typeof dialogsMachine> }) {
  const request = useSelector(actor, (s) => s.context.queue[0]);
  if (!request) return null;
  const answer = (confirmed: boolean) => actor.send({ type: "dialog.answer", confirmed });
  return (
    <Dialog
      title={request.title}
      onCancel={() => answer(false)}
      actions={
        <>
          <button
            type="button"
            className={request.destructive ? "button button--danger" : "button"}
            data-default={request.destructive ? undefined : ""}
            onClick={() => answer(true)}
          >
            {request.confirm}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-default={request.destructive ? "" : undefined}
            onClick={() => answer(false)}
          >
            {request.cancel}
          </button>
        </>
      }
    >
      <p>{request.message}</p>
    </Dialog>
  );
}
