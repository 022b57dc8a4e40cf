import { createContext, useContext, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import {
  printNode,
  type BuilderNode,
  type LogicEdit,
  type ParamSpec,
  type SchemaField,
  type VarNode,
  type ScalarFieldKind,
} from "../../../engine";
import type { MonacoPlatform } from "../../../platform";
import { inputText, parseInput, readable } from "../templates/templateInputs";

export interface BuilderContext {
  locale: Locale;
  /** Monaco, for the embedded JSON blocks (loaded already: the builder lives in a rule editor). */
  platform: MonacoPlatform;
  text: string;
  fields: Map<string, SchemaField>;
  params: Record<string, ParamSpec>;
  listId: string;
  edit(edits: LogicEdit[]): void;
  replaceRaw(path: (string | number)[], raw: string): void;
  /** Renders a child node (the tables show values and conditions of any kind). */
  render(node: BuilderNode, label?: string, hint?: Hint): ReactNode;
}

export const Ctx = createContext<BuilderContext | null>(null);
export const useBuilder = () => useContext(Ctx)!;

/** How a value of a field (or parameter) is typed in an input. */
export function kindOf(field: SchemaField | undefined, param: ParamSpec | undefined): ScalarFieldKind {
  const unit = field?.unit ?? param?.unit;
  if (unit === "CNY") return "money";
  if (unit === "ratio") return "ratio";
  return "number";
}

export interface Hint {
  field?: SchemaField;
  param?: ParamSpec;
}

/** The field or parameter a var names, for labels and the type of the values compared with it. */
export function hintOf(node: BuilderNode | undefined, ctx: BuilderContext): Hint {
  if (node?.kind !== "var") return {};
  if (node.name.startsWith("params.")) {
    const param = ctx.params[node.name.slice(7)];
    return param ? { param } : {};
  }
  const field = ctx.fields.get(node.name);
  return field ? { field } : {};
}

/** A value typed in place: committed on Enter or when focus leaves, so each change is one undo step. */
export function LiteralInput({
  node,
  hint,
  label,
}: {
  node: Extract<BuilderNode, { kind: "literal" }>;
  hint: Hint;
  label: string;
}) {
  const ctx = useBuilder();
  const { value } = node;
  const enumValues = hint.field?.enum;
  if (enumValues && (typeof value === "string" || value === null)) {
    return (
      <select
        className="builder__value"
        aria-label={label}
        value={value ?? ""}
        onChange={(e) => ctx.edit([{ path: node.path, value: e.target.value }])}
      >
        {!enumValues.includes(String(value)) && <option value={String(value)}>{String(value)}</option>}
        {enumValues.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  }
  if (typeof value === "boolean") {
    return (
      <select
        className="builder__value"
        aria-label={label}
        value={String(value)}
        onChange={(e) => ctx.edit([{ path: node.path, value: e.target.value === "true" }])}
      >
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (typeof value === "string" && hint.field?.date) {
    return (
      <input
        className="builder__value"
        type="date"
        aria-label={label}
        defaultValue={value}
        key={value}
        onBlur={(e) => e.target.value !== value && ctx.edit([{ path: node.path, value: e.target.value }])}
      />
    );
  }
  const kind: ScalarFieldKind = typeof value === "number" ? kindOf(hint.field, hint.param) : "text";
  return (
    <CommitInput
      kind={kind}
      value={value}
      label={label}
      onCommit={(v) => ctx.edit([{ path: node.path, value: v }])}
    />
  );
}

export function CommitInput({
  kind,
  value,
  label,
  onCommit,
}: {
  kind: ScalarFieldKind;
  value: unknown;
  label: string;
  onCommit: (v: unknown) => void;
}) {
  const { locale } = useBuilder();
  const shown = value === null ? "null" : inputText(kind, value);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null || draft === shown) return setDraft(null);
    const parsed = typeof value === "number" || kind !== "text" ? parseInput(kind, draft) : draft;
    setDraft(null);
    if (typeof value === "number" && typeof parsed !== "number") return;
    onCommit(parsed);
  };
  const hint = readable(kind, value, locale);
  return (
    <span className="builder__input">
      <input
        className="builder__value"
        type="text"
        inputMode={typeof value === "number" ? "decimal" : undefined}
        aria-label={label}
        spellCheck={false}
        value={draft ?? shown}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }}
      />
      {kind === "ratio" && <span className="builder__unit">%</span>}
      {kind === "money" && hint && <span className="builder__unit">{hint}</span>}
    </span>
  );
}

/** A `var`: the field picker (searchable; titles in the UI language), and what the field is. */
export function VarView({
  node,
  label,
  onCommit,
}: {
  node: VarNode;
  label: string;
  /** What a typed entry does; by default it names another field or parameter. */
  onCommit?: (typed: string) => void;
}) {
  const ctx = useBuilder();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const hint = hintOf(node, ctx);
  const commit = () => {
    if (draft === null || draft === node.name || draft.trim() === "") return setDraft(null);
    setDraft(null);
    if (onCommit) onCommit(draft.trim());
    else ctx.edit([{ path: node.path, value: printNode({ ...node, name: draft.trim() }) }]);
  };
  const title = hint.field
    ? pickText(hint.field.title, ctx.locale)
    : hint.param?.title
      ? pickText(hint.param.title, ctx.locale)
      : undefined;
  const def =
    hint.param && typeof hint.param.default === "number"
      ? readable(kindOf(undefined, hint.param), hint.param.default, ctx.locale) || String(hint.param.default)
      : hint.param
        ? String(hint.param.default)
        : undefined;
  return (
    <span className={`builder__var${hint.param ? " builder__var--param" : ""}`}>
      <input
        className="builder__field"
        type="text"
        list={ctx.listId}
        aria-label={label}
        spellCheck={false}
        value={draft ?? node.name}
        size={Math.max(8, Math.min(36, (draft ?? node.name).length + 1))}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }}
      />
      {title && <span className="builder__title">{title}</span>}
      {hint.param && <span className="builder__chip">{t("builder.param")}</span>}
      {def !== undefined && (
        <span className="builder__default">{t("builder.paramDefault", { value: def })}</span>
      )}
    </span>
  );
}
