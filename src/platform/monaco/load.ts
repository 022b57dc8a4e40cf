import type { Locale } from "../../base";
import type { MonacoPlatform } from "./api";

let loading: Promise<MonacoPlatform> | undefined;
let loadedIn: Locale | undefined;

/** The language Monaco's own strings were loaded in, once it started loading. */
export function monacoLocale(): Locale | undefined {
  return loadedIn;
}

/**
 * Loads Monaco (its own chunk, fetched the first time an editor opens) and sets it up. Monaco reads
 * its UI strings when its modules first run, so they come in the locale of the first load: for
 * zh-CN the Chinese message table is loaded first. A later language switch changes the workbench at
 * once and Monaco's own menus and widgets on the next page load.
 */
export function loadMonaco(locale: Locale): Promise<MonacoPlatform> {
  loadedIn ??= locale;
  loading ??= (async () => {
    if (locale === "zh-CN") await import("monaco-editor/nls/lang/zh-cn");
    const { createMonacoPlatform } = await import("./runtime");
    return createMonacoPlatform(locale);
  })();
  // A failed load (a chunk missing after a redeploy) may be retried by opening an editor again.
  loading.catch(() => {
    loading = undefined;
    loadedIn = undefined;
  });
  return loading;
}
