import type { KeyboardEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  addCase,
  addCondition,
  moveCase,
  moveCondition,
  newCondition,
  printNode,
  removeCase,
  removeCondition,
  setGroupOp,
  wrapInNot,
  type CasesNode,
  type GroupNode,
} from "../../../engine";
import { useBuilder } from "./builderContext";
import { useFocusAfterEdit } from "./useFocusAfterEdit";

/** Move up / move down / remove buttons of one item of a list (a condition, a case). */
function ItemButtons({
  index,
  count,
  what,
  onMove,
  onRemove,
  onNegate,
}: {
  index: number;
  count: number;
  what: "condition" | "case";
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Conditions only: wrap the condition in "not". */
  onNegate?: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <span className="builder__item-actions">
      {onNegate && (
        <button
          type="button"
          aria-label={t("builder.conditionNegate", { n })}
          title={t("builder.conditionNegate", { n })}
          onClick={onNegate}
        >
          ¬
        </button>
      )}
      <button
        type="button"
        disabled={index === 0}
        aria-label={t(`builder.${what}MoveUp`, { n })}
        title={t(`builder.${what}MoveUp`, { n })}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={index === count - 1}
        aria-label={t(`builder.${what}MoveDown`, { n })}
        title={t(`builder.${what}MoveDown`, { n })}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        disabled={count <= 1}
        aria-label={t(`builder.${what}Remove`, { n })}
        title={t(`builder.${what}Remove`, { n })}
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}

/** Alt+↑ / Alt+↓ anywhere in an item move it, as in the tables. */
const moveKeys = (index: number, count: number, move: (to: number) => void) => (e: KeyboardEvent) => {
  // A nested list or table that moved its own item has handled the keys already.
  if (!e.altKey || e.defaultPrevented) return;
  if (e.key === "ArrowUp" && index > 0) move(index - 1);
  else if (e.key === "ArrowDown" && index < count - 1) move(index + 1);
  else return;
  e.preventDefault();
  e.stopPropagation();
};

/** An all / any group: its conditions, each movable and removable, and Add condition. */
export function GroupView({ node }: { node: GroupNode }) {
  const ctx = useBuilder();
  const { t } = useTranslation();
  const count = node.items.length;
  const firstField = ctx.fields.keys().next().value ?? "field";
  const { list, focusAfter } = useFocusAfterEdit<HTMLOListElement>(count);
  return (
    <div
      className={`builder__group builder__group--${node.op}`}
      role="group"
      aria-label={t(node.op === "and" ? "builder.allGroup" : "builder.anyGroup", { count })}
    >
      <select
        aria-label={t("builder.groupOperator")}
        value={node.op}
        onChange={(e) => ctx.edit(setGroupOp(node, e.target.value as GroupNode["op"]))}
      >
        <option value="and">{t("builder.all")}</option>
        <option value="or">{t("builder.any")}</option>
      </select>
      <ol className="builder__items" ref={list}>
        {node.items.map((item, i) => {
          const move = (to: number) => {
            focusAfter(to, count, true);
            ctx.edit(moveCondition(node, i, to));
          };
          return (
            <li key={i} onKeyDown={moveKeys(i, count, move)}>
              <div className="builder__item">{ctx.render(item)}</div>
              <ItemButtons
                index={i}
                count={count}
                what="condition"
                onMove={move}
                onRemove={() => ctx.edit(removeCondition(node, i))}
                onNegate={() => ctx.edit(wrapInNot(item))}
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="builder__add"
        onClick={() => {
          focusAfter(count, count + 1);
          ctx.edit(addCondition(node, newCondition(node, firstField)));
        }}
      >
        {t("builder.addCondition")}
      </button>
      <button type="button" className="builder__add" onClick={() => ctx.edit(wrapInNot(node))}>
        {t("builder.groupNegate")}
      </button>
    </div>
  );
}

/** An if / else-if chain: its cases in order (movable, removable), Add case, and the else. */
export function CasesView({ node }: { node: CasesNode }) {
  const ctx = useBuilder();
  const { t } = useTranslation();
  const count = node.cases.length;
  const firstField = ctx.fields.keys().next().value ?? "field";
  const { list, focusAfter } = useFocusAfterEdit<HTMLOListElement>(count + 1);
  const add = () => {
    const last = node.cases[count - 1];
    const then = last?.then.kind === "literal" ? printNode(last.then) : 0;
    // The list also holds the else row, so the new case is at `count` and the list grows by one.
    focusAfter(count, count + 2);
    ctx.edit(addCase(node, newCondition(node, firstField), then));
  };
  const keyword = (i: number): ReactNode => (
    <span className="builder__keyword">{i === 0 ? t("builder.if") : t("builder.elseIf")}</span>
  );
  return (
    <div className="builder__chain" role="group" aria-label={t("builder.casesLabel", { count })}>
      <ol className="builder__cases" ref={list}>
        {node.cases.map((c, i) => {
          const move = (to: number) => {
            focusAfter(to, count + 1, true);
            ctx.edit(moveCase(node, i, to));
          };
          return (
            <li key={i} onKeyDown={moveKeys(i, count, move)}>
              <div className="builder__case-body">
                <div className="builder__case-when">
                  {keyword(i)} {ctx.render(c.when)}
                </div>
                <div className="builder__case-then">
                  <span className="builder__keyword">{t("builder.then")}</span> {ctx.render(c.then)}
                </div>
              </div>
              <ItemButtons
                index={i}
                count={count}
                what="case"
                onMove={move}
                onRemove={() => ctx.edit(removeCase(node, i))}
              />
            </li>
          );
        })}
        <li className="builder__case-else">
          {node.otherwise ? (
            <>
              <span className="builder__keyword">{t("builder.otherwise")}</span> {ctx.render(node.otherwise)}
            </>
          ) : (
            <span className="builder__dim">{t("builder.noOtherwise")}</span>
          )}
        </li>
      </ol>
      <button type="button" className="builder__add" onClick={add}>
        {t("builder.addCase")}
      </button>
    </div>
  );
}
