import { useEffect } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import type { ActorRefFrom } from "xstate";
import type { Notification, notificationsMachine } from "../../machines";

/** How long an info toast without actions stays; errors and toasts with actions stay until dismissed. */
const INFO_TIMEOUT = 8000;

function Toast({ item, actor }: { item: Notification; actor: ActorRefFrom<typeof notificationsMachine> }) {
  const { t } = useTranslation();
  const transient = item.severity === "info" && item.actions.length === 0;
  useEffect(() => {
    if (!transient) return;
    const timer = setTimeout(() => actor.send({ type: "notification.dismiss", id: item.id }), INFO_TIMEOUT);
    return () => clearTimeout(timer);
  }, [actor, item.id, transient]);
  return (
    <div
      className={`toast toast--${item.severity}`}
      role={item.severity === "error" ? "alert" : "status"}
      aria-live={item.severity === "error" ? "assertive" : "polite"}
    >
      <span className="toast__message">{item.message}</span>
      <span className="toast__actions">
        {item.actions.map((action, index) => (
          <button
            key={action.label}
            type="button"
            className="button"
            onClick={() => actor.send({ type: "notification.runAction", id: item.id, index })}
          >
            {action.label}
          </button>
        ))}
        <button
          type="button"
          className="toast__close"
          aria-label={t("notifications.dismiss")}
          title={t("notifications.dismiss")}
          onClick={() => actor.send({ type: "notification.dismiss", id: item.id })}
        >
          ×
        </button>
      </span>
    </div>
  );
}

/** Toasts in the bottom right corner, newest last, as in VS Code. */
export function Notifications({ actor }: { actor: ActorRefFrom<typeof notificationsMachine> }) {
  const items = useSelector(actor, (s) => s.context.items);
  const { t } = useTranslation();
  return (
    <section className="toasts" aria-label={t("notifications.region")}>
      {items.map((item) => (
        <Toast key={item.id} item={item} actor={actor} />
      ))}
    </section>
  );
}
