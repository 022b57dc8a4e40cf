import { useRef, useSyncExternalStore } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { editorKey, type EditorGroup } from "../../machines";
import { contributedEditors } from "../parts";
import { useServices } from "../services";
import { useWorkspaceActor } from "./workspaceContext";
import { usePreferencesActor } from "./preferencesContext";
import { documentKindOf, tabKeyTarget } from "./editorTabs.selectors";

/** Whether the document behind each open input has unsaved changes, re-rendered when any changes. */
function useDirtyKeys(): Set<string> {
  const { documents } = useServices();
  useSyncExternalStore(documents.subscribe, documents.snapshot);
  const dirty = new Set<string>();
  for (const actor of documents.all()) {
    const snapshot = actor.getSnapshot();
    if (!snapshot.matches({ lifecycle: "clean" }))
      dirty.add(`${snapshot.context.kind}:${snapshot.context.id}`);
  }
  return dirty;
}

/**
 * The tab strip of one editor group: a WAI-ARIA tablist with roving focus (arrows, Home, End), a dirty
 * dot, a close affordance (also middle click and Ctrl+W), a preview tab in italics that a double click
 * pins, and reordering by drag and drop or by `View: Move Editor Left/Right`.
 */
export function EditorTabs({ group, groupIndex }: { group: EditorGroup; groupIndex: number }) {
  const { t } = useTranslation();
  const services = useServices();
  const editors = services.editors.actor;
  const lists = useSelector(useWorkspaceActor(), (s) => s.context.lists);
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const dirty = useDirtyKeys();
  const strip = useRef<HTMLDivElement>(null);
  const labelContext = { t, locale, lists };

  const focusTab = (index: number) => {
    const tab = group.tabs[index];
    if (!tab) return;
    editors.send({ type: "editor.activate", key: editorKey(tab.input), group: groupIndex });
    strip.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
  };

  return (
    <div
      ref={strip}
      className="editor-tabs"
      role="tablist"
      aria-label={t("editor.tabs", { group: groupIndex + 1 })}
    >
      {group.tabs.map((tab, index) => {
        const key = editorKey(tab.input);
        const editor = contributedEditors[tab.input.kind];
        const label = editor?.label(tab.input, labelContext) ?? tab.input.resource;
        const description = editor?.description?.(tab.input, labelContext);
        const isDirty = documentKindOf(tab.input) !== undefined && dirty.has(key);
        const selected = group.active === key;
        const close = () => services.commands.execute("workbench.closeEditor", key, groupIndex);
        return (
          <div
            key={key}
            role="tab"
            id={`tab-${groupIndex}-${key}`}
            aria-selected={selected}
            aria-controls={`editor-${groupIndex}`}
            aria-description={[
              description,
              isDirty ? t("editor.modified") : undefined,
              tab.pinned ? undefined : t("editor.preview"),
            ]
              .filter(Boolean)
              .join(", ")}
            tabIndex={selected ? 0 : -1}
            title={description ? `${label} — ${description}` : label}
            draggable
            className={[
              "editor-tab",
              selected ? "editor-tab--active" : "",
              tab.pinned ? "" : "editor-tab--preview",
              isDirty ? "editor-tab--dirty" : "",
            ].join(" ")}
            onClick={() => editors.send({ type: "editor.activate", key, group: groupIndex })}
            onDoubleClick={() => editors.send({ type: "editor.pin", key, group: groupIndex })}
            onAuxClick={(e) => {
              if (e.button === 1) {
                e.preventDefault();
                void close();
              }
            }}
            onKeyDown={(e) => {
              const target = tabKeyTarget(group, key, e.key);
              if (target !== undefined) {
                e.preventDefault();
                focusTab(target);
              } else if (e.key === "Delete") {
                e.preventDefault();
                void close();
              }
            }}
            onDragStart={(e) => {
              e.dataTransfer.setData(
                "application/x-crw-tab",
                JSON.stringify({ group: groupIndex, from: index }),
              );
              e.dataTransfer.effectAllowed = "move";
            }}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes("application/x-crw-tab")) e.preventDefault();
            }}
            onDrop={(e) => {
              const data = e.dataTransfer.getData("application/x-crw-tab");
              if (!data) return;
              e.preventDefault();
              const source = JSON.parse(data) as { group: number; from: number };
              if (source.group === groupIndex)
                editors.send({ type: "editor.move", group: groupIndex, from: source.from, to: index });
            }}
          >
            <span className="editor-tab__label">{label}</span>
            {/* Mouse affordances only: keyboard users close with Ctrl+W or Delete, as in VS Code. */}
            <span
              className="editor-tab__close"
              aria-hidden="true"
              title={t("editor.closeTab")}
              onClick={(e) => {
                e.stopPropagation();
                void close();
              }}
            >
              <span className="editor-tab__dot">●</span>
              <span className="editor-tab__x">×</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
