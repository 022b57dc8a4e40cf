import { toDisposable, type Disposable, type Locale } from "../../../base";
import { pickText } from "../../../base";
import type { Problem } from "../../../engine";
import type { DocumentModel, TextEdit } from "../api";
import { problemRange } from "../language";
import { toRange } from "./convert";
import { monaco } from "./monaco";
import { registerSchemaReference } from "./schemas";

type TextModel = ReturnType<typeof monaco.editor.createModel>;

/** Owner of the engine's markers on a model (Monaco keeps markers per owner). */
export const MARKER_OWNER = "crw";

const severities = {
  error: () => monaco.MarkerSeverity.Error,
  warning: () => monaco.MarkerSeverity.Warning,
  info: () => monaco.MarkerSeverity.Info,
};

/** The `$schema` member of a JSON text, read cheaply (no full parse). */
function schemaRefOf(text: string): string | undefined {
  return /"\$schema"\s*:\s*"([^"]+)"/.exec(text.slice(0, 2000))?.[1];
}

/** A {@link DocumentModel} over a Monaco text model. */
class MonacoDocumentModel implements DocumentModel {
  private applyingExternal = false;
  /** The problems shown, kept for quick fixes. */
  problems: readonly Problem[] = [];
  locale: Locale = "en";

  constructor(
    readonly model: TextModel,
    private readonly forget: () => void,
  ) {}

  get uri(): string {
    return this.model.uri.toString();
  }

  get isDisposed(): boolean {
    return this.model.isDisposed();
  }

  getText(): string {
    return this.model.getValue();
  }

  replaceText(text: string): void {
    if (this.model.getValue() === text) return;
    this.applyingExternal = true;
    try {
      // An edit, not setValue(): setValue would clear the undo stack.
      this.model.pushStackElement();
      this.model.pushEditOperations([], [{ range: this.model.getFullModelRange(), text }], () => null);
      this.model.pushStackElement();
    } finally {
      this.applyingExternal = false;
    }
  }

  applyEdits(edits: readonly TextEdit[]): void {
    if (edits.length === 0) return;
    const operations = edits.map((e) => {
      const start = this.model.getPositionAt(e.offset);
      const end = this.model.getPositionAt(e.offset + e.length);
      return {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        text: e.text,
      };
    });
    this.model.pushStackElement();
    this.model.pushEditOperations([], operations, () => null);
    this.model.pushStackElement();
  }

  undo(): void {
    void this.model.undo();
  }

  redo(): void {
    void this.model.redo();
  }

  onDidChangeText(listener: (text: string, external: boolean) => void): Disposable {
    const subscription = this.model.onDidChangeContent(() =>
      listener(this.model.getValue(), this.applyingExternal),
    );
    return toDisposable(() => subscription.dispose());
  }

  setProblems(problems: readonly Problem[], locale: Locale): void {
    if (this.model.isDisposed()) return;
    this.problems = problems;
    this.locale = locale;
    const text = this.model.getValue();
    const markers = problems.map((problem) => {
      const range = toRange(this.model, problemRange(text, problem));
      return {
        severity: severities[problem.severity](),
        message: pickText(problem.message, locale),
        code: problem.code,
        source: "crw",
        startLineNumber: range.startLineNumber,
        startColumn: range.startColumn,
        endLineNumber: range.endLineNumber,
        endColumn: range.endColumn,
      };
    });
    monaco.editor.setModelMarkers(this.model, MARKER_OWNER, markers);
  }

  dispose(): void {
    if (this.model.isDisposed()) return;
    this.forget();
    this.model.dispose();
  }
}

/** One model per document URI, for as long as the document is open. */
export class ModelRegistry {
  private readonly models = new Map<string, MonacoDocumentModel>();

  getOrCreate(uri: string, text: string): MonacoDocumentModel {
    const known = this.models.get(uri);
    if (known && !known.isDisposed) return known;
    const resource = monaco.Uri.parse(uri);
    const model = monaco.editor.getModel(resource) ?? monaco.editor.createModel(text, "json", resource);
    const ref = schemaRefOf(text);
    if (ref) registerSchemaReference(model.uri.toString(), ref);
    const handle = new MonacoDocumentModel(model, () => this.models.delete(uri));
    this.models.set(uri, handle);
    return handle;
  }

  get(uri: string): MonacoDocumentModel | undefined {
    const known = this.models.get(uri);
    return known && !known.isDisposed ? known : undefined;
  }

  /** The handle of a Monaco model, for the language providers. */
  forModel(model: TextModel): MonacoDocumentModel | undefined {
    for (const handle of this.models.values()) if (handle.model === model) return handle;
    return undefined;
  }
}

export type { MonacoDocumentModel };
