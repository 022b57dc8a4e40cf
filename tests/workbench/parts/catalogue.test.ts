import { describe, expect, it } from "vitest";
import { contributedCommands } from "../../../src/workbench/parts";

/** The palette's title of a command, as commands.md writes it: `Category: Title`. */
const titles = contributedCommands.map((c) => (c.category ? `${c.category.en}: ${c.title.en}` : c.title.en));

describe("the command catalogue (design/commands.md)", () => {
  it.each([
    "View: Show Explorer",
    "View: Show Search",
    "View: Show Data",
    "View: Show Simulation",
    "View: Show Packs",
    "Simulation: Run",
    "Simulation: Cancel",
    "Pack: Release…",
    "Rules: New Rule from Template",
    "Rules: Toggle Visual Builder",
    "Data: Generate Synthetic Dataset…",
    "Workspace: Reset to Samples",
    "Workspace: Back Up…",
    "Workspace: Restore from Backup…",
  ])("%s is a command, titled in both languages", (title) => {
    const index = titles.indexOf(title);
    expect(index, title).toBeGreaterThanOrEqual(0);
    expect(contributedCommands[index]!.title["zh-CN"]).toBeTruthy();
  });
});
