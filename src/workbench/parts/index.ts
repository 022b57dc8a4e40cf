// The one list of every part's contribution; the shell renders what they contribute.
import type { CommandDefinition } from "../commands/command";
import type { Contribution, EditorContribution, PanelContribution, PanelTab } from "./contribution";
import { dataContribution } from "./data/data.contribution";
import { explorerContribution } from "./explorer/explorer.contribution";
import { problemsContribution } from "./problems/problems.contribution";
import { workbenchContribution } from "./workbench/workbench.contribution";
import { keybindingsContribution } from "./keybindings/keybindings.contribution";
import { settingsContribution } from "./settings/settings.contribution";
import { outputContribution } from "./output/output.contribution";
import { editorContribution } from "./editor/editor.contribution";
import { searchContribution } from "./search/search.contribution";
import { testsContribution } from "./tests/tests.contribution";
import { packsContribution } from "./packs/packs.contribution";
import { statementContribution } from "./statement/statement.contribution";
import { simulationContribution } from "./simulation/simulation.contribution";
import { templatesContribution } from "./templates/templates.contribution";
import { builderContribution } from "./builder/builder.contribution";
import { workspaceContribution } from "./workspace/workspace.contribution";

export const contributions: readonly Contribution[] = [
  workbenchContribution,
  explorerContribution,
  dataContribution,
  searchContribution,
  problemsContribution,
  testsContribution,
  outputContribution,
  keybindingsContribution,
  settingsContribution,
  editorContribution,
  packsContribution,
  statementContribution,
  simulationContribution,
  templatesContribution,
  builderContribution,
  workspaceContribution,
];

/** Every contributed side bar view, by view id. */
export const contributedViews = contributions.reduce<NonNullable<Contribution["views"]>>(
  (all, c) => ({ ...all, ...c.views }),
  {},
);

/** Every contributed panel tab, by tab id, in the one shape the panel renders. */
export const contributedPanels: Partial<Record<PanelTab, PanelContribution>> = Object.fromEntries(
  contributions.flatMap((c) =>
    Object.entries(c.panels ?? {}).map(([tab, panel]) => [
      tab,
      typeof panel === "function" ? { component: panel } : panel,
    ]),
  ),
);

/** Every contributed status bar item, in contribution order. */
export const contributedStatusItems = contributions.flatMap((c) => c.statusItems ?? []);

/** Every contributed command, in contribution order. */
export const contributedCommands: CommandDefinition[] = contributions.flatMap((c) => c.commands ?? []);

/** Every contributed editor kind. */
export const contributedEditors: Record<string, EditorContribution> = Object.assign(
  {},
  ...contributions.map((c) => c.editors ?? {}),
) as Record<string, EditorContribution>;

export {
  panelTabs,
  type Contribution,
  type EditorContribution,
  type EditorProps,
  type PanelContribution,
  type PanelTab,
} from "./contribution";
