import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BuilderNode } from "../../../engine";
import { logicNodeText, type JsonBlockEditorHandle } from "../../../platform";
import { useServices } from "../../services";
import { dedentBlock, reindentBlock } from "./blockIndent";
import { useBuilder } from "./builderContext";

/**
 * The JSON of a part the builder has no form for, exactly as written, in a small Monaco editor:
 * edited in place and committed when the focus leaves it, byte for byte as typed (one undo step of
 * the document); text that is not JSON is named and not committed, so the rule keeps its text.
 */
export function OpaqueBlock({ node }: { node: Extract<BuilderNode, { kind: "opaque" }> }) {
  const ctx = useBuilder();
  const { t } = useTranslation();
  const services = useServices();
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<JsonBlockEditorHandle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const written = logicNodeText(ctx.text, node.path) ?? JSON.stringify(node.json);
  // Shown without the file's indentation of the node; committed with it put back.
  const { shown: source, indent } = dedentBlock(written);
  // The latest committed text and how to commit, read by the editor's blur listener.
  const latest = useRef({ source, commit: (_raw: string) => {} });
  useEffect(() => {
    latest.current = { source, commit: (raw) => ctx.replaceRaw(node.path, reindentBlock(raw, indent)) };
  });
  const label = t("builder.jsonLabel");

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const { theme, fontSize } = services.preferences.getSnapshot().context;
    const handle = ctx.platform.createJsonBlockEditor(container, {
      text: latest.current.source,
      theme,
      fontSize,
      ariaLabel: label,
    });
    editor.current = handle;
    const blurred = handle.onDidBlur(() => {
      const typed = handle.getText();
      if (typed === latest.current.source) return setError(null);
      try {
        JSON.parse(typed);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return;
      }
      setError(null);
      latest.current.commit(typed);
    });
    return () => {
      blurred.dispose();
      handle.dispose();
      editor.current = null;
    };
    // One editor per block; its text follows the document below, its label in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx.platform]);

  // The document changed (undo, the code view, another block): show it, unless a draft with an error is kept.
  useEffect(() => {
    if (error === null) editor.current?.setText(source);
  }, [source, error]);
  useEffect(() => editor.current?.updateOptions({ ariaLabel: label }), [label]);

  return (
    <div className="builder__opaque">
      <span className="builder__caption" id={`${id}-caption`}>
        {t("builder.json")}
      </span>
      <div
        ref={host}
        className="builder__block"
        data-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p className="builder__error" id={`${id}-error`} role="alert">
          {t("builder.jsonInvalid", { reason: error })}
        </p>
      )}
    </div>
  );
}
