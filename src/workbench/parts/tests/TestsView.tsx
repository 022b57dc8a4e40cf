import { useMemo, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { testGroups, type DiffSegment, type TestGroup, type TestRow } from "./tests.selectors";
import { useTestReports } from "./useTestReports";
import "./tests.css";

function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.changed ? (
          <mark key={i} className="tests__changed">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function Row({
  group,
  row,
  onOpen,
}: {
  group: TestGroup;
  row: TestRow;
  onOpen: (group: TestGroup, row: TestRow) => void;
}) {
  const { t } = useTranslation();
  const status = row.passed ? t("tests.passed") : t("tests.failed");
  return (
    <li className={`tests__test tests__test--${row.passed ? "passed" : "failed"}`}>
      <button
        type="button"
        className="tests__open"
        aria-label={`${row.name}: ${status}`}
        title={t("tests.open", { name: row.name })}
        onClick={() => onOpen(group, row)}
      >
        <span className="tests__icon" aria-hidden="true">
          {row.passed ? "✓" : "✗"}
        </span>
        <span className="tests__name">{row.name}</span>
        <span className="tests__status">{status}</span>
        {row.line !== undefined && (
          <span className="tests__where">
            [{row.line}, {row.column}]
          </span>
        )}
      </button>
      {row.diff && (
        <div className="tests__diff">
          <div className="tests__side">
            <div className="tests__side-title">{t("tests.expected")}</div>
            <pre className="tests__value tests__value--expected">
              <Segments segments={row.diff.expected} />
            </pre>
          </div>
          <div className="tests__side">
            <div className="tests__side-title">{t("tests.actual")}</div>
            <pre className="tests__value tests__value--actual">
              <Segments segments={row.diff.actual} />
            </pre>
          </div>
          {row.reason && <p className="tests__reason">{row.reason}</p>}
        </div>
      )}
    </li>
  );
}

/**
 * The Tests panel: every rule's tests, failures first, each failure with expected and actual side by
 * side and the difference marked; a click on a test opens the rule at it.
 */
export function TestsView() {
  const { t } = useTranslation();
  const s = useServices();
  const reports = useTestReports();
  const locale = useSelector(usePreferencesActor(), (state) => state.context.locale);
  const running = useSelector(
    s.tests,
    (state) => state.matches({ runs: "running" }) || state.matches({ analysis: "running" }),
  );
  const [onlyFailed, setOnlyFailed] = useState(false);
  const groups = useMemo(
    () =>
      testGroups(reports, locale, {
        anError: t("tests.anError"),
        error: (message) => t("tests.error", { message }),
        tolerance: (tolerance) => t("tests.tolerance", { tolerance }),
      }),
    [reports, locale, t],
  );
  const totals = groups.reduce(
    (sum, g) => ({ passed: sum.passed + g.passed, failed: sum.failed + g.failed }),
    { passed: 0, failed: 0 },
  );
  const open = (group: TestGroup, row: TestRow) =>
    s.editors.reveal(
      { kind: "rule", resource: group.ruleId },
      { line: row.line ?? 1, column: row.column ?? 1 },
    );
  const shown = onlyFailed ? groups.filter((g) => g.failed > 0) : groups;
  if (groups.length === 0) return <p className="panel__empty">{t("tests.none")}</p>;
  return (
    <div className="tests">
      <div className="tests__toolbar">
        <span role="status" className="tests__summary">
          {running ? t("tests.running") : t("tests.summary", totals)}
        </span>
        <label className="tests__only-failed">
          <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} />
          {t("tests.onlyFailed")}
        </label>
      </div>
      <ul className="tests__rules" aria-label={t("tests.list")}>
        {shown.map((group) => (
          <li key={group.ruleId} className="tests__rule">
            <h3 className="tests__rule-title">
              <span
                className={`tests__icon tests__icon--${group.failed > 0 ? "failed" : "passed"}`}
                aria-hidden="true"
              >
                {group.failed > 0 ? "✗" : "✓"}
              </span>
              {group.ruleId}
              <span className="tests__rule-counts">
                {t("tests.summary", { passed: group.passed, failed: group.failed })}
              </span>
            </h3>
            {group.problems.length > 0 && (
              <p className="tests__reason">
                {t("tests.cannotLoad")} {group.problems.join(" ")}
              </p>
            )}
            <ul className="tests__tests" aria-label={group.ruleId}>
              {group.rows.map((row) => (
                <Row key={row.key} group={group} row={row} onOpen={open} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
