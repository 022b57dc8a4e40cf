import { useTranslation } from "react-i18next";
import { useServices } from "../../services";
import { problemCounts } from "./problems.selectors";
import { useAllProblems } from "./useProblems";

/** Status bar item: error and warning counts, as VS Code shows them; a click opens Problems. */
export function ProblemsStatus() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const counts = problemCounts(useAllProblems());
  return (
    <button
      type="button"
      className="status-bar__item"
      aria-label={t("problems.show", { errors: counts.error, warnings: counts.warning })}
      title={t("problems.status", { errors: counts.error, warnings: counts.warning, infos: counts.info })}
      onClick={() => void commands.execute("workbench.showProblems")}
    >
      <span aria-hidden="true">
        ⊗ {counts.error} ⚠ {counts.warning}
      </span>
    </button>
  );
}
