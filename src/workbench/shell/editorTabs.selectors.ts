import type { DocumentKind, EditorGroup, EditorInput } from "../../machines";
import { editorKey } from "../../machines";

/** The document kinds an editor input can be dirty for. */
export function documentKindOf(input: EditorInput): DocumentKind | undefined {
  return input.kind === "rule" || input.kind === "manifest" ? input.kind : undefined;
}

/** Where keyboard focus moves in a tab strip for a key, or undefined when the key is not ours. */
export function tabKeyTarget(group: EditorGroup, focusedKey: string, key: string): number | undefined {
  const index = group.tabs.findIndex((t) => editorKey(t.input) === focusedKey);
  if (index < 0) return undefined;
  const last = group.tabs.length - 1;
  switch (key) {
    case "ArrowRight":
      return index === last ? 0 : index + 1;
    case "ArrowLeft":
      return index === 0 ? last : index - 1;
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return undefined;
  }
}
