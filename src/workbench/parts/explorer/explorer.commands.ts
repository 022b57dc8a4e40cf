import { pickText } from "../../../base";
import { parseDocumentUri, type DocumentRef } from "../../../platform";
import type { CommandDefinition } from "../../commands/command";
import type { WorkbenchServices } from "../../services";

const rules = { en: "Rules", "zh-CN": "规则" };
const pack = { en: "Pack", "zh-CN": "规则包" };

/** Context key holding the uri of the Explorer's focused row (`rule:volume-rebate`). */
export const EXPLORER_SELECTION = "explorerSelection";

/**
 * The document a command acts on: the one it was given (a context menu passes the row's uri), the
 * Explorer's focused row when the Explorer has focus, else the active editor's document.
 */
export function targetDocument(s: WorkbenchServices, arg?: unknown): DocumentRef | undefined {
  if (typeof arg === "string") return parseDocumentUri(arg);
  if (s.contextKeys.get("focusedPart") === "explorer") {
    const selected = s.contextKeys.get(EXPLORER_SELECTION);
    if (typeof selected === "string") return parseDocumentUri(selected);
  }
  const active = s.editors.active();
  if (active?.kind === "rule" || active?.kind === "manifest")
    return { kind: active.kind, id: active.resource };
  return undefined;
}

function targetRule(s: WorkbenchServices, arg?: unknown): string | undefined {
  const target = targetDocument(s, arg);
  return target?.kind === "rule" ? target.id : undefined;
}

/** Says that the command needs a rule, when there is none to act on. */
function needsRule(s: WorkbenchServices): void {
  s.notifications.notify({ severity: "info", message: s.i18n.t("ops.needsRule") });
}

/** Runs the tests of a rule on the text its editor shows (unsaved edits included), or the stored one. */
export function runTestsOf(s: WorkbenchServices, id: string): void {
  const stored = s.workspace.getSnapshot().context.lists.rules.find((r) => r.id === id);
  const open = s.documents.get("rule", id)?.getSnapshot().context.text;
  const text = open ?? stored?.text;
  if (text === undefined) return needsRule(s);
  s.tests.send({
    type: "tests.run",
    source: { file: stored?.file ?? `${id}.rule.json`, text },
    reason: "command",
  });
  s.preferences.send({ type: "panel.show", tab: "tests" });
  s.output.log(s.i18n.t("tests.log.running", { id }));
}

async function addToManifest(s: WorkbenchServices, ruleId: string): Promise<void> {
  const { lists } = s.workspace.getSnapshot().context;
  const locale = s.preferences.getSnapshot().context.locale;
  const manifestId = await s.quickInput.pick(
    lists.manifests.map((m) => ({
      label: `${m.manifest.name} ${m.manifest.version}`,
      description: pickText(m.manifest.title, locale),
      value: m.id,
    })),
    { title: s.i18n.t("ops.prompt.addToManifest", { id: ruleId }) },
  );
  if (manifestId !== undefined) s.workspaceOps.send({ type: "ops.include", ruleId, manifestId });
}

export const explorerCommands: CommandDefinition[] = [
  {
    id: "rules.newRule",
    title: { en: "New Rule", "zh-CN": "新建规则" },
    category: rules,
    run: (s) => s.workspaceOps.send({ type: "ops.newRule" }),
  },
  {
    id: "rules.runTests",
    title: { en: "Run Tests", "zh-CN": "运行测试" },
    category: rules,
    keybinding: "ctrl+enter",
    run: (s, arg) => {
      const id = targetRule(s, arg);
      if (id === undefined) return needsRule(s);
      runTestsOf(s, id);
    },
  },
  {
    id: "rules.runAllTests",
    title: { en: "Run All Tests", "zh-CN": "运行所有测试" },
    category: rules,
    run: (s) => {
      const { lists, activeDatasetId } = s.workspace.getSnapshot().context;
      const schema = lists.datasets.find((d) => d.id === activeDatasetId)?.schema;
      const source = (d: { id: string; file: string; text: string }) => ({
        id: d.id,
        file: d.file,
        text: d.text,
      });
      s.tests.send({
        type: "analysis.request",
        all: true,
        input: {
          rules: lists.rules.map(source),
          manifests: lists.manifests.map(source),
          at: new Date().toISOString(),
          ...(schema === undefined ? {} : { datasetSchema: schema }),
        },
      });
      s.preferences.send({ type: "panel.show", tab: "tests" });
      s.output.log(s.i18n.t("tests.log.runningAll"));
    },
  },
  {
    id: "rules.rename",
    title: { en: "Rename", "zh-CN": "重命名" },
    category: rules,
    keybinding: "f2",
    run: (s, arg) => {
      const id = targetRule(s, arg);
      if (id === undefined) return needsRule(s);
      s.workspaceOps.send({ type: "ops.rename", id });
    },
  },
  {
    id: "rules.duplicate",
    title: { en: "Duplicate", "zh-CN": "创建副本" },
    category: rules,
    run: (s, arg) => {
      const id = targetRule(s, arg);
      if (id === undefined) return needsRule(s);
      s.workspaceOps.send({ type: "ops.duplicate", id });
    },
  },
  {
    id: "rules.delete",
    title: { en: "Delete", "zh-CN": "删除" },
    category: rules,
    run: (s, arg) => {
      const ref = targetDocument(s, arg);
      if (!ref) return needsRule(s);
      s.workspaceOps.send({ type: "ops.delete", ref });
    },
  },
  {
    // Delete in the Explorer, as in VS Code; never while typing anywhere else.
    id: "explorer.delete",
    title: { en: "Delete", "zh-CN": "删除" },
    category: rules,
    keybinding: "delete",
    when: "focusedPart == explorer && !inputFocus",
    palette: false,
    run: (s) => s.commands.execute("rules.delete"),
  },
  {
    id: "rules.addToManifest",
    title: { en: "Add to Manifest…", "zh-CN": "添加到清单…" },
    category: rules,
    run: async (s, arg) => {
      const id = targetRule(s, arg);
      if (id === undefined) return needsRule(s);
      await addToManifest(s, id);
    },
  },
  {
    id: "rules.importRules",
    title: { en: "Import Rules…", "zh-CN": "导入规则…" },
    category: rules,
    run: (s, files) => {
      const dropped = Array.isArray(files) ? (files as { name: string; bytes: Uint8Array }[]) : undefined;
      s.workspaceOps.send({ type: "ops.import", ...(dropped ? { files: dropped } : {}) });
    },
  },
  {
    id: "rules.exportRule",
    title: { en: "Export Rule", "zh-CN": "导出规则" },
    category: rules,
    run: (s, arg) => {
      const ref = targetDocument(s, arg);
      if (!ref) return needsRule(s);
      s.workspaceOps.send({ type: "ops.export", ref });
    },
  },
  {
    id: "pack.newManifest",
    title: { en: "New Manifest", "zh-CN": "新建清单" },
    category: pack,
    run: (s) => s.workspaceOps.send({ type: "ops.newManifest" }),
  },
  {
    id: "pack.validate",
    title: { en: "Validate", "zh-CN": "验证" },
    category: pack,
    run: (s, arg) => {
      const target = targetDocument(s, arg);
      s.workspaceOps.send({
        type: "ops.validate",
        ...(target?.kind === "manifest" ? { manifestId: target.id } : {}),
      });
    },
  },
];
