import { useEffect, useRef } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import type { DiffEditorHandle, MonacoPlatform } from "../../../platform";
import { useServices, type DocumentActor } from "../../services";

interface Props {
  platform: MonacoPlatform;
  actor: DocumentActor;
  name: string;
}

/**
 * A document in conflict: another tab saved it while this one had edits. A diff of the saved
 * version (left, read-only) and this tab's (right, editable) with the three ways out: keep mine,
 * take theirs, or merge by hand on the right and accept the merge.
 */
export function ConflictView({ platform, actor, name }: Props) {
  const { t } = useTranslation();
  const services = useServices();
  const container = useRef<HTMLDivElement>(null);
  const diff = useRef<DiffEditorHandle | null>(null);
  const theirs = useSelector(actor, (s) => s.context.theirs?.text ?? s.context.savedText);

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const { theme, fontSize } = services.preferences.getSnapshot().context;
    const handle = platform.createDiffEditor(host, {
      original: theirs,
      modified: actor.getSnapshot().context.text,
      theme: theme,
      fontSize,
      originalAriaLabel: t("documentEditor.conflict.theirs", { name }),
      modifiedAriaLabel: t("documentEditor.conflict.mine", { name }),
    });
    diff.current = handle;
    handle.focus();
    return () => {
      handle.dispose();
      diff.current = null;
    };
    // One diff per conflict: the texts are those of the moment it opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [platform, actor, theirs]);

  return (
    <section className="conflict" aria-label={t("documentEditor.conflict.title")}>
      <div className="conflict__bar" role="alert">
        <p className="conflict__message">{t("documentEditor.conflict.message", { name })}</p>
        <div className="conflict__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              const text = diff.current?.getModifiedText();
              if (text !== undefined) actor.send({ type: "conflict.merge", text });
            }}
          >
            {t("documentEditor.conflict.acceptMerge")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => actor.send({ type: "conflict.keepMine" })}
          >
            {t("documentEditor.conflict.keepMine")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => actor.send({ type: "conflict.takeTheirs" })}
          >
            {t("documentEditor.conflict.takeTheirs")}
          </button>
        </div>
      </div>
      <div ref={container} className="conflict__diff" />
    </section>
  );
}
