import { toDisposable, type Disposable } from "../../../base";
import type { LanguageBinding, LanguageBindingHandle } from "../api";
import {
  completeManifest,
  completeRule,
  hoverManifest,
  hoverRule,
  problemRange,
  quickFixes,
  testsCodeLens,
  type LanguageCompletion,
  type LanguageHover,
} from "../language";
import { completionKind, toOffsets, toRange } from "./convert";
import type { ModelRegistry } from "./models";
import { monaco } from "./monaco";

type TextModel = ReturnType<typeof monaco.editor.createModel>;

/** The Monaco command a CodeLens runs; it forwards to the workbench's command registry. */
export const RUN_WORKBENCH_COMMAND = "crw.runWorkbenchCommand";

/**
 * The rule and manifest language features on top of Monaco's JSON language: one completion, hover,
 * code action and CodeLens provider each, registered once for every JSON model and answering only for
 * models bound with {@link LanguageProviders.bind} (a conflict diff's models get JSON alone).
 */
export class LanguageProviders implements Disposable {
  private readonly bindings = new Map<TextModel, LanguageBinding>();
  private readonly lensChanged = new monaco.Emitter<monaco.languages.CodeLensProvider>();
  private readonly registrations: monaco.IDisposable[] = [];
  private runner: ((id: string, ...args: unknown[]) => void) | undefined;

  constructor(private readonly models: ModelRegistry) {
    const { languages } = monaco;
    this.registrations.push(
      monaco.editor.registerCommand(RUN_WORKBENCH_COMMAND, (_accessor, id: unknown, ...args: unknown[]) => {
        if (typeof id === "string") this.runner?.(id, ...args);
      }),
      languages.registerCompletionItemProvider("json", {
        triggerCharacters: [".", '"'],
        provideCompletionItems: (model, position) => this.complete(model, model.getOffsetAt(position)),
      }),
      languages.registerHoverProvider("json", {
        provideHover: (model, position) => this.hover(model, model.getOffsetAt(position)),
      }),
      languages.registerCodeActionProvider(
        "json",
        { provideCodeActions: (model, range, context) => this.codeActions(model, range, context) },
        { providedCodeActionKinds: ["quickfix"] },
      ),
      languages.registerCodeLensProvider("json", {
        onDidChange: this.lensChanged.event,
        provideCodeLenses: (model) => this.codeLenses(model),
      }),
    );
  }

  setRunner(run: (id: string, ...args: unknown[]) => void): void {
    this.runner = run;
  }

  bind(model: TextModel, binding: LanguageBinding): LanguageBindingHandle {
    this.bindings.set(model, binding);
    this.lensChanged.fire(this.lensProvider);
    const unbind = toDisposable(() => {
      if (this.bindings.get(model) === binding) this.bindings.delete(model);
    });
    return { dispose: () => unbind.dispose(), refresh: () => this.lensChanged.fire(this.lensProvider) };
  }

  /** The emitter's payload is not read by Monaco's CodeLens controller; any provider object will do. */
  private readonly lensProvider = {} as monaco.languages.CodeLensProvider;

  private complete(model: TextModel, offset: number): monaco.languages.CompletionList | undefined {
    const binding = this.bindings.get(model);
    if (!binding) return undefined;
    const text = model.getValue();
    const items =
      binding.kind === "rule"
        ? completeRule(text, offset, binding.context())
        : completeManifest(text, offset, binding.context());
    return { suggestions: items.map((item) => this.suggestion(model, item)) };
  }

  private suggestion(model: TextModel, item: LanguageCompletion): monaco.languages.CompletionItem {
    const suggestion: monaco.languages.CompletionItem = {
      label: {
        label: item.label,
        ...(item.labelDetail ? { detail: item.labelDetail } : {}),
        ...(item.description ? { description: item.description } : {}),
      },
      kind: completionKind(item.kind),
      insertText: item.insertText,
      range: toRange(model, item.range),
    };
    if (item.snippet)
      suggestion.insertTextRules = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
    if (item.documentation) suggestion.documentation = { value: item.documentation };
    if (item.description) suggestion.detail = item.description;
    if (item.filterText) suggestion.filterText = item.filterText;
    if (item.sortText) suggestion.sortText = item.sortText;
    if (item.retrigger) suggestion.command = { id: "editor.action.triggerSuggest", title: "" };
    return suggestion;
  }

  private hover(model: TextModel, offset: number): monaco.languages.Hover | undefined {
    const binding = this.bindings.get(model);
    if (!binding) return undefined;
    const text = model.getValue();
    const found: LanguageHover | undefined =
      binding.kind === "rule"
        ? hoverRule(text, offset, binding.context())
        : hoverManifest(text, offset, binding.context());
    if (!found) return undefined;
    return { range: toRange(model, found.range), contents: found.contents.map((value) => ({ value })) };
  }

  private codeActions(
    model: TextModel,
    range: monaco.Range,
    context: monaco.languages.CodeActionContext,
  ): monaco.languages.CodeActionList | undefined {
    const binding = this.bindings.get(model);
    const handle = this.models.forModel(model);
    if (binding?.kind !== "rule" || !handle) return undefined;
    const text = model.getValue();
    const wanted = toOffsets(model, range);
    const relevant = handle.problems.filter((problem) => {
      const at = problemRange(text, problem);
      return at.start <= wanted.end && at.end >= wanted.start;
    });
    const fixes = quickFixes(text, relevant, binding.context());
    const versionId = model.getVersionId();
    const actions = fixes.map<monaco.languages.CodeAction>((fix) => ({
      title: fix.title,
      kind: "quickfix",
      isPreferred: fix.preferred === true,
      diagnostics: context.markers.filter((marker) => marker.code === fix.problem.code),
      edit: {
        edits: fix.edits.map((edit) => ({
          resource: model.uri,
          versionId,
          textEdit: { range: toRange(model, edit), text: edit.text },
        })),
      },
    }));
    return { actions, dispose: () => undefined };
  }

  private codeLenses(model: TextModel): monaco.languages.CodeLensList | undefined {
    const binding = this.bindings.get(model);
    if (binding?.kind !== "rule") return undefined;
    const ctx = binding.context();
    const lenses = testsCodeLens(model.getValue(), model.uri.toString(), binding.testSummary(), ctx.locale);
    return {
      lenses: lenses.map((lens) => ({
        range: toRange(model, lens.range),
        command: lens.command
          ? {
              id: RUN_WORKBENCH_COMMAND,
              title: lens.title,
              arguments: [lens.command.id, ...(lens.command.args ?? [])],
            }
          : { id: "", title: lens.title },
      })),
      dispose: () => undefined,
    };
  }

  dispose(): void {
    for (const registration of this.registrations.splice(0)) registration.dispose();
    this.lensChanged.dispose();
    this.bindings.clear();
  }
}
