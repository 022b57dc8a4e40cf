import { useSelector } from "@xstate/react";
import { useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { RestoreConflict } from "../../../platform";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { Dialog } from "../../widgets/dialog/Dialog";
import { conflictQuestionFor, type ConflictRequest, type RestoreConflictQuestion } from "./restoreConflicts";
import { differenceText, planCounts } from "./restoreText";
import "./restore.css";

/**
 * The restore's conflict dialog, while the Restore command waits for it. Mounted with the status
 * bar items (renders nothing there) and drawn into the body.
 */
export function RestoreConflictsHost() {
  const question = conflictQuestionFor(useServices());
  const request = useSyncExternalStore(question.subscribe, question.current);
  if (!request) return null;
  return createPortal(<RestoreConflictsDialog question={question} request={request} />, document.body);
}

function RestoreConflictsDialog({
  question,
  request,
}: {
  question: RestoreConflictQuestion;
  request: ConflictRequest;
}) {
  const { t } = useTranslation();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const { plan, file } = request;
  return (
    <Dialog
      title={t("backup.restore.conflictsTitle", { file })}
      size="large"
      onCancel={() => question.cancel()}
      actions={
        <>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => question.chooseAll("mine")}
          >
            {t("backup.restore.keepAllMine")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => question.chooseAll("backup")}
          >
            {t("backup.restore.takeAllBackup")}
          </button>
          <button type="button" className="button" data-default="" onClick={() => question.confirm()}>
            {t("backup.restore.confirm")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => question.cancel()}>
            {t("backup.restore.cancel")}
          </button>
        </>
      }
    >
      <p>
        {t("backup.restore.conflictsMessage", {
          date: new Date(request.date).toLocaleString(locale),
          ...planCounts(t, plan, locale),
        })}
      </p>
      <ul className="restore-conflicts" aria-label={t("backup.restore.conflictsList")}>
        {plan.conflicts.map((conflict) => (
          <ConflictRow key={conflict.key} conflict={conflict} request={request} question={question} />
        ))}
      </ul>
    </Dialog>
  );
}

function ConflictRow({
  conflict,
  request,
  question,
}: {
  conflict: RestoreConflict;
  request: ConflictRequest;
  question: RestoreConflictQuestion;
}) {
  const { t } = useTranslation();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const label = `${t(`backup.restore.kind.${conflict.kind}`)} ${conflict.id}`;
  const choice = request.choices[conflict.key];
  return (
    <li className="restore-conflict">
      <div role="group" aria-label={label} className="restore-conflict__item">
        <span className="restore-conflict__kind">{t(`backup.restore.kind.${conflict.kind}`)}</span>{" "}
        <code className="restore-conflict__id">{conflict.id}</code>
        <div className="restore-conflict__differs">{differenceText(t, conflict.differences, locale)}</div>
        {conflict.immutable ? (
          <div className="restore-conflict__skipped">{t("backup.restore.immutable")}</div>
        ) : (
          <div className="restore-conflict__choice">
            {(["mine", "backup"] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={conflict.key}
                  checked={choice === value}
                  onChange={() => question.choose(conflict.key, value)}
                />{" "}
                {t(value === "mine" ? "backup.restore.keepMine" : "backup.restore.takeBackup")}
              </label>
            ))}
          </div>
        )}
      </div>
    </li>
  );
}
