import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EditorProps } from "../contribution";
import { parseStatementResource } from "./statementResource";
import { StatementView } from "./StatementView";

/** The "statement" editor kind: `<packRef>::<datasetId>::<recordId>`. */
export function StatementEditor({ input }: EditorProps) {
  const { t } = useTranslation();
  const target = useMemo(() => parseStatementResource(input.resource), [input.resource]);
  if (!target)
    return (
      <div className="statement statement--message" role="alert">
        {t("statement.failed", { message: input.resource })}
      </div>
    );
  return <StatementView target={target} />;
}
