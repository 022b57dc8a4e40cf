import { useEffect } from "react";
import type { ContextKeys } from "../commands/contextKeys";

/**
 * Keeps `focusedPart` and `inputFocus` in step with the focused element: a part marks its root with
 * `data-part="explorer"` (or editor, panel, sideBar, quickInput) and the nearest one wins.
 */
export function useFocusContext(contextKeys: ContextKeys) {
  useEffect(() => {
    const update = () => {
      const active = document.activeElement;
      const part =
        active instanceof Element ? active.closest<HTMLElement>("[data-part]")?.dataset.part : undefined;
      contextKeys.set("focusedPart", part);
      const editable =
        active instanceof HTMLInputElement ||
        active instanceof HTMLTextAreaElement ||
        active instanceof HTMLSelectElement ||
        (active instanceof HTMLElement && active.isContentEditable);
      contextKeys.set("inputFocus", editable);
    };
    // Focus leaving to nothing (a removed element, the page) fires only focusout: read it once settled.
    const later = () => queueMicrotask(update);
    update();
    document.addEventListener("focusin", update);
    document.addEventListener("focusout", later);
    return () => {
      document.removeEventListener("focusin", update);
      document.removeEventListener("focusout", later);
    };
  }, [contextKeys]);
}
