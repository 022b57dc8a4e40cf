import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import "./menu.css";

export interface MenuItem {
  id: string;
  label: string;
  /** Shown on the right, as VS Code's context menus show keybindings. */
  keybinding?: string;
  /** Draws a separator above the item. */
  group?: boolean;
}

export interface ContextMenuProps {
  /** Accessible name of the menu. */
  label: string;
  items: readonly MenuItem[];
  position: { x: number; y: number };
  onSelect: (id: string) => void;
  /** Closed without a choice (Escape, a click elsewhere, Tab); focus goes back where it was. */
  onClose: () => void;
}

/**
 * A context menu (WAI-ARIA menu): the first item focused on open, arrows and Home/End move, Enter
 * or Space runs the item, Escape or a click outside closes it and focus returns where it was.
 */
export function ContextMenu({ label, items, position, onSelect, onClose }: ContextMenuProps) {
  const [active, setActive] = useState(0);
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState(position);
  const returnTo = useRef<HTMLElement | null>(
    typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null),
  );

  // Keep the menu inside the window, as a native context menu is.
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setPlace({
      x: Math.max(0, Math.min(position.x, window.innerWidth - box.width - 4)),
      y: Math.max(0, Math.min(position.y, window.innerHeight - box.height - 4)),
    });
  }, [position]);

  useEffect(() => {
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);

  const close = () => {
    onClose();
    returnTo.current?.focus();
  };
  useEffect(() => {
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) close();
    };
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  });

  const select = (id: string) => {
    returnTo.current?.focus();
    onSelect(id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = items.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active >= last ? 0 : active + 1),
      ArrowUp: () => (active <= 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (move) setActive(move());
    else if (event.key === "Enter" || event.key === " ") {
      const item = items[active];
      if (item) select(item.id);
    } else if (event.key === "Escape" || event.key === "Tab") close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <ul
      ref={menu}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
    >
      {items.map((item, i) => (
        <li
          key={item.id}
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          className={`context-menu__item${item.group ? " context-menu__item--group" : ""}`}
          onPointerEnter={() => setActive(i)}
          onClick={() => select(item.id)}
          aria-keyshortcuts={item.keybinding}
        >
          <span className="context-menu__label">{item.label}</span>
          {item.keybinding && <span className="context-menu__keybinding">{item.keybinding}</span>}
        </li>
      ))}
    </ul>
  );
}
