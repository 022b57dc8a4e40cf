import { useTranslation } from "react-i18next";
import { useServices } from "../../services";
import { testTotals } from "./tests.selectors";
import { useTestReports } from "./useTestReports";

/** Status bar item: tests passed and failed over the workspace; a click opens the Tests panel. */
export function TestsStatus() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const reports = useTestReports();
  if (reports.length === 0) return null;
  const totals = testTotals(reports);
  return (
    <button
      type="button"
      className="status-bar__item"
      aria-label={t("tests.status", totals)}
      title={t("tests.status", totals)}
      onClick={() => void commands.execute("workbench.showTests")}
    >
      <span aria-hidden="true">
        ✓ {totals.passed} ✗ {totals.failed}
      </span>
    </button>
  );
}
