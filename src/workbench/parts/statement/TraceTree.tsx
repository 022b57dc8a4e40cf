import { useTranslation } from "react-i18next";
import { formatValue, type ExplainNode } from "../../../engine";
import type { Locale } from "../../../base";

function valueText(node: ExplainNode, locale: Locale): string {
  if (node.error) return `⚠ ${node.error}`;
  if (!node.evaluated) return "";
  if (typeof node.value === "number") return String(node.value);
  return formatValue(node.value, undefined, locale);
}

/** The operator and, for reads and literals, what was read: `var sales.net_ytd`, `"eliminate"`. */
function headText(node: ExplainNode): string {
  if (node.op === "var") {
    const path = node.args[0];
    const p = path && path.op === "literal" && path.evaluated ? String(path.value) : "";
    return p ? `var ${p}` : "var";
  }
  if (node.op === "literal") return "";
  return node.op;
}

function Node({ node, locale, depth }: { node: ExplainNode; locale: Locale; depth: number }) {
  const { t } = useTranslation();
  const head = headText(node);
  const leaf = node.op === "var" || node.op === "literal" || node.args.length === 0;
  const value = valueText(node, locale);
  return (
    <li
      role="treeitem"
      aria-level={depth}
      aria-selected={false}
      aria-expanded={leaf ? undefined : true}
      className={`trace__node${node.evaluated ? "" : " trace__node--skipped"}${node.error ? " trace__node--error" : ""}`}
    >
      <span className="trace__line">
        {head && <code className="trace__op">{head}</code>}
        {node.evaluated ? (
          <span className="trace__value">{head ? `= ${value}` : value}</span>
        ) : (
          <span className="trace__skipped">{head ? t("statement.notTaken") : "…"}</span>
        )}
      </span>
      {!leaf && (
        <ul role="group" className="trace__children">
          {node.args.map((child) => (
            <Node key={child.pointer} node={child} locale={locale} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The evaluation tree of a rule: every sub-expression with its value, untaken branches greyed. */
export function TraceTree({ root, label, locale }: { root: ExplainNode; label: string; locale: Locale }) {
  return (
    <ul role="tree" aria-label={label} className="trace__tree">
      <Node node={root} locale={locale} depth={1} />
    </ul>
  );
}
