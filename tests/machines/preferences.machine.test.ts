import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { preferencesMachine } from "../../src/machines";

const start = (input = {}) => createActor(preferencesMachine, { input }).start();

describe("preferences machine", () => {
  it("starts from its input and falls back to English, dark, Explorer open", () => {
    expect(start().getSnapshot().context).toEqual({
      locale: "en",
      theme: "dark",
      activeView: "explorer",
      panelVisible: true,
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
});
