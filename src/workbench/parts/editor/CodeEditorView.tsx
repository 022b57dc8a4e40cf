import { useEffect, useRef } from "react";
import { useSelector } from "@xstate/react";
import { editorKey, type EditorInput } from "../../../machines";
import type { CodeEditorHandle, MonacoPlatform } from "../../../platform";
import { useServices } from "../../services";
import type { DocumentSession } from "./documentSession";
import { editorChords } from "./editorChords";

/** Milliseconds of calm after the cursor or scroll moved before the view state is saved. */
const VIEW_STATE_DELAY = 300;

/**
 * Whether an editor becoming active may take the keyboard focus: not from an open dialog or quick
 * input (an editor restored after a reload must not close the palette the user just opened), and not
 * from the Explorer when it opened as a preview, since a single click there leaves the focus in the
 * tree (VS Code); otherwise yes.
 */
function mayTakeFocus(pinned: boolean): boolean {
  const active = document.activeElement;
  if (active?.closest('[role="dialog"], [role="alertdialog"]')) return false;
  const part = active?.closest<HTMLElement>("[data-part]")?.dataset.part;
  return pinned || part !== "explorer";
}

interface Props {
  platform: MonacoPlatform;
  session: DocumentSession;
  input: EditorInput;
  active: boolean;
  ariaLabel: string;
}

/** A Monaco code editor on a document's model, with its cursor and scroll kept per editor. */
export function CodeEditorView({ platform, session, input, active, ariaLabel }: Props) {
  const services = useServices();
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeEditorHandle | null>(null);
  const { theme, fontSize } = useSelector(services.preferences, (s) => s.context);
  const key = editorKey(input);
  const pinned = useSelector(services.editors.actor, (s) =>
    s.context.groups.some((g) => g.tabs.some((t) => t.pinned && editorKey(t.input) === key)),
  );
  const focusRequests = useSelector(services.editors.actor, (s) => s.context.focusRequests);

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const { theme: initialTheme, fontSize: initialSize } = services.preferences.getSnapshot().context;
    const handle = platform.createCodeEditor(host, {
      model: session.model,
      theme: initialTheme,
      fontSize: initialSize,
      ariaLabel,
      keybindings: editorChords(services),
    });
    editor.current = handle;
    const saved = services.editors.actor.getSnapshot().context.viewStates[key];
    if (saved !== undefined) handle.restoreViewState(saved);
    const save = () =>
      services.editors.actor.send({ type: "editor.viewState", key, state: handle.saveViewState() });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moved = handle.onDidChangeViewState(() => {
      clearTimeout(timer);
      timer = setTimeout(save, VIEW_STATE_DELAY);
    });
    const blurred = handle.onDidBlur(() => session.actor.send({ type: "doc.blur" }));
    return () => {
      clearTimeout(timer);
      save();
      moved.dispose();
      blurred.dispose();
      handle.dispose();
      editor.current = null;
    };
    // The editor is created once per model; label, theme and font size are updated in place below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [platform, session, key]);

  useEffect(() => editor.current?.updateOptions({ fontSize }), [fontSize]);
  useEffect(() => editor.current?.updateOptions({ ariaLabel }), [ariaLabel]);
  useEffect(() => platform.setTheme(theme), [platform, theme]);
  useEffect(() => {
    if (active && mayTakeFocus(pinned)) editor.current?.focus();
    // Focus follows an open (or becoming active), not every change of the pinned flag.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, session, focusRequests]);

  return <div ref={container} className="document-editor__code" />;
}
