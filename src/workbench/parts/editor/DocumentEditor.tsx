import { useEffect, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import type { DocumentKind } from "../../../machines";
import type { MonacoPlatform } from "../../../platform";
import { useServices, type DocumentActor } from "../../services";
import type { EditorProps } from "../contribution";
import { CodeEditorView } from "./CodeEditorView";
import { ConflictView } from "./ConflictView";
import { documentSession } from "./documentSession";
import { useMonacoPlatform } from "./useMonacoPlatform";
import { editorKey } from "../../../machines";
import { BuilderView } from "../builder/BuilderView";
import { useBuilderMode } from "../builder/builderMode";
import "./editor.css";

type Opened =
  { status: "opening" } | { status: "open"; actor: DocumentActor } | { status: "failed"; reason: string };

/** The document actor of an editor input, opened (read from storage with any draft) on mount. */
function useDocument(kind: DocumentKind, id: string): Opened {
  const { documents } = useServices();
  const [opened, setOpened] = useState<Opened>(() => {
    const actor = documents.get(kind, id);
    return actor ? { status: "open", actor } : { status: "opening" };
  });
  useEffect(() => {
    let live = true;
    documents.open(kind, id).then(
      (actor) => live && setOpened({ status: "open", actor }),
      (error: unknown) =>
        live &&
        setOpened({ status: "failed", reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [documents, kind, id]);
  return opened;
}

function OpenDocument({
  platform,
  actor,
  props,
  label,
}: {
  platform: MonacoPlatform;
  actor: DocumentActor;
  props: EditorProps;
  label: string;
}) {
  const services = useServices();
  const inConflict = useSelector(actor, (s) => s.matches({ lifecycle: "conflict" }));
  const session = documentSession(platform, services, actor);
  const key = editorKey(props.input);
  const builder = useBuilderMode(key);
  if (inConflict) return <ConflictView platform={platform} actor={actor} name={props.input.resource} />;
  const code = (
    <CodeEditorView
      platform={platform}
      session={session}
      input={props.input}
      active={props.active}
      ariaLabel={label}
    />
  );
  if (props.input.kind !== "rule") return code;
  // The visual builder is a second view of the same model (one text, one undo history); its toggle
  // sits at the end of the tab bar (the rule editor's actions).
  return builder ? (
    <BuilderView platform={platform} model={session.model} name={props.input.resource} />
  ) : (
    code
  );
}

/**
 * The editor of a rule or manifest document: Monaco (loaded on the first one opened) bound to the
 * document's actor, or the conflict diff while the document is in conflict.
 */
export function DocumentEditor({ kind, ...props }: EditorProps & { kind: DocumentKind }) {
  const { t } = useTranslation();
  const name = props.input.resource;
  const platform = useMonacoPlatform();
  const opened = useDocument(kind, name);
  const label = t(kind === "rule" ? "documentEditor.ruleLabel" : "documentEditor.manifestLabel", { name });
  let body;
  if (platform.status === "failed") {
    body = (
      <div className="document-editor__message" role="alert">
        <p>{t("documentEditor.failed", { reason: platform.reason })}</p>
        <button type="button" className="button" onClick={platform.retry}>
          {t("documentEditor.retry")}
        </button>
      </div>
    );
  } else if (opened.status === "failed") {
    body = (
      <p className="document-editor__message" role="alert">
        {t("documentEditor.openFailed", { name, reason: opened.reason })}
      </p>
    );
  } else if (platform.status === "loading" || opened.status === "opening") {
    body = (
      <p className="document-editor__message" role="status">
        {platform.status === "loading" ? t("documentEditor.loading") : t("documentEditor.opening", { name })}
      </p>
    );
  } else {
    body = <OpenDocument platform={platform.platform} actor={opened.actor} props={props} label={label} />;
  }
  return (
    <div className="document-editor" data-editor-kind={kind}>
      {body}
    </div>
  );
}

/** The `rule` editor kind. */
export function RuleEditor(props: EditorProps) {
  return <DocumentEditor kind="rule" {...props} />;
}

/** The `manifest` editor kind. */
export function ManifestEditor(props: EditorProps) {
  return <DocumentEditor kind="manifest" {...props} />;
}
