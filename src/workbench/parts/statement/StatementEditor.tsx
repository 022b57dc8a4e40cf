import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EditorProps } from "../contribution";
import { traceSelection } from "./statementClient";
import { parseStatementResource } from "./statementResource";
import { StatementView } from "./StatementView";

/** The "statement" editor kind: `<packRef>::<datasetId>::<recordId>`. */
export function StatementEditor({ input, active }: EditorProps) {
  const { t } = useTranslation();
  const target = useMemo(() => parseStatementResource(input.resource), [input.resource]);
  // The Trace panel follows the statement in front (one opened from a report row included).
  useEffect(() => {
    if (active && target) traceSelection.set(target);
  }, [active, target]);
  if (!target)
    return (
      <div className="statement statement--message" role="alert">
        {t("statement.failed", { message: input.resource })}
      </div>
    );
  return <StatementView target={target} />;
}
