import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import {
  parseLogic,
  removeNot,
  schemaFields,
  setCompareOp,
  type BuilderNode,
  type CompareOp,
} from "../../../engine";
import {
  applyLogicEditsToText,
  replaceLogicNodeText,
  type DocumentModel,
  type MonacoPlatform,
} from "../../../platform";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import {
  Ctx,
  LiteralInput,
  VarView,
  hintOf,
  useBuilder,
  type BuilderContext,
  type Hint,
} from "./builderContext";
import { BandsView, RowTableView } from "./BuilderTables";
import { CasesView, GroupView } from "./BuilderStructure";
import { BuilderSummary } from "./BuilderSummary";
import { OpaqueBlock } from "./OpaqueBlock";
import { workspaceContent } from "./builder.selectors";
import "./builder.css";
const compareOps = ["<", "<=", ">", ">=", "===", "!==", "==", "!="] as const;

/** One node of the model, by kind. */
function NodeView({ node, label, hint }: { node: BuilderNode; label?: string; hint?: Hint }): ReactNode {
  const ctx = useBuilder();
  const { t } = useTranslation();
  switch (node.kind) {
    case "literal":
      return <LiteralInput node={node} hint={hint ?? {}} label={label ?? t("builder.literal")} />;
    case "var":
      return <VarView node={node} label={label ?? t("builder.field")} />;
    case "opaque":
      return <OpaqueBlock node={node} />;
    case "group":
      return <GroupView node={node} />;
    case "not":
      return (
        <span className="builder__not">
          <span className="builder__keyword">{node.op === "!" ? t("builder.not") : t("builder.notNot")}</span>{" "}
          <NodeView node={node.item} />
          {node.op === "!" && (
            <button
              type="button"
              className="builder__unnot"
              aria-label={t("builder.removeNot")}
              title={t("builder.removeNot")}
              onClick={() => ctx.edit(removeNot(node))}
            >
              ⊘
            </button>
          )}
        </span>
      );
    case "compare": {
      const h = hintOf(node.args[0], ctx);
      return (
        <span className="builder__compare">
          <NodeView node={node.args[0]!} />
          <select
            aria-label={t("builder.operator")}
            value={node.op}
            onChange={(e) => ctx.edit(setCompareOp(node, e.target.value as CompareOp))}
          >
            {compareOps.map((op) => (
              <option key={op} value={op}>
                {op} {t(`builder.ops.${op}`)}
              </option>
            ))}
          </select>
          {node.args.slice(1).map((arg, i) => (
            <NodeView key={i} node={arg} hint={h} />
          ))}
        </span>
      );
    }
    case "formula":
      return (
        <span
          className={`builder__formula builder__formula--${node.op === "min" || node.op === "max" ? "fn" : "op"}`}
        >
          <span className="builder__keyword">{t(`builder.formula.${node.op}`)}</span>(
          {node.args.map((arg, i) => (
            <span key={i} className="builder__arg">
              {i > 0 && (
                <span className="builder__sep">
                  {node.op === "min" || node.op === "max" ? "," : ` ${node.op} `}
                </span>
              )}
              <NodeView node={arg} />
            </span>
          ))}
          )
        </span>
      );
    case "cases":
      return <CasesView node={node} />;
    case "steps":
    case "lookup":
      return <RowTableView node={node} />;
    case "bands":
      return <BandsView node={node} />;
  }
}

function useModelText(model: DocumentModel): string {
  return useSyncExternalStore(
    (listener) => {
      const d = model.onDidChangeText(() => listener());
      return () => d.dispose();
    },
    () => model.getText(),
  );
}

/**
 * The visual builder: a form over the rule's logic that edits the same Monaco model as the code
 * view. Every change is a minimal replacement of the text (jsonc-parser at the node's path), applied
 * as one undoable edit, so Ctrl+Z / Ctrl+Shift+Z here or in the code walk one history.
 */
export function BuilderView({
  platform,
  model,
  name,
}: {
  platform: MonacoPlatform;
  model: DocumentModel;
  name: string;
}) {
  const { t } = useTranslation();
  const services = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const lists = useSelector(services.workspace, (s) => s.context.lists);
  const activeDatasetId = useSelector(services.workspace, (s) => s.context.activeDatasetId);
  const listId = useId();
  const regionRef = useRef<HTMLDivElement>(null);
  // Switching from the code (Ctrl+K V) unmounts Monaco, which had the focus: the builder takes it, so
  // the next Tab goes to its first control instead of the top of the page.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body)
      regionRef.current?.focus({ preventScroll: true });
  }, []);
  const text = useModelText(model);
  const schema = lists.datasets.find((d) => d.id === activeDatasetId)?.schema;
  const fieldList = useMemo(() => schemaFields(schema), [schema]);
  const fields = useMemo(() => new Map(fieldList.map((f) => [f.path, f])), [fieldList]);
  const params = useMemo(() => workspaceContent(lists).params, [lists]);
  const parsed = useMemo(() => {
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false as const };
    }
  }, [text]);
  const ctx: BuilderContext = {
    locale,
    platform,
    text,
    fields,
    params,
    listId,
    edit(edits) {
      const { replacement } = applyLogicEditsToText(model.getText(), edits);
      if (replacement) model.applyEdits([replacement]);
    },
    replaceRaw(path, raw) {
      const replacement = replaceLogicNodeText(model.getText(), path, raw);
      if (replacement) model.applyEdits([replacement]);
    },
    render: (node, label, hint) => (
      <NodeView node={node} {...(label ? { label } : {})} {...(hint ? { hint } : {})} />
    ),
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const key = e.key.toLowerCase();
    if (!(e.ctrlKey || e.metaKey)) return;
    // Inside an embedded JSON block, Ctrl+Z undoes its typing first (it commits on leaving it).
    if (e.target instanceof Element && e.target.closest(".builder__block")) return;
    if (key === "z" && !e.shiftKey) model.undo();
    else if ((key === "z" && e.shiftKey) || key === "y") model.redo();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const logic =
    parsed.ok && typeof parsed.value === "object" && parsed.value !== null && "logic" in parsed.value
      ? parsed.value.logic
      : undefined;
  return (
    <div
      ref={regionRef}
      className="builder"
      role="region"
      aria-label={t("builder.label", { name })}
      onKeyDownCapture={onKeyDown}
      tabIndex={-1}
    >
      <datalist id={listId}>
        {fieldList.map((f) => (
          <option key={f.path} value={f.path}>
            {pickText(f.title, locale)}
          </option>
        ))}
        {Object.entries(params).map(([k, p]) => (
          <option key={k} value={`params.${k}`}>
            {p.title ? pickText(p.title, locale) : k}
          </option>
        ))}
      </datalist>
      {!parsed.ok ? (
        <p role="alert">{t("builder.unparsable")}</p>
      ) : logic === undefined ? (
        <p role="status">{t("builder.noLogic")}</p>
      ) : (
        <Ctx.Provider value={ctx}>
          <BuilderSummary logic={logic} text={text} />
          <NodeView node={parseLogic(logic)} />
        </Ctx.Provider>
      )}
    </div>
  );
}
