import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import {
  checkTemplateValues,
  defaultValues,
  findTemplate,
  instantiateTemplate,
  schemaFields,
  templateFields,
  type FieldError,
  type RuleTemplate,
  type ScalarFieldKind,
  type TableColumn,
  type TableRow,
  type TemplateField,
  type TemplateValues,
} from "../../../engine";
import type { EditorProps } from "../contribution";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { inputText, parseInput, readable } from "./templateInputs";
import "./templates.css";

interface ScalarProps {
  id: string;
  kind: ScalarFieldKind;
  value: unknown;
  label: string;
  describedBy: string;
  invalid: boolean;
  choices?: TemplateField["choices"];
  locale: Locale;
  listId: string;
  onChange: (value: unknown) => void;
  /** Table cells are labelled by their column and row, not by a visible label. */
  ariaLabel?: string;
}

/** One input of the form, typed by the field's kind. */
function ScalarInput(props: ScalarProps) {
  const { kind, value, choices, locale } = props;
  const common = {
    id: props.id,
    "aria-describedby": props.describedBy,
    "aria-invalid": props.invalid || undefined,
    ...(props.ariaLabel ? { "aria-label": props.ariaLabel } : {}),
  };
  if (kind === "choice") {
    return (
      <select {...common} value={String(value)} onChange={(e) => props.onChange(e.target.value)}>
        {(choices ?? []).map((c) => (
          <option key={c.value} value={c.value}>
            {pickText(c.label, locale)}
          </option>
        ))}
      </select>
    );
  }
  if (kind === "boolean") {
    return (
      <input
        {...common}
        type="checkbox"
        checked={value === true}
        onChange={(e) => props.onChange(e.target.checked)}
      />
    );
  }
  const numeric = !(kind === "id" || kind === "text" || kind === "path");
  const hint = readable(kind, value, locale);
  return (
    <span className="template-form__input">
      <input
        {...common}
        type="text"
        inputMode={numeric ? "decimal" : undefined}
        spellCheck={false}
        autoComplete="off"
        list={kind === "path" ? props.listId : undefined}
        value={inputText(kind, value)}
        onChange={(e) => props.onChange(parseInput(kind, e.target.value))}
      />
      {kind === "ratio" && <span className="template-form__unit">%</span>}
      {kind === "money" && hint && <span className="template-form__hint">{hint}</span>}
    </span>
  );
}

const errorText = (errors: FieldError[], locale: Locale) =>
  errors.map((e) => pickText(e.message, locale)).join(" ");

interface TableProps {
  field: TemplateField;
  rows: TableRow[];
  errors: FieldError[];
  locale: Locale;
  listId: string;
  baseId: string;
  onChange: (rows: TableRow[]) => void;
}

/** A table field: one row per band / tier / KPI, with add, remove and move buttons. */
function TableInput({ field, rows, errors, locale, listId, baseId, onChange }: TableProps) {
  const { t } = useTranslation();
  const columns = field.columns ?? [];
  const label = pickText(field.label, locale);
  const set = (i: number, column: TableColumn, value: unknown) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, [column.key]: value } : row)));
  const move = (i: number, to: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(to, 0, row as TableRow);
    onChange(next);
  };
  const blank = (): TableRow =>
    Object.fromEntries(
      columns.map((c) => [
        c.key,
        c.kind === "choice" ? (c.choices?.[0]?.value ?? "") : c.kind === "text" || c.kind === "path" ? "" : 0,
      ]),
    );
  const canAdd = field.maxRows === undefined || rows.length < field.maxRows;
  const canRemove = field.minRows === undefined || rows.length > field.minRows;
  return (
    <div className="template-form__table-wrap">
      <table
        className="template-form__table"
        aria-label={t("templates.form.rows", { label, count: rows.length })}
      >
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map((c) => (
              <th scope="col" key={c.key} title={pickText(c.help, locale)}>
                {pickText(c.label, locale)}
              </th>
            ))}
            <th scope="col">
              <span className="template-form__sr">{t("templates.form.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              {columns.map((c) => {
                const cellErrors = errors.filter((e) => e.row === i && e.column === c.key);
                const id = `${baseId}-${i}-${c.key}`;
                return (
                  <td key={c.key}>
                    <ScalarInput
                      id={id}
                      kind={c.kind}
                      value={row[c.key]}
                      label={pickText(c.label, locale)}
                      ariaLabel={`${pickText(c.label, locale)}, ${t("templates.form.row", { row: i + 1 })}`}
                      describedBy={cellErrors.length ? `${id}-error` : `${baseId}-help`}
                      invalid={cellErrors.length > 0}
                      {...(c.choices ? { choices: c.choices } : {})}
                      locale={locale}
                      listId={listId}
                      onChange={(v) => set(i, c, v)}
                    />
                    {cellErrors.length > 0 && (
                      <span id={`${id}-error`} className="template-form__error">
                        {errorText(cellErrors, locale)}
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="template-form__row-actions">
                <button
                  type="button"
                  disabled={i === 0}
                  aria-label={t("templates.form.moveUp", { row: i + 1 })}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === rows.length - 1}
                  aria-label={t("templates.form.moveDown", { row: i + 1 })}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  disabled={!canRemove}
                  aria-label={t("templates.form.removeRow", { row: i + 1 })}
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="template-form__add"
        disabled={!canAdd}
        onClick={() => onChange([...rows, blank()])}
      >
        {t("templates.form.addRow")}
      </button>
    </div>
  );
}

function Form({ template }: { template: RuleTemplate }) {
  const { t } = useTranslation();
  const services = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const lists = useSelector(services.workspace, (s) => s.context.lists);
  const activeDatasetId = useSelector(services.workspace, (s) => s.context.activeDatasetId);
  const baseId = useId();
  const listId = `${baseId}-fields`;
  const [values, setValues] = useState<TemplateValues>(() => defaultValues(template));
  const [shown, setShown] = useState(false);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const busy = useSelector(services.workspaceOps, (s) => s.matches("fromTemplate"));
  const firstInvalid = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Picking a template from the quick pick puts the keyboard in its form, on the first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);
  const activeManifest = services.editors.active();
  const [manifestId, setManifestId] = useState<string>(
    () => (activeManifest?.kind === "manifest" ? activeManifest.resource : lists.manifests[0]?.id) ?? "",
  );
  const fields = templateFields(template);
  const errors = checkTemplateValues(template, values);
  const idTaken = lists.rules.some((r) => r.id === values["id"]);
  const allErrors: FieldError[] = [
    ...errors,
    ...(idTaken && submitted !== values["id"]
      ? [
          {
            field: "id",
            message: {
              en: `A rule "${String(values["id"])}" exists already.`,
              "zh-CN": `规则 "${String(values["id"])}" 已存在。`,
            },
          },
        ]
      : []),
  ];
  const schema = lists.datasets.find((d) => d.id === activeDatasetId)?.schema;
  const options = useMemo(() => schemaFields(schema), [schema]);

  // Once the rule is stored (it appears in the workspace lists) this form has done its job and its
  // tab closes. The form is not mounted while the new rule's tab is active, so this watches the
  // workspace actor rather than rendering (so it outlives the unmount); a failed creation leaves the
  // form open with its values, and the next submit replaces the watch.
  const watching = useRef<{ unsubscribe(): void } | null>(null);
  const closeWhenStored = (id: string) => {
    watching.current?.unsubscribe();
    const subscription = services.workspace.subscribe((s) => {
      if (!s.context.lists.rules.some((r) => r.id === id)) return;
      subscription.unsubscribe();
      services.editors.actor.send({
        type: "editor.closeResource",
        input: { kind: "ruleTemplate", resource: template.id },
      });
    });
    watching.current = subscription;
  };

  const set = (key: string, value: unknown) => {
    setValues((v) => ({ ...v, [key]: value }));
  };
  const visible = (key: string) => (shown ? allErrors.filter((e) => e.field === key) : []);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (allErrors.length > 0) {
      const first = allErrors[0]!;
      firstInvalid.current =
        first.row !== undefined && first.column !== undefined
          ? `${baseId}-${first.field}-${first.row}-${first.column}`
          : `${baseId}-${first.field}`;
      document.getElementById(firstInvalid.current)?.focus();
      return;
    }
    const result = instantiateTemplate(template, values);
    if (!result.ok) return;
    setSubmitted(result.value.rule.id);
    closeWhenStored(result.value.rule.id);
    services.workspaceOps.send({
      type: "ops.newFromTemplate",
      output: result.value,
      ...(manifestId ? { manifestId } : {}),
    });
  };
  const headingId = `${baseId}-heading`;
  return (
    <form ref={formRef} className="template-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>{t("templates.form.heading", { title: pickText(template.title, locale) })}</h2>
      <p className="template-form__description">
        {pickText(template.description, locale)}{" "}
        <span className="template-form__code">
          {t("templates.form.catalogue", { code: template.catalogue })}
        </span>
      </p>
      <datalist id={listId}>
        {options.map((f) => (
          <option key={f.path} value={f.path}>
            {pickText(f.title, locale)}
          </option>
        ))}
      </datalist>
      {shown && allErrors.length > 0 && (
        <p className="template-form__summary" role="alert">
          {t("templates.form.errors", { count: allErrors.length })}
        </p>
      )}
      <div className="template-form__field">
        <label className="template-form__label" htmlFor={`${baseId}-manifest`}>
          {t("templates.form.manifest")}
        </label>
        <p className="template-form__help" id={`${baseId}-manifest-help`}>
          {t("templates.form.manifestHelp")}
        </p>
        <select
          id={`${baseId}-manifest`}
          aria-describedby={`${baseId}-manifest-help`}
          value={manifestId}
          onChange={(e) => setManifestId(e.target.value)}
        >
          {lists.manifests.map((m) => (
            <option key={m.id} value={m.id}>
              {`${m.manifest.name} ${m.manifest.version} — ${pickText(m.manifest.title, locale)}`}
            </option>
          ))}
          <option value="">{t("templates.form.noManifest")}</option>
        </select>
      </div>
      {fields.map((f) => {
        const id = `${baseId}-${f.key}`;
        const fieldErrors = visible(f.key);
        const own = fieldErrors.filter((e) => e.row === undefined);
        const describedBy = [`${id}-help`, own.length ? `${id}-error` : ""].filter(Boolean).join(" ");
        return (
          <div
            className="template-form__field"
            key={f.key}
            role={f.kind === "table" ? "group" : undefined}
            aria-labelledby={f.kind === "table" ? `${id}-label` : undefined}
          >
            {f.kind === "table" ? (
              <span className="template-form__label" id={`${id}-label`}>
                {pickText(f.label, locale)}
              </span>
            ) : (
              <label className="template-form__label" htmlFor={id}>
                {pickText(f.label, locale)}
              </label>
            )}
            <p className="template-form__help" id={`${id}-help`}>
              {pickText(f.help, locale)}
            </p>
            {f.kind === "table" ? (
              <TableInput
                field={f}
                rows={(values[f.key] as TableRow[] | undefined) ?? []}
                errors={fieldErrors}
                locale={locale}
                listId={listId}
                baseId={id}
                onChange={(rows) => set(f.key, rows)}
              />
            ) : (
              <ScalarInput
                id={id}
                kind={f.kind}
                value={values[f.key]}
                label={pickText(f.label, locale)}
                describedBy={describedBy}
                invalid={own.length > 0}
                {...(f.choices ? { choices: f.choices } : {})}
                locale={locale}
                listId={listId}
                onChange={(v) => set(f.key, v)}
              />
            )}
            {own.length > 0 && (
              <p id={`${id}-error`} className="template-form__error">
                {errorText(own, locale)}
              </p>
            )}
          </div>
        );
      })}
      <div className="template-form__actions">
        <button type="submit" className="template-form__create" disabled={busy}>
          {busy ? t("templates.form.creating") : t("templates.form.create")}
        </button>
      </div>
    </form>
  );
}

/** The form of `Rules: New Rule from Template`, an editor tab per template. */
export function TemplateFormEditor({ input }: EditorProps) {
  const template = findTemplate(input.resource);
  if (!template) return null;
  return (
    <div className="template-form__scroll">
      <Form key={template.id} template={template} />
    </div>
  );
}
