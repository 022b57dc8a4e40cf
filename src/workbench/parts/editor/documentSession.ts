import type { Disposable } from "../../../base";
import type { DocumentKind } from "../../../machines";
import type { DocumentModel, MonacoPlatform } from "../../../platform";
import type { DocumentActor, WorkbenchServices } from "../../services";
import { LanguageInputs } from "./languageInputs";

/** The Monaco model URI of a document: its workspace path (so `$schema` paths resolve as on disk). */
export function modelUri(path: string): string {
  return `file:///${path.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * One open document in Monaco: its model (text, undo history, markers) and the two-way binding to
 * the document actor. Typing sends `doc.edit`; a change of the document's text from elsewhere
 * (revert, take theirs, another tab's save) is applied to the model as one undoable edit; the
 * problems of the validated text become markers. Lives while the document is open, whichever editors
 * show it, so undo history survives switching tabs.
 */
export class DocumentSession implements Disposable {
  readonly model: DocumentModel;
  private readonly subscriptions: (() => void)[] = [];

  constructor(
    platform: MonacoPlatform,
    services: WorkbenchServices,
    inputs: LanguageInputs,
    readonly actor: DocumentActor,
    uri: string,
  ) {
    const { kind, id, text } = actor.getSnapshot().context;
    const model = platform.getOrCreateModel(uri, text);
    model.replaceText(text);
    this.model = model;

    const typed = model.onDidChangeText((current, external) => {
      if (!external && actor.getSnapshot().context.text !== current)
        actor.send({ type: "doc.edit", text: current });
    });
    this.subscriptions.push(() => typed.dispose());

    const locale = () => services.preferences.getSnapshot().context.locale;
    let shown: { problems: unknown; locale: string } | undefined;
    const sync = () => {
      if (model.isDisposed) return;
      const { text: current, problems, validatedText } = actor.getSnapshot().context;
      if (current !== model.getText()) model.replaceText(current);
      // Problems of an older text would land on the wrong characters; the next validation brings them.
      if (validatedText !== model.getText()) return;
      if (shown?.problems === problems && shown.locale === locale()) return;
      shown = { problems, locale: locale() };
      model.setProblems(problems, locale());
    };
    sync();
    const docs = actor.subscribe(sync);
    this.subscriptions.push(() => docs.unsubscribe());
    const prefs = services.preferences.subscribe(sync);
    this.subscriptions.push(() => prefs.unsubscribe());

    const binding =
      kind === "rule"
        ? platform.bindLanguage(model, {
            kind: "rule",
            context: () => inputs.rule(id),
            testSummary: () => services.testResults.summary(id),
          })
        : platform.bindLanguage(model, { kind: "manifest", context: () => inputs.manifest(id) });
    this.subscriptions.push(() => binding.dispose());
    this.subscriptions.push(services.testResults.subscribe(() => binding.refresh()));
  }

  dispose(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    this.model.dispose();
  }
}

interface Sessions {
  inputs: LanguageInputs;
  byKey: Map<string, DocumentSession>;
}

const registries = new WeakMap<WorkbenchServices, Sessions>();

function sessionsOf(services: WorkbenchServices): Sessions {
  let sessions = registries.get(services);
  if (!sessions) {
    const created: Sessions = { inputs: new LanguageInputs(services), byKey: new Map() };
    // A session ends with its document (closing its last tab releases a clean document).
    services.documents.subscribe(() => {
      const open = new Set(services.documents.all());
      for (const [key, session] of created.byKey) {
        if (open.has(session.actor)) continue;
        session.dispose();
        created.byKey.delete(key);
      }
    });
    registries.set(services, created);
    sessions = created;
  }
  return sessions;
}

/** The session of an open document, created the first time an editor shows it. */
export function documentSession(
  platform: MonacoPlatform,
  services: WorkbenchServices,
  actor: DocumentActor,
): DocumentSession {
  const sessions = sessionsOf(services);
  const { kind, id } = actor.getSnapshot().context;
  const key = `${kind}:${id}`;
  const existing = sessions.byKey.get(key);
  if (existing && existing.actor === actor && !existing.model.isDisposed) return existing;
  existing?.dispose();
  const lists = services.workspace.getSnapshot().context.lists;
  const stored =
    kind === "rule" ? lists.rules.find((r) => r.id === id) : lists.manifests.find((m) => m.id === id);
  const session = new DocumentSession(
    platform,
    services,
    sessions.inputs,
    actor,
    modelUri(stored?.file ?? defaultPath(kind, id)),
  );
  sessions.byKey.set(key, session);
  return session;
}

function defaultPath(kind: DocumentKind, id: string): string {
  return `${kind === "rule" ? "rules" : "manifests"}/${id}.${kind}.json`;
}
