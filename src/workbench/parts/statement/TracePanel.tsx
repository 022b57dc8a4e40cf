import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { traceSelection } from "./statementClient";
import { StatementView } from "./StatementView";

const subscribe = (listener: () => void) => traceSelection.subscribe(listener);
const getSelected = () => traceSelection.get();

/** The Trace panel tab: the statement of the record explained last. */
export function TracePanel() {
  const { t } = useTranslation();
  const target = useSyncExternalStore(subscribe, getSelected);
  if (!target) return <p className="statement statement--message">{t("statement.traceEmpty")}</p>;
  return <StatementView target={target} compact />;
}
