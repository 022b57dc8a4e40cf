import { useMemo } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import { logicSummary, packVocabulary } from "../../../engine";
import { useServices } from "../../services";
import { useBuilder } from "./builderContext";
import { workspaceContent } from "./builder.selectors";

/** The rule's output unit, read from the document's text as it is now (the summary follows typing). */
function unitOf(text: string): string | undefined {
  try {
    const unit = (JSON.parse(text) as { output?: { unit?: unknown } }).output?.unit;
    return typeof unit === "string" ? unit : undefined;
  } catch {
    return undefined;
  }
}

/** The plain-language summary of the logic shown, above the builder, in the UI language. */
export function BuilderSummary({ logic, text }: { logic: unknown; text: string }) {
  const { t } = useTranslation();
  const { locale } = useBuilder();
  const services = useServices();
  const lists = useSelector(services.workspace, (s) => s.context.lists);
  const activeDatasetId = useSelector(services.workspace, (s) => s.context.activeDatasetId);
  const schema = lists.datasets.find((d) => d.id === activeDatasetId)?.schema;
  const content = useMemo(() => workspaceContent(lists), [lists]);
  const vocabulary = useMemo(() => packVocabulary(content, schema), [content, schema]);
  const unit = unitOf(text);
  const summary = useMemo(
    () => logicSummary(logic, { vocabulary, params: content.params, ...(unit ? { unit } : {}) }),
    [logic, vocabulary, content, unit],
  );
  return (
    <section className="builder__summary" aria-label={t("builder.summary")}>
      <h2 className="builder__caption">{t("builder.summary")}</h2>
      <p lang={locale}>{pickText(summary, locale)}</p>
    </section>
  );
}
