import { useEffect, useId, useMemo, useRef } from "react";
import { useActorRef, useSelector } from "@xstate/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { fromPromise } from "xstate";
import { pickText, type Locale } from "../../../base";
import {
  blockingProblems,
  canRelease,
  releaseMachine,
  type ReleaseContext,
  type ReleaseProblem,
} from "../../../machines";
import type { BumpEvidence } from "../../../platform";
import { useServices, type WorkbenchServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import type { EditorProps } from "../contribution";
import { shortIntegrity } from "./packs.commands";

/** One line (and, for changed outputs, a list) of evidence for the suggested bump. */
export function evidenceText(t: TFunction, e: BumpEvidence): { text: string; items?: string[] } {
  const join = (ids: string[]) => ids.join(", ");
  switch (e.kind) {
    case "first-release":
      return { text: t("packs.release.ev.first-release") };
    case "rules-removed":
    case "population-removed":
    case "population-output-moved":
    case "rules-added":
      return { text: t(`packs.release.ev.${e.kind}`, { ids: join(e.ids) }) };
    case "params-removed":
    case "params-retyped":
      return { text: t(`packs.release.ev.${e.kind}`, { names: join(e.names) }) };
    case "output-retyped":
      return { text: t("packs.release.ev.output-retyped", { id: e.id, from: e.from, to: e.to }) };
    case "outputs-changed":
      return {
        text: t("packs.release.ev.outputs-changed", { dataset: e.dataset, records: e.records }),
        items: e.outputs.map((o) => t("packs.release.ev.output", { output: o.output, count: o.changed })),
      };
    case "logic-changed":
      return e.dataset === undefined
        ? { text: t("packs.release.ev.logic-changed-nodata", { ids: join(e.ids) }) }
        : { text: t("packs.release.ev.logic-changed", { ids: join(e.ids), dataset: e.dataset }) };
    case "no-output-change":
      return { text: t("packs.release.ev.no-output-change", { parts: join(e.parts) }) };
  }
}

/** Opens the document a problem is in at its place (Problems-style link). */
function reveal(services: WorkbenchServices, problem: ReleaseProblem): void {
  const { lists } = services.workspace.getSnapshot().context;
  const rule = lists.rules.find((r) => r.file === problem.file);
  const manifest = lists.manifests.find((m) => m.file === problem.file);
  const input = rule
    ? { kind: "rule", resource: rule.id }
    : manifest
      ? { kind: "manifest", resource: manifest.id }
      : undefined;
  if (!input) return;
  services.editors.reveal(input, { line: problem.line ?? 1, column: problem.column ?? 1 });
}

function ProblemList({
  problems,
  locale,
  label,
}: {
  problems: ReleaseProblem[];
  locale: Locale;
  label: string;
}) {
  const services = useServices();
  return (
    <ul className="release__problems" aria-label={label}>
      {problems.map((p, i) => {
        const where =
          p.file === undefined ? "" : `${p.file}${p.line === undefined ? "" : `:${p.line}:${p.column ?? 1}`}`;
        return (
          <li key={i}>
            {where ? (
              <button type="button" className="release__link" onClick={() => reveal(services, p)}>
                <span className="release__where">{where}</span> {pickText(p.message, locale)}
              </button>
            ) : (
              <span>{pickText(p.message, locale)}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const statusKey = {
  draft: "packs.release.validating",
  validating: "packs.release.validating",
  blocked: "packs.release.blocked",
  ready: "packs.release.ready",
  releasing: "packs.release.releasing",
  released: "packs.release.released",
  failed: "packs.release.failed",
} as const;

/**
 * `Pack: Release…` as an editor: the release machine's state, what blocks it (each problem a link to
 * its place), the suggested bump with its evidence, and a form for the version and the changelog
 * notes. Every control is a labelled native form element, so it works with a keyboard and a screen
 * reader; the state is announced in a status region.
 */
export function ReleaseEditor({ input, active }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const machine = useMemo(
    () =>
      releaseMachine.provide({
        actors: {
          check: fromPromise(({ input: i }: { input: { manifestId: string } }) =>
            services.releases.check(i.manifestId),
          ),
          guardrails: fromPromise(
            ({ input: i }: { input: Parameters<typeof services.releases.guardrails>[0] }) =>
              services.releases.guardrails(i),
          ),
          release: fromPromise(({ input: i }: { input: Parameters<typeof services.releases.release>[0] }) =>
            services.releases.release(i),
          ),
        },
      }),
    [services],
  );
  const actor = useActorRef(machine);
  const state = useSelector(actor, (s) => s.value as keyof typeof statusKey | { validating: string });
  const context = useSelector(actor, (s) => s.context);
  const top = typeof state === "string" ? state : "validating";
  useEffect(() => {
    actor.send({ type: "release.start", manifestId: input.resource });
  }, [actor, input.resource]);

  const versionRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (top === "ready" && active) versionRef.current?.focus();
  }, [top, active]);

  const name = context.check?.name ?? input.resource.split("@")[0] ?? input.resource;
  const ids = { version: useId(), versionHelp: useId(), notes: useId(), notesHelp: useId(), status: useId() };
  const blocking = blockingProblems(context);
  const statusText =
    top === "released"
      ? t(statusKey.released, {
          name,
          version: context.released?.version ?? "",
          integrity: shortIntegrity(context.released?.integrity ?? ""),
        })
      : top === "failed"
        ? t(statusKey.failed, { error: context.error ?? "" })
        : t(statusKey[top]);

  return (
    <section className="release" aria-labelledby={`${ids.status}-title`}>
      <h2 id={`${ids.status}-title`} className="release__title">
        {t("packs.release.title", { name: `${name} ${context.check?.manifestVersion ?? ""}`.trim() })}
      </h2>
      <p
        id={ids.status}
        className={`release__status release__status--${top}`}
        role={top === "failed" || top === "blocked" ? "alert" : "status"}
      >
        {statusText}
      </p>
      {context.check && <CheckSummary context={context} />}
      {top === "blocked" && (
        <>
          <ProblemList problems={blocking} locale={locale} label={t("packs.release.blocked")} />
          <div className="release__actions">
            <button type="button" className="button" onClick={() => actor.send({ type: "release.recheck" })}>
              {t("packs.release.recheck")}
            </button>
          </div>
        </>
      )}
      {context.check && context.check.warnings.length > 0 && (
        <details className="release__warnings">
          <summary>{t("packs.release.warnings", { count: context.check.warnings.length })}</summary>
          <ProblemList
            problems={context.check.warnings}
            locale={locale}
            label={t("packs.release.warnings", { count: context.check.warnings.length })}
          />
        </details>
      )}
      {(top === "ready" || top === "releasing" || top === "failed") && context.check && (
        <form
          className="release__form"
          onSubmit={(e) => {
            e.preventDefault();
            actor.send({ type: "release.confirm" });
          }}
        >
          <label htmlFor={ids.version}>{t("packs.release.version")}</label>
          <div className="release__version">
            <input
              ref={versionRef}
              id={ids.version}
              className="release__input"
              value={context.version}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={context.versionError !== null}
              aria-describedby={ids.versionHelp}
              disabled={top === "releasing"}
              onChange={(e) => actor.send({ type: "release.version", value: e.target.value })}
            />
            {context.check.suggestedVersion !== context.version && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  actor.send({ type: "release.version", value: context.check!.suggestedVersion })
                }
              >
                {t("packs.release.useSuggested", { version: context.check.suggestedVersion })}
              </button>
            )}
          </div>
          <p id={ids.versionHelp} className={context.versionError ? "release__error" : "release__help"}>
            {context.versionError?.code === "invalid"
              ? t("packs.release.versionInvalid", { version: context.version })
              : context.versionError?.code === "not-greater"
                ? t("packs.release.versionNotGreater", {
                    version: context.version,
                    latest: context.versionError.latest ?? "",
                  })
                : t("packs.release.versionHelp")}
          </p>
          <label htmlFor={ids.notes}>{t("packs.release.notes")}</label>
          <textarea
            id={ids.notes}
            className="release__notes"
            rows={4}
            value={context.notes}
            aria-describedby={ids.notesHelp}
            aria-invalid={context.notes.trim().length === 0}
            disabled={top === "releasing"}
            onChange={(e) => actor.send({ type: "release.notes", value: e.target.value })}
          />
          <p id={ids.notesHelp} className={context.notes.trim() ? "release__help" : "release__error"}>
            {context.notes.trim() ? t("packs.release.notesHelp") : t("packs.release.notesRequired")}
          </p>
          <div className="release__actions">
            {top === "failed" ? (
              <button type="button" className="button" onClick={() => actor.send({ type: "release.retry" })}>
                {t("packs.release.retry")}
              </button>
            ) : (
              <button type="submit" className="button" disabled={!canRelease(context) || top === "releasing"}>
                {t("packs.release.submit")}
              </button>
            )}
          </div>
        </form>
      )}
      {top === "failed" && !context.check && (
        <div className="release__actions">
          <button type="button" className="button" onClick={() => actor.send({ type: "release.retry" })}>
            {t("packs.release.retry")}
          </button>
        </div>
      )}
      {top === "released" && context.released && (
        <div className="release__actions">
          <button
            type="button"
            className="button"
            onClick={() =>
              services.editors.open(
                { kind: "released-pack", resource: context.released!.id },
                { preview: false },
              )
            }
          >
            {t("packs.release.openRelease")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void services.commands.execute("pack.export", context.released!.id)}
          >
            {t("packs.released.export")}
          </button>
        </div>
      )}
    </section>
  );
}

function CheckSummary({ context }: { context: ReleaseContext }) {
  const { t } = useTranslation();
  const check = context.check!;
  const suggestion = check.suggestion;
  return (
    <div className="release__summary">
      <ul className="release__facts">
        <li>{t("packs.release.tests", check.tests)}</li>
        <li>
          {check.dataset
            ? t("packs.release.dataset", { name: check.dataset.name, records: check.dataset.records })
            : t("packs.release.noDataset")}
        </li>
        <li>
          {check.earlier.length > 0
            ? t("packs.release.earlier", { versions: check.earlier.join(", ") })
            : t("packs.release.noEarlier", { name: check.name })}
        </li>
      </ul>
      {suggestion && (
        <div className="release__suggestion" role="group" aria-label={t("packs.release.evidence")}>
          <p className="release__bump">
            {t("packs.release.suggestion", { bump: t(`packs.release.bump.${suggestion.bump}`) })}
            {check.suggestedVersion && ` → ${check.suggestedVersion}`}
          </p>
          <ul className="release__evidence">
            {suggestion.evidence.map((e, i) => {
              const { text, items } = evidenceText(t, e);
              return (
                <li key={i}>
                  {text}
                  {items && (
                    <ul>
                      {items.map((item) => (
                        <li key={item}>{item}</li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
