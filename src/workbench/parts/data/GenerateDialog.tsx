import { useSelector } from "@xstate/react";
import { useId } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { MAX_GENERATED, samplesCommand } from "../../../platform";
import { formatCount } from "../../i18n";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { Dialog } from "../../widgets/dialog/Dialog";
import {
  editForm,
  formProblems,
  GENERATE_COUNTS,
  GENERATE_INDUSTRIES,
  generateActorFor,
  type DatasetGenerateActor,
} from "./dataGenerate";
import { writeErrorText } from "./storageText";
import "./generate.css";

/**
 * The generate dialog: the form (records, seed, industry preset, evaluation date, name), then
 * progress with Cancel while the worker generates and stores, then the failure if any. Mounted with
 * the status bar items (the part's one always-present mount point) and rendered into the body.
 */
export function GenerateHost() {
  const services = useServices();
  const actor = generateActorFor(services);
  const open = useSelector(actor, (s) => !s.matches("idle"));
  if (!open) return null;
  return createPortal(<GenerateDialog actor={actor} />, document.body);
}

function GenerateDialog({ actor }: { actor: DatasetGenerateActor }) {
  const { t } = useTranslation();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const { value, context } = useSelector(actor, (s) => ({ value: String(s.value), context: s.context }));
  const cancel = () => actor.send({ type: "generate.cancel" });
  const title = t("synthetic.title");
  const count = formatCount(context.form.spec.count, locale);

  if (value === "generating") {
    return (
      <Dialog
        title={title}
        onCancel={cancel}
        actions={
          <button type="button" className="button button--secondary" data-default="" onClick={cancel}>
            {t("synthetic.cancel")}
          </button>
        }
      >
        <p>{t("synthetic.generating", { rows: formatCount(context.rows, locale), count })}</p>
        <progress
          className="generate-progress"
          aria-label={t("synthetic.progress")}
          max={context.form.spec.count}
          value={context.rows}
        />
      </Dialog>
    );
  }
  if (value === "failed") {
    return (
      <Dialog
        title={title}
        onCancel={() => actor.send({ type: "generate.dismiss" })}
        actions={
          <>
            <button
              type="button"
              className="button"
              data-default=""
              onClick={() => actor.send({ type: "generate.dismiss" })}
            >
              {t("synthetic.close")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => actor.send({ type: "generate.start" })}
            >
              {t("synthetic.back")}
            </button>
          </>
        }
      >
        <p role="alert">{t("synthetic.failed", { error: writeErrorText(t, context.error, locale) })}</p>
        <p>{t("synthetic.nothingStored")}</p>
      </Dialog>
    );
  }
  return <GenerateFormDialog actor={actor} title={title} />;
}

function GenerateFormDialog({ actor, title }: { actor: DatasetGenerateActor; title: string }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const form = useSelector(actor, (s) => s.context.form);
  const problems = formProblems(form);
  const valid = Object.keys(problems).length === 0;
  const edit = (change: Parameters<typeof editForm>[1]) =>
    actor.send({ type: "generate.edit", form: editForm(form, change) });
  const start = () => actor.send({ type: "generate.start" });
  const problem = (field: keyof typeof problems) =>
    problems[field] && (
      <p id={`${id}-${field}`} className="generate-form__problem" role="alert">
        {t(problems[field], { max: formatCount(MAX_GENERATED, locale) })}
      </p>
    );
  const described = (field: keyof typeof problems) => (problems[field] ? `${id}-${field}` : undefined);
  return (
    <Dialog
      title={title}
      onCancel={() => actor.send({ type: "generate.cancel" })}
      actions={
        <>
          <button type="button" className="button" data-default="" disabled={!valid} onClick={start}>
            {t("synthetic.generate")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => actor.send({ type: "generate.cancel" })}
          >
            {t("synthetic.cancel")}
          </button>
        </>
      }
    >
      <p>{t("synthetic.intro")}</p>
      <form
        className="generate-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) start();
        }}
      >
        <label htmlFor={`${id}-count`}>{t("synthetic.count")}</label>
        <select
          id={`${id}-count`}
          value={form.spec.count}
          data-autofocus=""
          onChange={(e) => edit({ count: Number(e.target.value) })}
        >
          {GENERATE_COUNTS.map((n) => (
            <option key={n} value={n}>
              {formatCount(n, locale)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-seed`}>{t("synthetic.seed")}</label>
        <input
          id={`${id}-seed`}
          type="number"
          min={0}
          max={4294967295}
          step={1}
          value={Number.isNaN(form.spec.seed) ? "" : form.spec.seed}
          aria-invalid={problems.seed ? true : undefined}
          aria-describedby={described("seed")}
          onChange={(e) => edit({ seed: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
        />
        {problem("seed")}
        <label htmlFor={`${id}-industry`}>{t("synthetic.industry")}</label>
        <select
          id={`${id}-industry`}
          value={form.spec.industry}
          onChange={(e) => edit({ industry: e.target.value as typeof form.spec.industry })}
        >
          {GENERATE_INDUSTRIES.map((industry) => (
            <option key={industry} value={industry}>
              {t(`synthetic.industries.${industry}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-asof`}>{t("synthetic.asOf")}</label>
        <input
          id={`${id}-asof`}
          type="text"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          value={form.spec.asOf}
          aria-invalid={problems.asOf ? true : undefined}
          aria-describedby={described("asOf")}
          onChange={(e) => edit({ asOf: e.target.value.trim() })}
        />
        {problem("asOf")}
        <label htmlFor={`${id}-regions`}>{t("synthetic.regions")}</label>
        <input
          id={`${id}-regions`}
          type="text"
          placeholder="华东=40,华南=10"
          value={form.spec.regions ?? ""}
          aria-invalid={problems.regions ? true : undefined}
          aria-describedby={described("regions")}
          onChange={(e) => edit({ regions: e.target.value })}
        />
        {problem("regions")}
        <label htmlFor={`${id}-name`}>{t("synthetic.name")}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={form.name}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={described("name")}
          onChange={(e) => edit({ name: e.target.value })}
        />
        {problem("name")}
      </form>
      <p className="generate-command">{t("synthetic.command", { command: samplesCommand(form.spec) })}</p>
    </Dialog>
  );
}
