import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../base";
import type { ColumnFilter, ColumnProfile } from "../../../platform";
import { formatCount } from "../../i18n";
import { cellText, type ViewerColumn } from "./viewerColumns";

function percent(part: number, whole: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    whole === 0 ? 0 : part / whole,
  );
}

/** The profile as a description list: counts with their share, range and mean, top values. */
function ProfileView({
  profile,
  column,
  locale,
}: {
  profile: ColumnProfile;
  column: ViewerColumn;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const share = (count: number) =>
    t("datasets.viewer.share", {
      count: formatCount(count, locale),
      share: percent(count, profile.rows, locale),
    });
  const number = (value: number) => cellText(value, column.unit, locale);
  const peak = Math.max(1, ...(profile.histogram ?? []));
  return (
    <>
      <dl className="column-panel__profile">
        <dt>{t("datasets.viewer.type")}</dt>
        <dd>{t(`datasets.viewer.types.${profile.type}`)}</dd>
        <dt>{t("datasets.viewer.rows")}</dt>
        <dd>{formatCount(profile.rows, locale)}</dd>
        <dt>{t("datasets.viewer.missingCount")}</dt>
        <dd>{share(profile.missing)}</dd>
        <dt>{t("datasets.viewer.nulls")}</dt>
        <dd>{share(profile.nulls)}</dd>
        <dt>{t("datasets.viewer.distinct")}</dt>
        <dd>{formatCount(profile.distinct, locale)}</dd>
        {profile.min !== undefined && (
          <>
            <dt>{t("datasets.viewer.min")}</dt>
            <dd>{number(profile.min)}</dd>
            <dt>{t("datasets.viewer.mean")}</dt>
            <dd>{number(profile.mean!)}</dd>
            <dt>{t("datasets.viewer.max")}</dt>
            <dd>{number(profile.max!)}</dd>
          </>
        )}
      </dl>
      {profile.histogram && (
        <div className="column-panel__histogram" role="img" aria-label={t("datasets.viewer.histogram")}>
          {profile.histogram.map((count, i) => (
            <span
              key={i}
              className="column-panel__bar"
              style={{ height: `${Math.max(2, (count / peak) * 100)}%` }}
              title={formatCount(count, locale)}
            />
          ))}
        </div>
      )}
      {profile.top && profile.top.length > 0 && (
        <>
          <h4 id="column-panel-top">{t("datasets.viewer.top")}</h4>
          <ol className="column-panel__top" aria-labelledby="column-panel-top">
            {profile.top.map((entry) => (
              <li key={entry.value}>
                <span className="column-panel__value">{entry.value}</span>
                <span>{share(entry.count)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** The filter form of a column: a number range, a choice of values, or text it contains. */
function FilterForm({
  column,
  profile,
  filter,
  onFilter,
}: {
  column: ViewerColumn;
  profile?: ColumnProfile;
  filter?: ColumnFilter;
  onFilter: (filter: ColumnFilter | undefined) => void;
}) {
  const { t } = useTranslation();
  const kind: ColumnFilter["kind"] =
    column.type === "number" ? "range" : profile?.choices && profile.choices.length > 0 ? "values" : "text";
  const [from, setFrom] = useState(
    filter?.kind === "range" && filter.min !== undefined ? String(filter.min) : "",
  );
  const [to, setTo] = useState(
    filter?.kind === "range" && filter.max !== undefined ? String(filter.max) : "",
  );
  const [contains, setContains] = useState(filter?.kind === "text" ? filter.contains : "");
  const [chosen, setChosen] = useState<string[]>(filter?.kind === "values" ? filter.values : []);
  const [problem, setProblem] = useState<string>();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (kind === "range") {
      const bad = [from, to].find((text) => text.trim() !== "" && !Number.isFinite(Number(text)));
      if (bad !== undefined) return setProblem(t("datasets.viewer.notNumber", { value: bad }));
      const min = from.trim() === "" ? undefined : Number(from);
      const max = to.trim() === "" ? undefined : Number(to);
      onFilter(
        min === undefined && max === undefined
          ? undefined
          : { kind: "range", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
      );
    } else if (kind === "values")
      onFilter(chosen.length > 0 ? { kind: "values", values: chosen } : undefined);
    else onFilter(contains !== "" ? { kind: "text", contains } : undefined);
  };

  return (
    <form className="column-panel__filter" onSubmit={submit} aria-labelledby="column-panel-filter">
      <h4 id="column-panel-filter">{t("datasets.viewer.filter")}</h4>
      {kind === "range" && (
        <div className="column-panel__range">
          <label>
            {t("datasets.viewer.from")}
            <input
              type="text"
              inputMode="decimal"
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
                setProblem(undefined);
              }}
            />
          </label>
          <label>
            {t("datasets.viewer.to")}
            <input
              type="text"
              inputMode="decimal"
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                setProblem(undefined);
              }}
            />
          </label>
        </div>
      )}
      {kind === "text" && (
        <label>
          {t("datasets.viewer.contains")}
          <input type="search" value={contains} onChange={(e) => setContains(e.target.value)} />
        </label>
      )}
      {kind === "values" && (
        <fieldset>
          <legend>{t("datasets.viewer.values")}</legend>
          {profile!.choices!.map((value) => (
            <label key={value} className="column-panel__choice">
              <input
                type="checkbox"
                checked={chosen.includes(value)}
                onChange={(e) =>
                  setChosen((list) => (e.target.checked ? [...list, value] : list.filter((v) => v !== value)))
                }
              />
              {value}
            </label>
          ))}
        </fieldset>
      )}
      {problem && (
        <p role="alert" className="column-panel__problem">
          {problem}
        </p>
      )}
      <div className="column-panel__buttons">
        <button type="submit">{t("datasets.viewer.apply")}</button>
        <button type="button" disabled={!filter} onClick={() => onFilter(undefined)}>
          {t("datasets.viewer.clear")}
        </button>
      </div>
    </form>
  );
}

/** The side panel of one column: its profile (computed in the worker) and its filter. */
export function ColumnPanel({
  column,
  profile,
  profileError,
  filter,
  locale,
  onFilter,
  onClose,
}: {
  column: ViewerColumn;
  profile?: ColumnProfile;
  profileError?: string;
  filter?: ColumnFilter;
  locale: Locale;
  onFilter: (filter: ColumnFilter | undefined) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const name = column.label ?? column.dotted;
  return (
    <aside className="column-panel" aria-label={t("datasets.viewer.panel", { column: name })}>
      <header className="column-panel__head">
        <h3>
          {name}
          {column.label && <span className="column-panel__path">{column.dotted}</span>}
        </h3>
        <button type="button" onClick={onClose} aria-label={t("datasets.viewer.close")}>
          ×
        </button>
      </header>
      <section aria-label={t("datasets.viewer.profile")}>
        <h4>{t("datasets.viewer.profile")}</h4>
        {profile ? (
          <ProfileView profile={profile} column={column} locale={locale} />
        ) : profileError ? (
          <p role="alert">{t("datasets.viewer.profileFailed", { error: profileError })}</p>
        ) : (
          <p role="status">{t("datasets.viewer.computing")}</p>
        )}
      </section>
      {/* Remounted per column and once the profile brings the choices. */}
      <FilterForm
        key={`${column.dotted}:${profile ? "profiled" : "pending"}`}
        column={column}
        profile={profile}
        filter={filter}
        onFilter={onFilter}
      />
    </aside>
  );
}
