import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { persistedPreferences, preferencesMachine } from "../../src/machines";

const start = (input = {}) => createActor(preferencesMachine, { input }).start();

describe("preferences machine", () => {
  it("starts from its input and falls back to English, dark, Explorer open", () => {
    expect(start().getSnapshot().context).toEqual({
      locale: "en",
      theme: "dark",
      themeSource: "system",
      activeView: "explorer",
      panelVisible: true,
      panelTab: "problems",
      sideBarWidth: 280,
      panelHeight: 220,
      autosaveDelay: 1000,
      fontSize: 14,
      numberFormat: "locale",
      builderEditors: [],
    });
    expect(start({ locale: "zh-CN", theme: "light" }).getSnapshot().context.locale).toBe("zh-CN");
  });

  it("collapses the side bar when the active view is chosen again, as VS Code does", () => {
    const actor = start();
    actor.send({ type: "view.toggle", view: "data" });
    expect(actor.getSnapshot().context.activeView).toBe("data");
    actor.send({ type: "view.toggle", view: "data" });
    expect(actor.getSnapshot().context.activeView).toBeNull();
  });

  it("toggles theme and panel and sets the locale", () => {
    const actor = start();
    actor.send({ type: "theme.toggle" });
    actor.send({ type: "panel.toggle" });
    actor.send({ type: "locale.set", locale: "zh-CN" });
    expect(actor.getSnapshot().context).toMatchObject({
      theme: "light",
      panelVisible: false,
      locale: "zh-CN",
    });
  });

  it("follows the system theme until the user picks one", () => {
    const actor = start({ theme: "dark" });
    actor.send({ type: "theme.system", theme: "light" });
    expect(actor.getSnapshot().context.theme).toBe("light");
    actor.send({ type: "theme.set", theme: "high-contrast" });
    actor.send({ type: "theme.system", theme: "dark" });
    expect(actor.getSnapshot().context).toMatchObject({ theme: "high-contrast", themeSource: "user" });
  });

  it("brings back the same side bar view after Ctrl+B hides it", () => {
    const actor = start();
    actor.send({ type: "view.show", view: "settings" });
    actor.send({ type: "sideBar.toggle" });
    expect(actor.getSnapshot().context.activeView).toBeNull();
    actor.send({ type: "sideBar.toggle" });
    expect(actor.getSnapshot().context.activeView).toBe("settings");
  });

  it("clamps sizes and settings to their limits and ignores what is not a number", () => {
    const actor = start({ sideBarWidth: 5000, autosaveDelay: -3 });
    expect(actor.getSnapshot().context).toMatchObject({ sideBarWidth: 800, autosaveDelay: 0 });
    actor.send({ type: "layout.panelHeight", height: 10 });
    actor.send({ type: "settings.set", fontSize: Number.NaN, numberFormat: "wan" });
    expect(actor.getSnapshot().context).toMatchObject({
      panelHeight: 100,
      fontSize: 14,
      numberFormat: "wan",
    });
  });

  it("opens the panel on the tab asked for and keeps it in the stored form", () => {
    const actor = start({ panelVisible: false });
    actor.send({ type: "panel.show", tab: "output" });
    const stored = persistedPreferences(actor.getSnapshot().context);
    expect(stored).toMatchObject({ panelVisible: true, panelTab: "output" });
    expect(Object.keys(stored)).not.toContain("lastView");
  });

  it("remembers per editor whether it shows the visual builder, in the stored form", () => {
    const actor = start();
    actor.send({ type: "builder.toggle", key: "rule:volume-rebate" });
    actor.send({ type: "builder.toggle", key: "rule:mdf-accrual" });
    actor.send({ type: "builder.toggle", key: "rule:mdf-accrual" });
    const stored = persistedPreferences(actor.getSnapshot().context);
    expect(stored.builderEditors).toEqual(["rule:volume-rebate"]);
    // After a reload the stored list comes back; anything but a list of keys is dropped.
    expect(start(stored).getSnapshot().context.builderEditors).toEqual(["rule:volume-rebate"]);
    expect(start({ builderEditors: "rule:x" }).getSnapshot().context.builderEditors).toEqual([]);
    expect(start({ builderEditors: ["rule:a", 3, null] }).getSnapshot().context.builderEditors).toEqual([
      "rule:a",
    ]);
    // The list is bounded: the oldest is forgotten first.
    const many = start({ builderEditors: Array.from({ length: 200 }, (_, i) => `rule:r${i}`) });
    many.send({ type: "builder.toggle", key: "rule:new" });
    const kept = many.getSnapshot().context.builderEditors;
    expect(kept).toHaveLength(200);
    expect(kept[0]).toBe("rule:r1");
    expect(kept.at(-1)).toBe("rule:new");
  });
});
