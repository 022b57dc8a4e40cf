import { pickText, type Locale } from "../../../base";
import { fieldAt } from "./fields";
import { bothLabels, code, formatShare, labelled, md, showValue, word } from "./strings";
import type { CompletionKind, FieldInfo, LanguageContext } from "./types";

/** One step of a `var` path that can come next: a field, a namespace, a parameter, … */
export interface PathEntry {
  /** The segment (`net_ytd`, `params`, `volume-rebate`). */
  name: string;
  /** The whole path (`sales.net_ytd`). */
  path: string;
  kind: CompletionKind;
  labelDetail?: string;
  description?: string;
  /** Markdown. */
  documentation: string;
  /** Further segments can follow (an object field, a namespace). */
  hasChildren: boolean;
}

const namespaces = ["params", "out", "pop", "ctx"] as const;
type Namespace = (typeof namespaces)[number];

function typeText(types: readonly string[]): string {
  return types.length ? types.join(" | ") : "any";
}

/** What the completion list and the hover say about a record field. */
export function fieldDescription(field: FieldInfo, locale: Locale): string {
  const parts = [typeText(field.types)];
  if (field.unit) parts.push(field.unit);
  if (field.share !== undefined) parts.push(formatShare(field.share, locale));
  return parts.join(" · ");
}

/** Markdown about a record field: both labels, path, type, unit, values, share and description. */
export function fieldDocumentation(field: FieldInfo, locale: Locale): string {
  const lines = [`**${md(bothLabels(field.label, locale) ?? field.path)}**`, ""];
  lines.push(`${labelled("path", locale)}${code(field.path)}  `);
  lines.push(`${labelled("type", locale)}${code(typeText(field.types))}  `);
  if (field.unit) lines.push(`${labelled("unit", locale)}${md(field.unit)}  `);
  if (field.enum)
    lines.push(`${labelled("values", locale)}${field.enum.map((v) => code(showValue(v))).join(", ")}  `);
  if (field.share !== undefined)
    lines.push(`${labelled("share", locale)}${formatShare(field.share, locale)}  `);
  if (field.description) lines.push("", md(field.description));
  return lines.join("\n");
}

function fieldEntry(field: FieldInfo, locale: Locale): PathEntry {
  const entry: PathEntry = {
    name: field.name,
    path: field.path,
    kind: field.children.size > 0 ? "object" : "field",
    description: fieldDescription(field, locale),
    documentation: fieldDocumentation(field, locale),
    hasChildren: field.children.size > 0,
  };
  // Both languages in the list itself: authors search by the English or the Chinese name.
  const labels = bothLabels(field.label, locale);
  if (labels) entry.labelDetail = labels;
  return entry;
}

function namespaceEntries(ns: Namespace, ctx: LanguageContext): PathEntry[] {
  const { locale } = ctx;
  const from = (tags: string[], key: "declaredIn" | "producedIn") =>
    tags.length ? `\n\n${labelled(key, locale)}${tags.map(code).join(", ")}` : "";
  switch (ns) {
    case "params":
      return ctx.params.map((p) => {
        const range =
          p.min !== undefined || p.max !== undefined
            ? `\n\n${labelled("range", locale)}${p.min ?? "−∞"} … ${p.max ?? "∞"}`
            : "";
        const entry: PathEntry = {
          name: p.name,
          path: `params.${p.name}`,
          kind: "param",
          description: [p.type, `${word("default", locale)} ${showValue(p.default, 24)}`, p.unit]
            .filter(Boolean)
            .join(" · "),
          documentation:
            `**${md(bothLabels(p.title, locale) ?? p.name)}**\n\n${word("parameter", locale)} ${code(`params.${p.name}`)}: ` +
            `${code(p.type)}, ${word("default", locale)} ${code(showValue(p.default))}${p.unit ? ` ${md(p.unit)}` : ""}` +
            range +
            from(p.from, "declaredIn"),
          hasChildren: false,
        };
        if (p.title) entry.labelDetail = pickText(p.title, locale);
        return entry;
      });
    case "out":
      return ctx.outputs.map((o) => {
        const entry: PathEntry = {
          name: o.id,
          path: `out.${o.id}`,
          kind: "output",
          description: [o.type, o.unit].filter(Boolean).join(" · "),
          documentation:
            `**${md(bothLabels(o.title, locale) ?? o.id)}**\n\n${word("ruleOutput", locale)} ${code(`out.${o.id}`)}: ${code(o.type)}` +
            (o.unit ? ` ${md(o.unit)}` : "") +
            from(o.from, "producedIn"),
          hasChildren: false,
        };
        if (o.title) entry.labelDetail = pickText(o.title, locale);
        return entry;
      });
    case "pop":
      return ctx.population.map((p) => {
        const name = p.path.replace(/^pop\./, "");
        const entry: PathEntry = {
          name,
          path: p.path,
          kind: "population",
          description: `${p.op}(${p.measure})`,
          documentation:
            `**${md(bothLabels(p.title, locale) ?? p.path)}**\n\n${word("population", locale)} ${code(p.path)} = ` +
            `${code(`${p.op}(${p.measure})`)}` +
            from(p.from, "producedIn"),
          hasChildren: false,
        };
        if (p.title) entry.labelDetail = pickText(p.title, locale);
        return entry;
      });
    case "ctx":
      return ctx.ctx.map((c) => ({
        name: c.name,
        path: `ctx.${c.name}`,
        kind: "context",
        labelDetail: pickText(c.label, locale),
        description: c.type,
        documentation: `**${md(bothLabels(c.label, locale) ?? c.name)}**\n\n${word("contextValue", locale)} ${code(`ctx.${c.name}`)}: ${code(c.type)}`,
        hasChildren: false,
      }));
  }
}

function hasEntries(ns: Namespace, ctx: LanguageContext): boolean {
  if (ns === "params") return ctx.params.length > 0;
  if (ns === "out") return ctx.outputs.length > 0;
  if (ns === "pop") return ctx.population.length > 0;
  return ctx.ctx.length > 0;
}

/**
 * The segments that may follow `prefix` in a `var` path read from the outer data: record fields
 * (from the dataset schema) and the reserved namespaces at the top, then their members.
 */
export function entriesAfter(prefix: readonly string[], ctx: LanguageContext): PathEntry[] {
  const { locale } = ctx;
  if (prefix.length === 0) {
    const fields = [...ctx.fields.values()].map((f) => fieldEntry(f, locale));
    const spaces = namespaces
      .filter((ns) => hasEntries(ns, ctx))
      .map<PathEntry>((ns) => ({
        name: ns,
        path: ns,
        kind: "namespace",
        labelDetail: word(ns, locale),
        documentation: `**${md(word(ns, locale))}** ${code(`${ns}.`)}`,
        hasChildren: true,
      }));
    return [...fields, ...spaces];
  }
  const head = prefix[0]!;
  if ((namespaces as readonly string[]).includes(head)) {
    return prefix.length === 1 ? namespaceEntries(head as Namespace, ctx) : [];
  }
  const parent = fieldAt(ctx.fields, prefix.join("."));
  return parent ? [...parent.children.values()].map((f) => fieldEntry(f, locale)) : [];
}

/** The entry of a whole path, for hovers: a field, a parameter, an output, a population result. */
export function entryOf(path: string, ctx: LanguageContext): PathEntry | undefined {
  const segments = path.split(".");
  const head = segments[0]!;
  if ((namespaces as readonly string[]).includes(head)) {
    if (segments.length === 1) return entriesAfter([], ctx).find((e) => e.name === head);
    return namespaceEntries(head as Namespace, ctx).find((e) => e.path === path);
  }
  const field = fieldAt(ctx.fields, path);
  return field ? fieldEntry(field, ctx.locale) : undefined;
}
