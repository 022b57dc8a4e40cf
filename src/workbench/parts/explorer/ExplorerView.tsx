import { useCallback, useMemo, useState, useSyncExternalStore, type DragEvent } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { bindingsOf } from "../../commands/command";
import { formatKeybinding } from "../../commands/keybindings";
import { useServices, type WorkbenchServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { ContextMenu, type MenuItem } from "../../widgets/menu/ContextMenu";
import { Tree } from "../../widgets/tree/Tree";
import type { TreeNode } from "../../widgets/tree/tree.selectors";
import { latestReports, testBadges } from "../tests/tests.selectors";
import { ruleSummaries, shortSummary } from "../builder/builder.selectors";
import { pickText } from "../../../base";
import { WorkspaceGate } from "../workspace/WorkspaceGate";
import { EXPLORER_SELECTION } from "./explorer.commands";
import {
  datasetIdOf,
  editorInputOf,
  explorerDefaultExpanded,
  explorerGroupIds,
  explorerTree,
  type ExplorerLabels,
} from "./explorer.selectors";

/** The MIME type a dragged rule carries: its id. */
const RULE_MIME = "application/x-crw-rule";

/** Reads dropped files as the import command takes them. */
async function droppedFiles(event: DragEvent): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files = [...event.dataTransfer.files];
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** The Explorer view: the workspace tree of rules by kind, pack manifests and datasets. */
export function ExplorerView() {
  const { commands } = useServices();
  return (
    <div
      data-part="explorer"
      className="explorer"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes("Files")) event.preventDefault();
      }}
      onDrop={(event) => {
        // Files dropped on the Explorer go to the same import as Rules: Import Rules… (commands.md).
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        void droppedFiles(event).then((files) => commands.execute("rules.importRules", files));
      }}
    >
      <WorkspaceGate>
        <ExplorerTree />
      </WorkspaceGate>
    </div>
  );
}

/** The uris of open documents with unsaved edits, kept current as documents change. */
function useDirtyDocuments(s: WorkbenchServices): ReadonlySet<string> {
  const version = useSyncExternalStore(s.documents.subscribe, s.documents.snapshot);
  return useMemo(() => {
    void version;
    const dirty = new Set<string>();
    for (const doc of s.documents.all()) {
      const snapshot = doc.getSnapshot();
      if (!snapshot.matches({ lifecycle: "clean" }))
        dirty.add(`${snapshot.context.kind}:${snapshot.context.id}`);
    }
    return dirty;
  }, [s.documents, version]);
}

function menuItems(s: WorkbenchServices, node: TreeNode): MenuItem[] {
  const item = (commandId: string, id = commandId, group = false): MenuItem => {
    const command = s.commands.registry.get(commandId);
    const locale = s.preferences.getSnapshot().context.locale;
    const binding = command ? bindingsOf(command)[0] : undefined;
    const label = command ? (command.title[locale] ?? command.title.en) : commandId;
    return { id, label, group, ...(binding === undefined ? {} : { keybinding: formatKeybinding(binding) }) };
  };
  const open: MenuItem = { id: "open", label: s.i18n.t("explorer.menu.open"), keybinding: "Enter" };
  if (node.id.startsWith("rule:")) {
    return [
      open,
      item("rules.runTests"),
      item("rules.rename", "rules.rename", true),
      item("rules.duplicate"),
      item("rules.addToManifest"),
      item("rules.exportRule"),
      { ...item("rules.delete", "rules.delete", true), keybinding: formatKeybinding("delete") },
    ];
  }
  if (node.id.startsWith("manifest:")) {
    return [
      open,
      item("pack.validate"),
      item("rules.exportRule", "rules.exportRule", true),
      { ...item("rules.delete", "rules.delete", true), keybinding: formatKeybinding("delete") },
    ];
  }
  if (node.id === explorerGroupIds.manifests) return [item("pack.newManifest")];
  if (node.id.startsWith(explorerGroupIds.rules)) {
    return [
      item("rules.newRule"),
      item("rules.importRules"),
      item("rules.runAllTests", "rules.runAllTests", true),
    ];
  }
  return [];
}

function ExplorerTree() {
  const { t } = useTranslation();
  const s = useServices();
  const workspace = useWorkspaceActor();
  const { editors } = s;
  const lists = useSelector(workspace, (state) => state.context.lists);
  const locale = useSelector(usePreferencesActor(), (state) => state.context.locale);
  const analysis = useSelector(s.tests, (state) => state.context.analysis);
  const runs = useSelector(s.tests, (state) => state.context.runs);
  const dirty = useDirtyDocuments(s);
  const activeDatasetId = useSelector(workspace, (state) => state.context.activeDatasetId);
  const schema = lists.datasets.find((d) => d.id === activeDatasetId)?.schema;
  const summaries = useMemo(() => ruleSummaries(lists, schema), [lists, schema]);
  const [menu, setMenu] = useState<{ node: TreeNode; x: number; y: number } | null>(null);
  const onFocusChange = useCallback(
    (node: TreeNode | undefined) => s.contextKeys.set(EXPLORER_SELECTION, node?.id),
    [s.contextKeys],
  );
  const tests = useMemo(() => {
    const ids = new Set(lists.rules.map((r) => r.id));
    return testBadges(latestReports(analysis?.tests ?? [], runs, ids));
  }, [analysis, runs, lists.rules]);
  const nodes = useMemo(() => {
    const labels: ExplorerLabels = {
      rules: t("explorer.rules"),
      manifests: t("explorer.manifests"),
      datasets: t("explorer.datasets"),
      kinds: {
        incentive: t("explorer.kinds.incentive"),
        elimination: t("explorer.kinds.elimination"),
        loyalty: t("explorer.kinds.loyalty"),
      },
      items: (count) => t("explorer.items", { count }),
      rows: (count, rows) => t("data.rows", { count, rows }),
      modified: t("explorer.modified"),
      testsPassed: (count) => t("explorer.testsPassed", { count }),
      testsFailed: (failed, total) => t("explorer.testsFailed", { count: total, failed }),
    };
    const hovers = new Map([...summaries].map(([id, text]) => [id, shortSummary(pickText(text, locale))]));
    return explorerTree(lists, locale, labels, { dirty, tests, summaries: hovers });
  }, [lists, locale, t, dirty, tests, summaries]);
  const onActivate = (node: TreeNode, preview: boolean) => {
    const id = datasetIdOf(node);
    if (id !== undefined) {
      workspace.send({ type: "dataset.activate", id });
      if (editors.canOpen("dataset")) editors.open({ kind: "dataset", resource: id }, { preview });
      return;
    }
    const input = editorInputOf(node);
    if (input) editors.open(input, { preview });
  };
  const onMenuSelect = (id: string) => {
    const node = menu?.node;
    setMenu(null);
    if (!node) return;
    if (id === "open") onActivate(node, false);
    else void s.commands.execute(id, node.id.startsWith("group:") ? undefined : node.id);
  };
  return (
    <>
      <Tree
        label={t("explorer.tree")}
        nodes={nodes}
        defaultExpanded={explorerDefaultExpanded}
        onActivate={onActivate}
        onFocusChange={onFocusChange}
        onContextMenu={(node, { x, y }) => {
          if (menuItems(s, node).length > 0) setMenu({ node, x, y });
        }}
        dragData={(node) =>
          node.id.startsWith("rule:") ? { type: RULE_MIME, data: node.id.slice("rule:".length) } : undefined
        }
        dropTarget={(node, type) =>
          type === RULE_MIME && node.id.startsWith("manifest:")
            ? (ruleId) =>
                s.workspaceOps.send({
                  type: "ops.include",
                  ruleId,
                  manifestId: node.id.slice("manifest:".length),
                })
            : undefined
        }
      />
      {menu && (
        <ContextMenu
          label={t("explorer.menu.label", { name: menu.node.label })}
          items={menuItems(s, menu.node)}
          position={{ x: menu.x, y: menu.y }}
          onSelect={onMenuSelect}
          onClose={() => setMenu(null)}
        />
      )}
    </>
  );
}
