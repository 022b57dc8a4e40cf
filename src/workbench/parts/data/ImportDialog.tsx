import { useSelector } from "@xstate/react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import { columnKinds, textEncodings, type ImportCheck, type ImportOptions } from "../../../platform";
import { formatCount } from "../../i18n";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { Dialog } from "../../widgets/dialog/Dialog";
import { importActorFor, type DatasetImportActor } from "./dataImport";

/** Problems rendered in the report; the check keeps up to MAX_PROBLEMS, the table shows these. */
const SHOWN_PROBLEMS = 2000;

/**
 * The import dialog, shown while an import is under way: progress and Cancel while the file is read
 * and checked, the report (problems by line and column, the inferred column types to confirm or
 * correct, encoding and sheet) with "Import N valid rows" / "Import" and Cancel, then progress while
 * storing. Mounted with the status bar items (the part's one always-present mount point) and
 * rendered into the document body.
 */
export function ImportHost() {
  const services = useServices();
  const actor = importActorFor(services);
  const state = useSelector(actor, (s) => (s.matches("idle") ? null : String(s.value)));
  if (state === null) return null;
  return createPortal(<ImportDialog actor={actor} />, document.body);
}

function ImportDialog({ actor }: { actor: DatasetImportActor }) {
  const { t } = useTranslation();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const { value, context } = useSelector(actor, (s) => ({ value: String(s.value), context: s.context }));
  const cancel = () => actor.send({ type: "import.cancel" });
  const fileName = context.file?.name ?? "";
  const title = t("datasets.import.title", { file: fileName });

  if (value === "checking" || value === "writing") {
    const fraction = context.progress?.fraction ?? 0;
    const rows = formatCount(context.progress?.rows ?? 0, locale);
    return (
      <Dialog
        title={title}
        onCancel={cancel}
        actions={
          <button type="button" className="button button--secondary" data-default="" onClick={cancel}>
            {t("datasets.import.cancel")}
          </button>
        }
      >
        <p>{t(value === "checking" ? "datasets.import.reading" : "datasets.import.writing", { rows })}</p>
        <progress
          className="import-progress"
          aria-label={t("datasets.import.progress")}
          max={100}
          value={Math.round(fraction * 100)}
        />
      </Dialog>
    );
  }
  if (value === "failed") {
    return (
      <Dialog
        title={title}
        onCancel={() => actor.send({ type: "import.dismiss" })}
        actions={
          <button
            type="button"
            className="button"
            data-default=""
            onClick={() => actor.send({ type: "import.dismiss" })}
          >
            {t("datasets.import.close")}
          </button>
        }
      >
        <p role="alert">{t("datasets.import.failed", { error: context.error ?? "" })}</p>
        <p>{t("datasets.import.nothingStored")}</p>
      </Dialog>
    );
  }
  const check = context.check!;
  const options = context.options!;
  const importable = !check.fatal && check.valid > 0 && context.name.trim() !== "";
  const confirmLabel =
    check.badRows > 0
      ? t("datasets.import.importValid", { count: check.valid, rows: formatCount(check.valid, locale) })
      : t("datasets.import.importAll");
  return (
    <Dialog
      title={title}
      size="large"
      onCancel={cancel}
      actions={
        <>
          <button
            type="button"
            className="button"
            data-default=""
            disabled={!importable}
            onClick={() => actor.send({ type: "import.confirm" })}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t("datasets.import.cancel")}
          </button>
        </>
      }
    >
      <ReviewBody actor={actor} check={check} options={options} name={context.name} locale={locale} />
    </Dialog>
  );
}

function ReviewBody({
  actor,
  check,
  options,
  name,
  locale,
}: {
  actor: DatasetImportActor;
  check: ImportCheck;
  options: ImportOptions;
  name: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const recheck = (change: Partial<ImportOptions>) =>
    actor.send({ type: "import.recheck", options: { ...options, ...change } });
  const tabular = check.format === "csv" || check.format === "xlsx";
  const kinds = Object.fromEntries(
    check.columns.flatMap((c) => (c.kind === "json" ? [] : [[c.name, c.kind]])),
  );
  const count = (n: number) => formatCount(n, locale);
  return (
    <div className="import-review">
      {check.fatal ? (
        <p role="alert" className="import-review__fatal">
          {pickText(check.fatal, locale)}
        </p>
      ) : (
        <p role="status">
          {check.badRows > 0
            ? t("datasets.import.summary", {
                rows: count(check.rows),
                valid: count(check.valid),
                bad: count(check.badRows),
              })
            : t("datasets.import.summaryClean", { rows: count(check.rows) })}
        </p>
      )}
      <div className="import-review__options">
        <label>
          {t("datasets.import.name")}
          <input
            type="text"
            value={name}
            data-autofocus=""
            onChange={(e) => actor.send({ type: "import.name", name: e.target.value })}
          />
        </label>
        {check.encoding && (
          <label>
            {t("datasets.import.encoding")}
            <select
              value={check.encoding}
              onChange={(e) => recheck({ encoding: e.target.value as (typeof textEncodings)[number] })}
            >
              {textEncodings.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {encoding === check.detectedEncoding
                    ? t("datasets.import.detected", { encoding: encoding.toUpperCase() })
                    : encoding.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
        )}
        {check.sheets && check.sheets.length > 1 && (
          <label>
            {t("datasets.import.sheet")}
            <select
              value={check.sheet}
              onChange={(e) => recheck({ sheet: e.target.value, kinds: undefined })}
            >
              {check.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!check.fatal && (
        <p className="import-review__schema">
          {t(check.schema === "distributor" ? "datasets.import.distributor" : "datasets.import.inferred")}
        </p>
      )}
      {!check.fatal && check.schema === "inferred" && check.columns.length > 0 && (
        <div className="import-review__table-wrap">
          <table className="import-review__table">
            <caption>{t("datasets.import.columns")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("datasets.import.column")}</th>
                <th scope="col">{t("datasets.import.type")}</th>
              </tr>
            </thead>
            <tbody>
              {check.columns.map((column) => (
                <tr key={column.name}>
                  <th scope="row">
                    <code>{column.name}</code>
                  </th>
                  <td>
                    {tabular && column.kind !== "json" ? (
                      <select
                        aria-label={`${t("datasets.import.type")}: ${column.name}`}
                        value={column.kind}
                        onChange={(e) =>
                          recheck({
                            kinds: {
                              ...kinds,
                              [column.name]: e.target.value as (typeof columnKinds)[number],
                            },
                          })
                        }
                      >
                        {columnKinds.map((kind) => (
                          <option key={kind} value={kind}>
                            {t(`datasets.import.kinds.${kind}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`datasets.import.kinds.${column.kind}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {check.problems.length > 0 && (
        <div className="import-review__table-wrap import-review__problems">
          <table className="import-review__table">
            <caption>{t("datasets.import.problems")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t(check.format === "xlsx" ? "datasets.import.row" : "datasets.import.line")}
                </th>
                <th scope="col">{t("datasets.import.column")}</th>
                <th scope="col">{t("datasets.import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {check.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
                <tr key={i}>
                  <td>{problem.line}</td>
                  <td>{problem.column && <code>{problem.column}</code>}</td>
                  <td>{pickText(problem.message, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(check.truncated || check.problems.length > SHOWN_PROBLEMS) && (
            <p>{t("datasets.import.more", { count: Math.min(SHOWN_PROBLEMS, check.problems.length) })}</p>
          )}
        </div>
      )}
    </div>
  );
}
