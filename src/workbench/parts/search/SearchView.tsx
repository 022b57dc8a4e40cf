import { useDeferredValue, useMemo, useState, useSyncExternalStore } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { WorkspaceGate } from "../workspace/WorkspaceGate";
import {
  MAX_SEARCH_MATCHES,
  searchWorkspace,
  type SearchDocument,
  type SearchMode,
  type SearchQuery,
} from "./search.selectors";
import "./search.css";

const modes: readonly SearchMode[] = ["text", "id", "field", "operator"];

/** The Search view: by text, id, the field a rule reads, or operator; results grouped by file. */
export function SearchView() {
  return (
    <div data-part="search" className="search">
      <WorkspaceGate>
        <Search />
      </WorkspaceGate>
    </div>
  );
}

/** Rules and manifests as search reads them: the editor's text for open documents, else the stored one. */
function useSearchDocuments(): SearchDocument[] {
  const s = useServices();
  const lists = useSelector(s.workspace, (state) => state.context.lists);
  const locale = useSelector(usePreferencesActor(), (state) => state.context.locale);
  const version = useSyncExternalStore(s.documents.subscribe, s.documents.snapshot);
  return useMemo(() => {
    void version;
    const openText = (kind: "rule" | "manifest", id: string) =>
      s.documents.get(kind, id)?.getSnapshot().context.text;
    return [
      ...lists.rules.map((r) => ({
        uri: `rule:${r.id}`,
        kind: "rule" as const,
        id: r.id,
        file: r.file,
        title: pickText(r.rule.title, locale),
        text: openText("rule", r.id) ?? r.text,
      })),
      ...lists.manifests.map((m) => ({
        uri: `manifest:${m.id}`,
        kind: "manifest" as const,
        id: m.id,
        file: m.file,
        title: pickText(m.manifest.title, locale),
        text: openText("manifest", m.id) ?? m.text,
      })),
    ];
  }, [lists, locale, s.documents, version]);
}

function Toggle({
  label,
  text,
  pressed,
  onChange,
}: {
  label: string;
  text: string;
  pressed: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <button
      type="button"
      className="search__toggle"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={() => onChange(!pressed)}
    >
      {text}
    </button>
  );
}

function Search() {
  const { t } = useTranslation();
  const s = useServices();
  const documents = useSearchDocuments();
  const [query, setQuery] = useState<SearchQuery>({
    mode: "text",
    query: "",
    matchCase: false,
    wholeWord: false,
    regex: false,
  });
  const deferred = useDeferredValue(query);
  const result = useMemo(() => searchWorkspace(documents, deferred), [documents, deferred]);
  const set = (patch: Partial<SearchQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const open = (kind: "rule" | "manifest", id: string, line: number, column: number) =>
    s.editors.reveal({ kind, resource: id }, { line, column });
  return (
    <>
      <div className="search__form" role="search" aria-label={t("search.label")}>
        <div className="search__modes" role="radiogroup" aria-label={t("search.mode")}>
          {modes.map((mode, i) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={query.mode === mode}
              tabIndex={query.mode === mode ? 0 : -1}
              className="search__mode"
              onClick={() => set({ mode })}
              onKeyDown={(e) => {
                // A radio group is one tab stop; arrows choose, as WAI-ARIA's radio group does.
                const step =
                  e.key === "ArrowRight" || e.key === "ArrowDown"
                    ? 1
                    : e.key === "ArrowLeft" || e.key === "ArrowUp"
                      ? -1
                      : 0;
                if (step === 0) return;
                e.preventDefault();
                const next = modes[(i + step + modes.length) % modes.length]!;
                set({ mode: next });
                (
                  e.currentTarget.parentElement?.children[modes.indexOf(next)] as HTMLElement | undefined
                )?.focus();
              }}
            >
              {t(`search.modes.${mode}`)}
            </button>
          ))}
        </div>
        <div className="search__box">
          <input
            type="search"
            className="search__input"
            aria-label={t(`search.placeholder.${query.mode}`)}
            placeholder={t(`search.placeholder.${query.mode}`)}
            value={query.query}
            onChange={(e) => set({ query: e.target.value })}
            spellCheck={false}
          />
          {query.mode === "text" && (
            <span className="search__toggles">
              <Toggle
                label={t("search.matchCase")}
                text="Aa"
                pressed={query.matchCase === true}
                onChange={(v) => set({ matchCase: v })}
              />
              <Toggle
                label={t("search.wholeWord")}
                text="ab"
                pressed={query.wholeWord === true}
                onChange={(v) => set({ wholeWord: v })}
              />
              <Toggle
                label={t("search.regex")}
                text=".*"
                pressed={query.regex === true}
                onChange={(v) => set({ regex: v })}
              />
            </span>
          )}
        </div>
      </div>
      {!result.ok ? (
        <p className="search__message search__message--error" role="alert">
          {t("search.invalid", { reason: result.error })}
        </p>
      ) : deferred.query.trim() === "" ? null : result.total === 0 ? (
        <p className="search__message" role="status">
          {t("search.noResults")}
        </p>
      ) : (
        <>
          <p className="search__message" role="status">
            {t("search.summary", { count: result.total, files: result.files.length })}
            {result.truncated && ` ${t("search.truncated", { count: MAX_SEARCH_MATCHES })}`}
          </p>
          <ul className="search__results" aria-label={t("search.results")}>
            {result.files.map((file) => (
              <li key={file.uri} className="search__file">
                <div className="search__file-title" title={file.file}>
                  <span className="search__file-name">{file.file.slice(file.file.lastIndexOf("/") + 1)}</span>
                  {file.title && <span className="search__file-detail">{file.title}</span>}
                  <span className="search__count">{file.matches.length}</span>
                </div>
                <ul className="search__matches" aria-label={file.file}>
                  {file.matches.map((m, i) => (
                    <li key={i}>
                      <button
                        type="button"
                        className="search__match"
                        title={`${file.file}:${m.line}:${m.column}${m.detail ? ` · ${m.detail}` : ""}`}
                        aria-label={`${m.before}${m.match}${m.after} — ${file.id}, ${t("search.at", { line: m.line, column: m.column })}`}
                        onClick={() => open(file.kind, file.id, m.line, m.column)}
                      >
                        <span className="search__before">{m.before}</span>
                        <mark className="search__hit">{m.match}</mark>
                        <span className="search__after">{m.after}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
