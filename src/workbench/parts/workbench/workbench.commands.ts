import type { Locale } from "../../../base";
import { activeEditor, type Theme, themes } from "../../../machines";
import type { CommandDefinition } from "../../commands/command";
import type { WorkbenchServices } from "../../services";
import { paletteItems } from "./paletteItems";
import { quickOpenItems } from "./quickOpenItems";

const view = { en: "View", "zh-CN": "查看" };
const preferences = { en: "Preferences", "zh-CN": "首选项" };
const file = { en: "File", "zh-CN": "文件" };

const localeOf = (s: WorkbenchServices): Locale => s.preferences.getSnapshot().context.locale;

async function showPalette(s: WorkbenchServices) {
  const t = s.i18n.t;
  const items = paletteItems(
    s.commands.registry.list().filter((c) => c.id !== "workbench.commandPalette"),
    localeOf(s),
    s.commands.recent(),
    {
      recent: t("palette.recent"),
      other: t("palette.other"),
    },
  );
  const id = await s.quickInput.pick(items, { placeholder: t("palette.placeholder") });
  if (id === undefined) return;
  s.commands.markUsed(id);
  await s.commands.execute(id);
}

async function quickOpen(s: WorkbenchServices) {
  const t = s.i18n.t;
  const lists = s.workspace.getSnapshot().context.lists;
  const items = quickOpenItems(
    lists,
    localeOf(s),
    {
      rows: (count) => t("data.rows", { count, rows: count.toLocaleString(localeOf(s)) }),
      rule: t("quickOpen.rule"),
      manifest: t("quickOpen.manifest"),
      dataset: t("quickOpen.dataset"),
    },
    s.editors.canOpen("dataset"),
  );
  // Stored simulation runs open their report (the Simulation part keeps the list).
  for (const run of s.simulation.runs())
    items.push({
      label: `${run.meta.packName} ${run.meta.packVersion} · ${run.meta.dataset.name}`,
      description: new Date(run.createdAt).toLocaleString(localeOf(s)),
      detail: t("simulation.pick.run"),
      searchText: run.id,
      value: { open: { kind: "report", resource: run.id } },
    });
  const target = await s.quickInput.pick(items, { placeholder: t("quickOpen.placeholder") });
  if (!target) return;
  if ("open" in target) s.editors.open(target.open, { preview: true });
  else s.workspace.send({ type: "dataset.activate", id: target.activateDataset });
}

async function pickTheme(s: WorkbenchServices) {
  const t = s.i18n.t;
  const current = s.preferences.getSnapshot().context.theme;
  const items = themes.map((theme) => ({ label: t(`themes.${theme}`), value: theme }));
  const theme = await s.quickInput.pick<Theme>(items, {
    placeholder: t("palette.pickTheme"),
    activeIndex: themes.indexOf(current),
  });
  if (theme) s.preferences.send({ type: "theme.set", theme });
}

async function pickLanguage(s: WorkbenchServices) {
  const t = s.i18n.t;
  const locales: Locale[] = ["en", "zh-CN"];
  const current = localeOf(s);
  const locale = await s.quickInput.pick(
    locales.map((l) => ({ label: t(`languages.${l}`), description: l, value: l })),
    { placeholder: t("palette.pickLanguage"), activeIndex: locales.indexOf(current) },
  );
  if (locale) s.preferences.send({ type: "locale.set", locale });
}

/** The document of the active editor, when it shows one. */
function activeDocument(s: WorkbenchServices) {
  const input = activeEditor(s.editors.actor.getSnapshot().context);
  if (!input || (input.kind !== "rule" && input.kind !== "manifest")) return undefined;
  return s.documents.get(input.kind, input.resource);
}

/** The frame's own commands: palette, quick open, layout, editors, files and preferences. */
export const workbenchCommands: CommandDefinition[] = [
  {
    id: "workbench.commandPalette",
    title: { en: "Command Palette", "zh-CN": "命令面板" },
    category: view,
    keybinding: ["f1", "ctrl+shift+p"],
    run: showPalette,
  },
  {
    id: "workbench.quickOpen",
    title: { en: "Go to File…", "zh-CN": "转到文件…" },
    keybinding: "ctrl+p",
    run: quickOpen,
  },
  {
    id: "workbench.toggleSideBar",
    title: { en: "Toggle Side Bar", "zh-CN": "切换侧边栏可见性" },
    category: view,
    keybinding: "ctrl+b",
    run: (s) => s.preferences.send({ type: "sideBar.toggle" }),
  },
  {
    id: "workbench.togglePanel",
    title: { en: "Toggle Panel", "zh-CN": "切换面板" },
    category: view,
    keybinding: "ctrl+j",
    run: (s) => s.preferences.send({ type: "panel.toggle" }),
  },
  {
    id: "workbench.showExplorer",
    title: { en: "Show Explorer", "zh-CN": "显示资源管理器" },
    category: view,
    keybinding: "ctrl+shift+e",
    run: (s) => s.preferences.send({ type: "view.show", view: "explorer" }),
  },
  {
    id: "workbench.showData",
    title: { en: "Show Data", "zh-CN": "显示数据" },
    category: view,
    run: (s) => s.preferences.send({ type: "view.show", view: "data" }),
  },
  {
    id: "workbench.showSimulation",
    title: { en: "Show Simulation", "zh-CN": "显示模拟" },
    category: view,
    run: (s) => s.preferences.send({ type: "view.show", view: "simulation" }),
  },
  {
    id: "workbench.showProblems",
    title: { en: "Show Problems", "zh-CN": "显示问题" },
    category: view,
    keybinding: "ctrl+shift+m",
    run: (s) => s.preferences.send({ type: "panel.show", tab: "problems" }),
  },
  {
    id: "workbench.showOutput",
    title: { en: "Show Output", "zh-CN": "显示输出" },
    category: view,
    keybinding: "ctrl+shift+u",
    run: (s) => s.preferences.send({ type: "panel.show", tab: "output" }),
  },
  {
    id: "workbench.splitEditorRight",
    title: { en: "Split Editor Right", "zh-CN": "向右拆分编辑器" },
    category: view,
    keybinding: "ctrl+\\",
    run: (s) => s.editors.actor.send({ type: "editor.split" }),
  },
  {
    id: "workbench.closeEditor",
    title: { en: "Close Editor", "zh-CN": "关闭编辑器" },
    category: view,
    keybinding: ["ctrl+w", "ctrl+f4"],
    run: async (s, key, group) => {
      const context = s.editors.actor.getSnapshot().context;
      const groupIndex = typeof group === "number" ? group : context.activeGroup;
      const target = typeof key === "string" ? key : context.groups[groupIndex]?.active;
      if (!target) return;
      await closeEditor(s, target, groupIndex);
    },
  },
  {
    id: "workbench.reopenClosedEditor",
    title: { en: "Reopen Closed Editor", "zh-CN": "重新打开已关闭的编辑器" },
    category: view,
    keybinding: "ctrl+shift+t",
    run: (s) => s.editors.actor.send({ type: "editor.reopenClosed" }),
  },
  {
    id: "workbench.moveEditorLeft",
    title: { en: "Move Editor Left", "zh-CN": "向左移动编辑器" },
    category: view,
    keybinding: "ctrl+shift+pageup",
    run: (s) => s.editors.actor.send({ type: "editor.moveActive", delta: -1 }),
  },
  {
    id: "workbench.moveEditorRight",
    title: { en: "Move Editor Right", "zh-CN": "向右移动编辑器" },
    category: view,
    keybinding: "ctrl+shift+pagedown",
    run: (s) => s.editors.actor.send({ type: "editor.moveActive", delta: 1 }),
  },
  {
    id: "workbench.nextEditor",
    title: { en: "Open Next Editor", "zh-CN": "打开下一个编辑器" },
    category: view,
    keybinding: "ctrl+pagedown",
    run: (s) => cycleEditor(s, 1),
  },
  {
    id: "workbench.previousEditor",
    title: { en: "Open Previous Editor", "zh-CN": "打开上一个编辑器" },
    category: view,
    keybinding: "ctrl+pageup",
    run: (s) => cycleEditor(s, -1),
  },
  {
    id: "workbench.save",
    title: { en: "Save", "zh-CN": "保存" },
    category: file,
    keybinding: "ctrl+s",
    run: (s) => activeDocument(s)?.send({ type: "doc.save" }),
  },
  {
    id: "workbench.saveAll",
    title: { en: "Save All", "zh-CN": "全部保存" },
    category: file,
    keybinding: "ctrl+k s",
    run: (s) => s.documents.all().forEach((doc) => doc.send({ type: "doc.save" })),
  },
  {
    id: "workbench.revert",
    title: { en: "Revert File", "zh-CN": "还原文件" },
    category: file,
    run: (s) => activeDocument(s)?.send({ type: "doc.revert" }),
  },
  {
    id: "workbench.colorTheme",
    title: { en: "Color Theme", "zh-CN": "颜色主题" },
    category: preferences,
    keybinding: "ctrl+k ctrl+t",
    run: pickTheme,
  },
  {
    id: "workbench.language",
    title: { en: "Language", "zh-CN": "显示语言" },
    category: preferences,
    run: pickLanguage,
  },
];

function cycleEditor(s: WorkbenchServices, delta: number) {
  const { groups, activeGroup } = s.editors.actor.getSnapshot().context;
  const group = groups[activeGroup];
  if (!group || group.tabs.length === 0) return;
  const index = group.tabs.findIndex((t) => `${t.input.kind}:${t.input.resource}` === group.active);
  const next = group.tabs[(index + delta + group.tabs.length) % group.tabs.length]!;
  s.editors.actor.send({
    type: "editor.activate",
    key: `${next.input.kind}:${next.input.resource}`,
    group: activeGroup,
  });
}

/**
 * Closes a tab. A document with unsaved changes is saved first when autosave is on (VS Code does the
 * same with auto save); with autosave off, the user is asked.
 */
async function closeEditor(s: WorkbenchServices, key: string, group: number) {
  const [kind, ...rest] = key.split(":");
  const id = rest.join(":");
  const doc = kind === "rule" || kind === "manifest" ? s.documents.get(kind, id) : undefined;
  if (doc && !doc.getSnapshot().matches({ lifecycle: "clean" })) {
    const t = s.i18n.t;
    if (s.preferences.getSnapshot().context.autosaveDelay > 0) doc.send({ type: "doc.save" });
    else {
      const save = await s.dialogs.confirm({
        title: t("editor.unsavedTitle"),
        message: t("editor.unsavedMessage", { name: id }),
        confirm: t("editor.saveAndClose"),
        cancel: t("dialog.cancel"),
      });
      if (!save) return;
      doc.send({ type: "doc.save" });
    }
  }
  s.editors.actor.send({ type: "editor.close", key, group });
}
