import { pickText, type Locale } from "../../../base";
import type { RuleKind } from "../../../engine";
import type { WorkspaceLists } from "../../../platform";
import { compareVersions, formatCount } from "../../i18n";
import type { TreeNode } from "../../widgets/tree/tree.selectors";

/** Rule kinds in the order the Explorer shows them. */
export const ruleKinds: readonly RuleKind[] = ["incentive", "elimination", "loyalty"];

/** The translated texts the tree needs; passed in so the selector stays pure and testable. */
export interface ExplorerLabels {
  rules: string;
  manifests: string;
  datasets: string;
  kinds: Record<RuleKind, string>;
  /** How a screen reader says a group's count badge ("35 items"). */
  items: (count: number) => string;
  /** A dataset's row count ("100,000 rows"), given the count and its formatted text. */
  rows: (count: number, formatted: string) => string;
  /** How a screen reader says the dirty marker and a rule's last test result. */
  modified?: string;
  testsPassed?: (count: number) => string;
  testsFailed?: (failed: number, total: number) => string;
}

/** What decorates rows: documents with unsaved edits (by uri) and each rule's last test result. */
export interface ExplorerState {
  dirty?: ReadonlySet<string>;
  tests?: ReadonlyMap<string, { passed: number; failed: number }>;
  /** Each rule's plain-language summary (by rule id), shown in its hover. */
  summaries?: ReadonlyMap<string, string>;
}

function decorationsOf(
  uri: string,
  ruleId: string | undefined,
  labels: ExplorerLabels,
  state: ExplorerState,
) {
  const decorations: NonNullable<TreeNode["decorations"]> = [];
  const result = ruleId === undefined ? undefined : state.tests?.get(ruleId);
  if (result && result.failed > 0) {
    const total = result.passed + result.failed;
    decorations.push({
      text: `✗ ${result.failed}`,
      label: labels.testsFailed?.(result.failed, total) ?? "",
      tone: "failed",
    });
  } else if (result && result.passed > 0) {
    decorations.push({
      text: `✓ ${result.passed}`,
      label: labels.testsPassed?.(result.passed) ?? "",
      tone: "passed",
    });
  }
  if (state.dirty?.has(uri)) decorations.push({ text: "●", label: labels.modified ?? "", tone: "modified" });
  return decorations.length > 0 ? { decorations } : {};
}

/** Ids of the groups, stable across languages so open groups stay open when the language changes. */
export const explorerGroupIds = {
  rules: "group:rules",
  manifests: "group:manifests",
  datasets: "group:datasets",
  kind: (kind: RuleKind) => `group:rules/${kind}`,
} as const;

/** Open on first show: the three top-level groups; the rule kinds start closed, as folders do. */
export const explorerDefaultExpanded: readonly string[] = [
  explorerGroupIds.rules,
  explorerGroupIds.manifests,
  explorerGroupIds.datasets,
];

/** A group whose badge counts `count` items (its children unless said otherwise). */
function group(
  id: string,
  label: string,
  children: TreeNode[],
  locale: Locale,
  labels: ExplorerLabels,
  count = children.length,
): TreeNode {
  return { id, label, badge: { text: formatCount(count, locale), label: labels.items(count) }, children };
}

/**
 * The Explorer's tree model: rules by kind (each by its title in the UI language, its id as
 * description), pack manifests (name and version) and datasets (name and row count). Rules sort by
 * title in the language's collation, manifests by name then version precedence, datasets by name.
 */
export function explorerTree(
  lists: WorkspaceLists,
  locale: Locale,
  labels: ExplorerLabels,
  state: ExplorerState = {},
): TreeNode[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const rules = lists.rules
    .map((stored) => ({ stored, title: pickText(stored.rule.title, locale) }))
    .sort((a, b) => collator.compare(a.title, b.title) || (a.stored.id < b.stored.id ? -1 : 1));
  const kinds = ruleKinds.map((kind) =>
    group(
      explorerGroupIds.kind(kind),
      labels.kinds[kind],
      rules
        .filter(({ stored }) => stored.rule.kind === kind)
        .map(({ stored, title }) => ({
          id: `rule:${stored.id}`,
          label: title,
          description: stored.id,
          tooltip: [title, state.summaries?.get(stored.id), stored.file].filter(Boolean).join("\n"),
          icon: kind,
          ...decorationsOf(`rule:${stored.id}`, stored.id, labels, state),
        })),
      locale,
      labels,
    ),
  );
  const manifests = [...lists.manifests]
    .sort(
      (a, b) =>
        collator.compare(a.manifest.name, b.manifest.name) ||
        compareVersions(a.manifest.version, b.manifest.version),
    )
    .map((m) => ({
      id: `manifest:${m.id}`,
      label: m.manifest.name,
      description: m.manifest.version,
      tooltip: `${pickText(m.manifest.title, locale)}\n${m.file}`,
      icon: "manifest" as const,
      ...decorationsOf(`manifest:${m.id}`, undefined, labels, state),
    }));
  const datasets = [...lists.datasets]
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((d) => ({
      id: `dataset:${d.id}`,
      label: d.name,
      description: labels.rows(d.rowCount, formatCount(d.rowCount, locale)),
      tooltip: [d.title && pickText(d.title, locale), d.sourceFile].filter(Boolean).join("\n"),
      icon: "dataset" as const,
    }));
  return [
    // The Rules badge counts rules, not its three kind subgroups.
    group(explorerGroupIds.rules, labels.rules, kinds, locale, labels, rules.length),
    group(explorerGroupIds.manifests, labels.manifests, manifests, locale, labels),
    group(explorerGroupIds.datasets, labels.datasets, datasets, locale, labels),
  ];
}

/** The dataset id of a dataset node, or undefined for any other node. */
export function datasetIdOf(node: TreeNode): string | undefined {
  return node.id.startsWith("dataset:") ? node.id.slice("dataset:".length) : undefined;
}

/** The editor input a rule or manifest node opens, if it is one. */
export function editorInputOf(node: TreeNode): { kind: "rule" | "manifest"; resource: string } | undefined {
  if (node.id.startsWith("rule:")) return { kind: "rule", resource: node.id.slice("rule:".length) };
  if (node.id.startsWith("manifest:"))
    return { kind: "manifest", resource: node.id.slice("manifest:".length) };
  return undefined;
}
