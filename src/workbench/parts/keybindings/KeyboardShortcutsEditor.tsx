import { useMemo, useState, useSyncExternalStore } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { shortcutRows } from "./keybindings.selectors";
import "./keybindings.css";

/** `Preferences: Keyboard Shortcuts`: every command of the registry with its keys, searchable. */
export function KeyboardShortcutsEditor() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const [search, setSearch] = useState("");
  const version = useSyncExternalStore(commands.registry.subscribe, commands.registry.snapshot);
  const rows = useMemo(
    () => shortcutRows(commands.registry.list(), locale, search),
    // The registry is mutable; its version says when the list changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [commands.registry, version, locale, search],
  );
  return (
    <div className="shortcuts">
      <input
        className="shortcuts__search"
        type="search"
        aria-label={t("shortcuts.search")}
        placeholder={t("shortcuts.search")}
        value={search}
        autoFocus
        onChange={(e) => setSearch(e.target.value)}
      />
      <p className="shortcuts__count" role="status">
        {t("shortcuts.count", { count: rows.length })}
      </p>
      {/* Focusable so keyboard users can scroll a long list (axe: scrollable-region-focusable). */}
      <div className="shortcuts__scroll" tabIndex={0} role="region" aria-label={t("shortcuts.title")}>
        <table className="shortcuts__table" aria-label={t("shortcuts.title")}>
          <thead>
            <tr>
              <th scope="col">{t("shortcuts.command")}</th>
              <th scope="col">{t("shortcuts.keybinding")}</th>
              <th scope="col">{t("shortcuts.when")}</th>
              <th scope="col">{t("shortcuts.id")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.label}</td>
                <td>
                  {row.keybindings.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </td>
                <td className="shortcuts__dim">{row.when}</td>
                <td className="shortcuts__dim">{row.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
