import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { EditorProps } from "../contribution";

/*
 * The report and the comparison load with their own chunk the first time one is opened: they are
 * large (tables, grid, reasons) and the main chunk has a size budget.
 */
const Report = lazy(() => import("./ReportEditor").then((m) => ({ default: m.ReportEditor })));
const Compare = lazy(() => import("./CompareEditor").then((m) => ({ default: m.CompareEditor })));

function Loading() {
  const { t } = useTranslation();
  return <p className="report__message">{t("simulation.report.loading")}</p>;
}

export function LazyReportEditor(props: EditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <Report {...props} />
    </Suspense>
  );
}

export function LazyCompareEditor(props: EditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <Compare {...props} />
    </Suspense>
  );
}
