import { useEffect, useMemo, useRef } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import type { ActorRefFrom } from "xstate";
import type { quickInputMachine } from "../../machines";
import { highlightPieces, visibleEntries } from "./quickInput.selectors";
import "./quickInput.css";

function Highlighted({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  return (
    <>
      {highlightPieces(text, ranges).map((piece, i) =>
        piece.match ? (
          <mark key={i} className="quick-input__match">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}

/**
 * The quick input widget (palette, quick open, quick picks, text prompts) as a WAI-ARIA combobox:
 * the input controls a listbox of options and names the active one with `aria-activedescendant`.
 * Focus returns to where it was when the widget closes.
 */
export function QuickInput({ actor }: { actor: ActorRefFrom<typeof quickInputMachine> }) {
  const { t } = useTranslation();
  const { request, text, activeIndex, validation } = useSelector(actor, (s) => s.context);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const visible = useMemo(
    () => (request?.mode === "pick" ? visibleEntries(request.items, text) : []),
    [request, text],
  );
  const open = request !== null;

  // Focus returns when the widget closes, not when one request follows another (a multi-step
  // command's next pick): moving focus away then would blur the input and cancel the next pick.
  useEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement;
    return () => {
      const target = returnFocus.current;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    };
  }, [open]);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open, request]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }, [activeIndex, visible]);

  if (!request) return null;
  const active = visible[Math.min(activeIndex, visible.length - 1)];
  const optionId = (index: number) => `quick-input-option-${index}`;
  const accept = (index?: number) => actor.send({ type: "quickInput.accept", itemIndex: index });

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const page = 10;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves && request.mode === "pick") {
      event.preventDefault();
      actor.send({ type: "quickInput.move", delta: moves[event.key]!, visibleCount: visible.length });
    } else if (event.key === "Enter") {
      event.preventDefault();
      accept(request.mode === "pick" ? active?.index : undefined);
    } else if (event.key === "Escape") {
      event.preventDefault();
      actor.send({ type: "quickInput.cancel" });
    }
  };

  const label =
    request.title ?? (request.mode === "input" ? request.prompt : undefined) ?? t("quickInput.label");
  return (
    <div className="quick-input" role="presentation">
      <div className="quick-input__widget" role="dialog" aria-label={label}>
        {request.title && <div className="quick-input__title">{request.title}</div>}
        <input
          ref={inputRef}
          className="quick-input__box"
          role="combobox"
          aria-label={label}
          aria-expanded={request.mode === "pick"}
          aria-controls={request.mode === "pick" ? "quick-input-list" : undefined}
          aria-autocomplete="list"
          aria-activedescendant={request.mode === "pick" && active ? optionId(active.index) : undefined}
          aria-invalid={validation !== undefined}
          aria-describedby={request.mode === "input" ? "quick-input-message" : undefined}
          placeholder={request.placeholder}
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => actor.send({ type: "quickInput.type", text: e.target.value })}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            // Clicking elsewhere closes it, as in VS Code; clicks inside the list keep it.
            if (!e.currentTarget.parentElement?.contains(e.relatedTarget))
              actor.send({ type: "quickInput.cancel" });
          }}
        />
        {request.mode === "input" && (
          <div
            id="quick-input-message"
            className={
              validation ? "quick-input__message quick-input__message--error" : "quick-input__message"
            }
          >
            {validation ?? request.prompt ?? t("quickInput.confirm")}
          </div>
        )}
        {request.mode === "pick" && (
          <div
            id="quick-input-list"
            ref={listRef}
            className="quick-input__list"
            role="listbox"
            aria-label={label}
          >
            {visible.length === 0 && <div className="quick-input__empty">{t("quickInput.noResults")}</div>}
            {visible.map((item, position) => (
              <div key={item.index} role="presentation">
                {item.heading && (
                  <div className="quick-input__heading" aria-hidden="true">
                    {item.heading}
                  </div>
                )}
                <div
                  id={optionId(item.index)}
                  role="option"
                  aria-selected={active?.index === item.index}
                  tabIndex={-1}
                  className="quick-input__option"
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() =>
                    position !== activeIndex && actor.send({ type: "quickInput.setActive", index: position })
                  }
                  onClick={() => accept(item.index)}
                >
                  <span className="quick-input__label">
                    <Highlighted text={item.entry.label} ranges={item.labelRanges} />
                  </span>
                  {item.entry.description && (
                    <span className="quick-input__description">
                      <Highlighted text={item.entry.description} ranges={item.descriptionRanges} />
                    </span>
                  )}
                  {item.entry.keybinding && (
                    <kbd className="quick-input__keybinding">{item.entry.keybinding}</kbd>
                  )}
                  {item.entry.detail && <span className="quick-input__detail">{item.entry.detail}</span>}
                </div>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
