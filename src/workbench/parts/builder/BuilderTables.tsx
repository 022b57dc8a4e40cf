import { useId, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import {
  addBand,
  addRow,
  bandWarnings,
  lookupWarnings,
  moveRow,
  printNode,
  removeBand,
  removeRow,
  setBandFrom,
  setBandRate,
  stepWarnings,
  switchBandsMode,
  type BandsNode,
  type BuilderNode,
  type LogicEdit,
  type LookupNode,
  type StepsNode,
  type TableWarning,
  type VarNode,
  type ScalarFieldKind,
} from "../../../engine";
import { parseInput } from "../templates/templateInputs";
import { CommitInput, LiteralInput, VarView, hintOf, kindOf, useBuilder, type Hint } from "./builderContext";
import { spreadsheetEnter } from "./spreadsheetKeys";
function Warnings({ warnings }: { warnings: TableWarning[] }) {
  const { locale } = useBuilder();
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="builder__warnings" aria-label={t("builder.warnings")}>
      {warnings.map((w, i) => (
        <li key={i}>⚠ {pickText(w.message, locale)}</li>
      ))}
    </ul>
  );
}

function RowButtons({
  row,
  count,
  onMove,
  onRemove,
}: {
  row: number;
  count: number;
  onMove?: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <td className="builder__row-actions">
      {onMove && (
        <>
          <button
            type="button"
            disabled={row === 0}
            aria-label={t("builder.moveUp", { row: row + 1 })}
            onClick={() => onMove(row - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={row === count - 1}
            aria-label={t("builder.moveDown", { row: row + 1 })}
            onClick={() => onMove(row + 1)}
          >
            ↓
          </button>
        </>
      )}
      <button
        type="button"
        disabled={count <= 1}
        aria-label={t("builder.removeRow", { row: row + 1 })}
        onClick={onRemove}
      >
        ×
      </button>
    </td>
  );
}

/** Alt+↑ / Alt+↓ move the row the focus is in, as in a list editor. */
function rowKeys(row: number, move?: (to: number) => void) {
  return (e: KeyboardEvent) => {
    if (!move || !e.altKey) return;
    if (e.key === "ArrowUp" && row > 0) move(row - 1);
    else if (e.key === "ArrowDown") move(row + 1);
    else return;
    e.preventDefault();
  };
}

export function BandsView({ node }: { node: BandsNode }) {
  const ctx = useBuilder();
  const { t } = useTranslation();
  const name = useId();
  const hint = hintOf(node.measure, ctx);
  const refused = node.mode === "marginal" && switchBandsMode(node).length === 0;
  const cellLabel = (column: string, row: number) => t("builder.cell", { column, row: row + 1 });
  const last = node.rows[node.rows.length - 1]!;
  const nextFrom = (() => {
    const from =
      last.from?.kind === "literal" && typeof last.from.value === "number" ? last.from.value : undefined;
    return from !== undefined ? from * 2 : 10000000;
  })();
  return (
    <section className="builder__table-box" aria-label={t("builder.bands", { field: node.measure.name })}>
      <header className="builder__table-head">
        <strong>{t("builder.bandsHead")}</strong> <VarView node={node.measure} label={t("builder.field")} />
      </header>
      <div role="radiogroup" aria-label={t("builder.modeLabel")} className="builder__modes">
        {(["retroactive", "marginal"] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={name}
              checked={node.mode === mode}
              disabled={node.mode !== mode && refused}
              onChange={() => ctx.edit(switchBandsMode(node))}
            />
            {t(`builder.${mode}`)}
          </label>
        ))}
      </div>
      {refused && <p className="builder__note">{t("builder.modeRefused")}</p>}
      <table
        className="builder__table"
        aria-label={t("builder.bands", { field: node.measure.name })}
        onKeyDown={spreadsheetEnter}
      >
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("builder.from")}</th>
            <th scope="col">{t("builder.rate")}</th>
            <th scope="col">
              <span className="builder__sr">{t("builder.row", { row: "" })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {node.rows.map((row, k) => (
            <tr key={k}>
              <th scope="row">{k + 1}</th>
              <td>
                {row.from ? (
                  <BandValue
                    node={row.from}
                    hint={hint}
                    label={cellLabel(t("builder.from"), k)}
                    edits={(v) => setBandFrom(node, k, v)}
                  />
                ) : (
                  <span className="builder__dim">0</span>
                )}
              </td>
              <td>
                <BandValue
                  node={row.rate}
                  hint={{}}
                  ratio
                  label={cellLabel(t("builder.rate"), k)}
                  edits={(v) => setBandRate(node, k, v)}
                />
              </td>
              <RowButtons row={k} count={node.rows.length} onRemove={() => ctx.edit(removeBand(node, k))} />
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="builder__add" onClick={() => ctx.edit(addBand(node, nextFrom, 0))}>
        {t("builder.addRow")}
      </button>
      <Warnings warnings={bandWarnings(node, ctx.params)} />
    </section>
  );
}

/** A band cell: a number typed in place, or a parameter reference shown with its title and default. */
function BandValue({
  node,
  hint,
  label,
  edits,
  ratio,
}: {
  node: BuilderNode;
  hint: Hint;
  label: string;
  edits: (v: unknown) => LogicEdit[];
  ratio?: boolean;
}) {
  const ctx = useBuilder();
  if (node.kind === "literal" && typeof node.value === "number") {
    const kind: ScalarFieldKind = ratio ? "ratio" : kindOf(hint.field, hint.param);
    return <CommitInput kind={kind} value={node.value} label={label} onCommit={(v) => ctx.edit(edits(v))} />;
  }
  if (node.kind === "var") {
    // A parameter: editing the cell to a number replaces the reference (in both places it is written).
    return <VarOrNumber node={node} label={label} edits={edits} />;
  }
  return ctx.render(node);
}

/** A parameter in a table cell: typing a number puts that number in its place (in every place it is written). */
function VarOrNumber({
  node,
  label,
  edits,
}: {
  node: VarNode;
  label: string;
  edits: (v: unknown) => LogicEdit[];
}) {
  const ctx = useBuilder();
  const commit = (typed: string) => {
    const n = parseInput("number", typed);
    ctx.edit(edits(typeof n === "number" ? n : printNode({ ...node, name: typed })));
  };
  return <VarView node={node} label={label} onCommit={commit} />;
}

export function RowTableView({ node }: { node: StepsNode | LookupNode }) {
  const ctx = useBuilder();
  const { t } = useTranslation();
  const field = node.kind === "steps" ? node.measure : node.field;
  const title =
    node.kind === "steps"
      ? t("builder.steps", { field: field.name })
      : t("builder.lookup", { field: field.name });
  const hint = hintOf(field, ctx);
  const warnings =
    node.kind === "steps" ? stepWarnings(node, ctx.params) : lookupWarnings(node, hint.field?.enum);
  const firstColumn = node.kind === "steps" ? t("builder.bound", { op: node.op }) : t("builder.key");
  const move = (k: number) => (to: number) => ctx.edit(moveRow(node, k, to));
  const sample = node.rows[node.rows.length - 1]!;
  const newKey = node.kind === "lookup" ? `${String((sample as LookupNode["rows"][number]).key.value)}_2` : 0;
  return (
    <section className="builder__table-box" aria-label={title}>
      <header className="builder__table-head">
        <strong>{node.kind === "steps" ? t("builder.stepsHead") : t("builder.lookupHead")}</strong>{" "}
        <VarView node={field} label={t("builder.field")} />
      </header>
      <table className="builder__table" aria-label={title} onKeyDown={spreadsheetEnter}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{t("builder.value")}</th>
            <th scope="col">
              <span className="builder__sr">{t("builder.row", { row: "" })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {node.rows.map((row, k) => (
            <tr key={k} onKeyDown={rowKeys(k, move(k))}>
              <th scope="row">{k + 1}</th>
              <td>
                {"key" in row ? (
                  <LiteralInput
                    node={row.key}
                    hint={hint}
                    label={t("builder.cell", { column: firstColumn, row: k + 1 })}
                  />
                ) : (
                  <BandValue
                    node={row.bound}
                    hint={hint}
                    label={t("builder.cell", { column: firstColumn, row: k + 1 })}
                    edits={(v) => [{ path: row.bound.path, value: v }]}
                  />
                )}
              </td>
              <td>{ctx.render(row.value, t("builder.cell", { column: t("builder.value"), row: k + 1 }))}</td>
              <RowButtons
                row={k}
                count={node.rows.length}
                onMove={move(k)}
                onRemove={() => ctx.edit(removeRow(node, k))}
              />
            </tr>
          ))}
          <tr>
            <th scope="row" />
            <td>{t("builder.otherwise")}</td>
            <td>{ctx.render(node.otherwise, t("builder.otherwise"))}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <button type="button" className="builder__add" onClick={() => ctx.edit(addRow(node, newKey, 0))}>
        {t("builder.addRow")}
      </button>
      <Warnings warnings={warnings} />
    </section>
  );
}
