import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { editorKey } from "../../machines";
import { formatKeybinding } from "../commands/keybindings";
import { contributedEditors } from "../parts";
import { useServices } from "../services";
import { EditorTabs } from "./EditorTabs";

function Welcome() {
  const { t } = useTranslation();
  const hints: [string, string][] = [
    [t("editor.hintPalette"), "ctrl+shift+p"],
    [t("editor.hintQuickOpen"), "ctrl+p"],
    [t("editor.hintSideBar"), "ctrl+b"],
    [t("editor.hintShortcuts"), "ctrl+k ctrl+s"],
  ];
  return (
    <div className="editor-area__welcome">
      <h1>{t("editor.welcomeTitle")}</h1>
      <p>{t("editor.welcomeBody")}</p>
      <dl className="editor-area__hints">
        {hints.map(([label, key]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>
              <kbd>{formatKeybinding(key)}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * The editor area: one or more groups side by side (View: Split Editor Right), each with its tab strip
 * and its active editor. With nothing open it shows the welcome text, as VS Code shows its watermark.
 */
export function EditorArea() {
  const { t } = useTranslation();
  const { editors } = useServices();
  const { groups, activeGroup } = useSelector(editors.actor, (s) => s.context);
  const empty = groups.every((g) => g.tabs.length === 0);
  return (
    <main className="editor-area" aria-label={t("parts.editor")} data-part="editor">
      {empty ? (
        <Welcome />
      ) : (
        groups.map((group, groupIndex) => {
          const tab = group.tabs.find((x) => editorKey(x.input) === group.active);
          const Editor = tab ? contributedEditors[tab.input.kind]?.component : undefined;
          const Actions = tab ? contributedEditors[tab.input.kind]?.actions : undefined;
          const props = tab && {
            input: tab.input,
            groupIndex,
            active: groupIndex === activeGroup,
          };
          return (
            <section
              key={groupIndex}
              className={groupIndex === activeGroup ? "editor-group editor-group--active" : "editor-group"}
              aria-label={t("editor.group", { group: groupIndex + 1 })}
              onFocusCapture={() => {
                if (groupIndex !== activeGroup)
                  editors.actor.send({ type: "editor.focusGroup", group: groupIndex });
              }}
            >
              <div className="editor-group__header">
                <EditorTabs group={group} groupIndex={groupIndex} />
                {props && Actions && (
                  <div className="editor-group__actions">
                    <Actions key={editorKey(props.input)} {...props} />
                  </div>
                )}
              </div>
              <div
                className="editor-group__body"
                id={`editor-${groupIndex}`}
                role="tabpanel"
                aria-labelledby={tab ? `tab-${groupIndex}-${editorKey(tab.input)}` : undefined}
              >
                {props && Editor ? (
                  <Editor key={editorKey(props.input)} {...props} />
                ) : (
                  tab && (
                    <p className="editor-group__missing">
                      {t("editor.noEditorFor", { kind: tab.input.kind })}
                    </p>
                  )
                )}
              </div>
            </section>
          );
        })
      )}
    </main>
  );
}
