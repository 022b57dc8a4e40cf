import { describe, expect, it, vi } from "vitest";
import { createActor } from "xstate";
import { preferencesMachine } from "../../../src/machines";
import { createI18n } from "../../../src/workbench/i18n";
import type { WorkbenchServices } from "../../../src/workbench/services";

const loaded = vi.hoisted(() => ({ locale: undefined as "en" | "zh-CN" | undefined }));
vi.mock("../../../src/platform", () => ({ monacoLocale: () => loaded.locale }));
const { announceMonacoLanguage } = await import("../../../src/workbench/bootstrap/monacoLanguageNotice");

function setup() {
  const preferences = createActor(preferencesMachine, { input: { locale: "en" } }).start();
  const notify = vi.fn();
  const reload = vi.fn();
  const services = {
    preferences,
    notifications: { notify },
    i18n: createI18n("en"),
  } as unknown as WorkbenchServices;
  announceMonacoLanguage(services, reload);
  return { preferences, notify, reload };
}

describe("the Monaco language notice", () => {
  it("says nothing while Monaco is not loaded", () => {
    loaded.locale = undefined;
    const { preferences, notify } = setup();
    preferences.send({ type: "locale.set", locale: "zh-CN" });
    expect(notify).not.toHaveBeenCalled();
  });

  it("offers a reload, in the new language, when Monaco's strings are in the other one", () => {
    loaded.locale = "en";
    const { preferences, notify, reload } = setup();
    preferences.send({ type: "locale.set", locale: "zh-CN" });
    expect(notify).toHaveBeenCalledTimes(1);
    const notice = notify.mock.calls[0]![0] as { message: string; actions: { label: string; run(): void }[] };
    expect(notice.message).toBe("编辑器自带的菜单和小部件将在页面重新加载后切换为简体中文。");
    expect(notice.actions[0]!.label).toBe("重新加载");
    notice.actions[0]!.run();
    expect(reload).toHaveBeenCalled();
    // Back to the language Monaco has: nothing to reload for.
    preferences.send({ type: "locale.set", locale: "en" });
    expect(notify).toHaveBeenCalledTimes(1);
  });
});
