import { useCallback, useLayoutEffect, useRef } from "react";

const FOCUSABLE = "input, select, textarea, button:not(:disabled), [tabindex]:not([tabindex='-1'])";

interface Pending {
  index: number;
  offset: number;
  /** The list length the edit will produce; focus waits for the render that has it. */
  length: number;
  until: number;
}

/**
 * Keeps the keyboard where the user is after a list edit that re-renders the builder: an added
 * condition or case gets the focus on its first field, and a moved one keeps it on the same
 * control (the ↓ button, or the input Alt+↓ was pressed in) at its new place. Without this the
 * focus stays on "Add condition" or on the ↓ of whatever item slid into the old place.
 */
export function useFocusAfterEdit<T extends HTMLElement>(length: number) {
  const list = useRef<T>(null);
  const pending = useRef<Pending | null>(null);

  useLayoutEffect(() => {
    const want = pending.current;
    if (!want) return;
    // An edit the document refused never produces its length; give up instead of focusing later.
    if (Date.now() > want.until) pending.current = null;
    if (length !== want.length) return;
    pending.current = null;
    const item = list.current?.children[want.index];
    const targets = item ? Array.from(item.querySelectorAll<HTMLElement>(FOCUSABLE)) : [];
    (targets[want.offset] ?? targets[0])?.focus();
  });

  /** Call just before an edit: the item at `index` of a list that will be `newLength` long gets the focus. */
  const focusAfter = useCallback((index: number, newLength: number, keepControl = false) => {
    let offset = 0;
    if (keepControl) {
      const active = document.activeElement;
      const from = active?.closest("li");
      const targets = from ? Array.from(from.querySelectorAll<HTMLElement>(FOCUSABLE)) : [];
      offset = Math.max(0, targets.indexOf(active as HTMLElement));
    }
    pending.current = { index, offset, length: newLength, until: Date.now() + 2000 };
  }, []);

  return { list, focusAfter };
}
