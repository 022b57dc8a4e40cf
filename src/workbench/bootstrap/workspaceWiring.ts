import { createActor, fromPromise } from "xstate";
import { pickText, type Locale } from "../../base";
import type { RuleKind } from "../../engine";
import {
  testsMachine,
  workspaceOpsMachine,
  type OpsNotice,
  type Outcome,
  type TextPrompt,
} from "../../machines";
import {
  aliveTabs,
  lastValidNotices,
  parseDocumentUri,
  resolvePath,
  type AnalysisService,
  type DocumentStore,
  type WorkspaceAnalysisInput,
  type WorkspaceLists,
} from "../../platform";
import type { WorkbenchServices } from "../services";
import { ruleIdProblem, manifestNameProblem, versionProblem } from "./idRules";

/** How long the workspace must be quiet after a change before it is analysed again. */
const ANALYSIS_DELAY = 300;

const localeOf = (s: WorkbenchServices): Locale => s.preferences.getSnapshot().context.locale;
const listsOf = (s: WorkbenchServices): WorkspaceLists => s.workspace.getSnapshot().context.lists;

/** A notice in the UI language: its key filled with its values, localized values picked. */
export function noticeText(s: WorkbenchServices, notice: OpsNotice): string {
  const locale = localeOf(s);
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(notice.values ?? {})) {
    values[key] = typeof value === "object" ? pickText(value, locale) : value;
  }
  return s.i18n.t(notice.key, values);
}

/** What a workspace operation ended with, shown: Output lines, a notification, an editor opened. */
function report(s: WorkbenchServices, outcome: Outcome): void {
  for (const line of outcome.log ?? [])
    s.output.log(noticeText(s, line), line.severity === "warning" ? "warning" : line.severity);
  if (outcome.notice) {
    const { notice } = outcome;
    s.notifications.notify({
      severity: notice.severity,
      message: noticeText(s, notice),
      actions: (notice.actions ?? []).map((a) => ({
        label: s.i18n.t(a.key),
        run: () => s.workspaceOps.send(a.event),
      })),
    });
  }
  if (outcome.open)
    s.editors.open({ kind: outcome.open.kind, resource: outcome.open.id }, { preview: false });
}

function askText(s: WorkbenchServices, prompt: TextPrompt): Promise<string | undefined> {
  const t = s.i18n.t;
  const lists = listsOf(s);
  const locale = localeOf(s);
  const pick = (problem: ReturnType<typeof ruleIdProblem>) =>
    problem ? pickText(problem, locale) : undefined;
  const ruleIds = new Set(lists.rules.map((r) => r.id));
  switch (prompt.purpose) {
    case "ruleId":
      return s.quickInput.input({
        title: t("ops.prompt.newRule"),
        prompt: t("ops.prompt.ruleId"),
        value: prompt.value,
        placeholder: "spring-rebate",
        validate: (v) => pick(ruleIdProblem(v, ruleIds)),
      });
    case "renameRule":
      return s.quickInput.input({
        title: t("ops.prompt.rename", { id: prompt.from }),
        prompt: t("ops.prompt.ruleId"),
        value: prompt.value,
        validate: (v) => (v === prompt.from ? undefined : pick(ruleIdProblem(v, ruleIds))),
      });
    case "duplicateRule":
      return s.quickInput.input({
        title: t("ops.prompt.duplicate", { id: prompt.from }),
        prompt: t("ops.prompt.ruleId"),
        value: prompt.value,
        validate: (v) => pick(ruleIdProblem(v, ruleIds)),
      });
    case "manifestName":
      return s.quickInput.input({
        title: t("ops.prompt.newManifest"),
        prompt: t("ops.prompt.manifestName"),
        value: prompt.value,
        placeholder: "spring-program",
        validate: (v) => pick(manifestNameProblem(v)),
      });
    case "manifestVersion": {
      const taken = new Set(lists.manifests.map((m) => m.id));
      return s.quickInput.input({
        title: t("ops.prompt.newManifest"),
        prompt: t("ops.prompt.manifestVersion", { name: prompt.name }),
        value: prompt.value,
        validate: (v) => pick(versionProblem(v, prompt.name, taken)),
      });
    }
  }
}

/** Manifests that include a rule, for the delete dialog. */
function includedBy(lists: WorkspaceLists, ruleId: string): string[] {
  const rule = lists.rules.find((r) => r.id === ruleId);
  if (!rule) return [];
  return lists.manifests
    .filter((m) => m.manifest.rules.some((p) => resolvePath(m.file, p) === rule.file))
    .map((m) => m.id);
}

async function chooseFiles(s: WorkbenchServices): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files = await s.files.choose({
    accept: ".json,.zip,application/json,application/zip",
    multiple: true,
  });
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

async function pickManifest(s: WorkbenchServices): Promise<string | undefined> {
  const lists = listsOf(s);
  const active = s.editors.active();
  const activeId = active?.kind === "manifest" ? active.resource : undefined;
  const items = lists.manifests.map((m) => ({
    label: `${m.manifest.name} ${m.manifest.version}`,
    description: pickText(m.manifest.title, localeOf(s)),
    value: m.id,
  }));
  const activeIndex = Math.max(
    0,
    items.findIndex((i) => i.value === activeId),
  );
  return s.quickInput.pick(items, { title: s.i18n.t("ops.prompt.pickManifest"), activeIndex });
}

/** The analysis input for the stored workspace, with the active dataset's record schema. */
export function analysisInput(
  lists: WorkspaceLists,
  activeDatasetId: string | null,
  at: string,
): WorkspaceAnalysisInput {
  const source = (d: { id: string; file: string; text: string }) => ({
    id: d.id,
    file: d.file,
    text: d.text,
  });
  const schema = lists.datasets.find((d) => d.id === activeDatasetId)?.schema;
  return {
    rules: lists.rules.map(source),
    manifests: lists.manifests.map(source),
    at,
    ...(schema === undefined ? {} : { datasetSchema: schema }),
  };
}

/**
 * Creates the workspace operations and test actors, their effects bound to the services (created
 * after them, hence `services()`), and connects the document store's announcements: lists reload,
 * open documents hear other tabs' saves, renamed documents keep their tabs, and every change is
 * analysed again (problems and tests), off the main thread.
 */
export function createWorkspaceActors(
  store: DocumentStore,
  analysis: AnalysisService,
  services: () => WorkbenchServices,
) {
  const tests = createActor(
    testsMachine.provide({
      actors: {
        analyze: fromPromise<Awaited<ReturnType<AnalysisService["analyze"]>>, WorkspaceAnalysisInput>(
          async ({ input }) => {
            const [result, drafts] = await Promise.all([analysis.analyze(input), store.drafts()]);
            return {
              ...result,
              problems: [...result.problems, ...lastValidNotices(drafts, listsOf(services()))],
            };
          },
        ),
        runTests: fromPromise(({ input }) => analysis.runTests(input)),
      },
      actions: {
        finished: (_, run) => {
          const s = services();
          if (run.report) {
            const failed =
              run.report.results.filter((r) => !r.passed).length + (run.report.problems?.length ? 1 : 0);
            const passed = run.report.results.length - run.report.results.filter((r) => !r.passed).length;
            s.output.log(
              s.i18n.t("tests.log.rule", { id: run.report.ruleId, passed, failed }),
              failed > 0 ? "warning" : "info",
            );
          } else if (run.analysis && run.reason === "all") {
            const results = run.analysis.tests.flatMap((t) => t.results);
            const failed = results.filter((r) => !r.passed).length;
            s.output.log(
              s.i18n.t("tests.log.all", { passed: results.length - failed, failed }),
              failed > 0 ? "warning" : "info",
            );
          }
        },
      },
    }),
  );
  const workspaceOps = createActor(
    workspaceOpsMachine.provide({
      actors: {
        pickRuleKind: fromPromise(() => {
          const s = services();
          const kinds: RuleKind[] = ["incentive", "elimination", "loyalty"];
          return s.quickInput.pick(
            kinds.map((k) => ({ label: s.i18n.t(`explorer.kinds.${k}`), description: k, value: k })),
            { title: s.i18n.t("ops.prompt.newRule"), placeholder: s.i18n.t("ops.prompt.kind") },
          );
        }),
        askText: fromPromise(({ input }) => askText(services(), input)),
        confirmDelete: fromPromise(({ input }) => {
          const s = services();
          const manifests = input.kind === "rule" ? includedBy(listsOf(s), input.id) : [];
          return s.dialogs.confirm({
            title: s.i18n.t("ops.confirmDelete.title", { id: input.id }),
            message:
              manifests.length > 0
                ? s.i18n.t("ops.confirmDelete.included", { id: input.id, manifests: manifests.join(", ") })
                : s.i18n.t("ops.confirmDelete.message", { id: input.id }),
            confirm: s.i18n.t("ops.confirmDelete.confirm"),
            destructive: true,
          });
        }),
        chooseFiles: fromPromise(() => chooseFiles(services())),
        pickManifest: fromPromise(() => pickManifest(services())),
        createRule: fromPromise(({ input }) => store.createRule(input.kind, input.id)),
        createManifest: fromPromise(({ input }) => store.createManifest(input.name, input.version)),
        renameRule: fromPromise(({ input }) => store.rename(input.id, input.newId)),
        duplicateRule: fromPromise(({ input }) => store.duplicate(input.id, input.newId)),
        deleteDocument: fromPromise(({ input }) => store.remove(input)),
        restoreDocument: fromPromise(({ input }) => store.restore(input)),
        includeRule: fromPromise(({ input }) => store.include(input.ruleId, input.manifestId)),
        importRules: fromPromise(({ input }) => store.importRules(input)),
        createFromTemplate: fromPromise(({ input }) =>
          store.createFromTemplate(input.output, input.manifestId),
        ),
        exportDocument: fromPromise(async ({ input }) => {
          const exported = await store.exportText(input);
          if (!exported) return false;
          services().files.download(exported.name, exported.text, "application/json");
          return true;
        }),
        validatePack: fromPromise(async ({ input: manifestId }) => {
          const s = services();
          const lists = listsOf(s);
          const manifest = lists.manifests.find((m) => m.id === manifestId);
          const full = analysisInput(
            lists,
            s.workspace.getSnapshot().context.activeDatasetId,
            new Date().toISOString(),
          );
          const result = await analysis.analyze({
            ...full,
            manifests: full.manifests.filter((m) => m.id === manifestId),
          });
          const files = new Set(manifest?.manifest.rules.map((p) => resolvePath(manifest.file, p)) ?? []);
          const notices = lastValidNotices(await store.drafts(), lists, files);
          const problems = [
            ...result.problems.filter((p) => p.file === manifest?.file || files.has(p.file ?? "")),
            ...notices,
          ];
          const results = result.tests.filter((t) => files.has(t.file)).flatMap((t) => t.results);
          const failed = results.filter((r) => !r.passed).length;
          for (const p of problems)
            s.output.log(
              `${p.file ?? ""}${p.line === undefined ? "" : `:${p.line}:${p.column ?? 1}`} ${p.code} ${pickText(p.message, localeOf(s))}`,
              p.severity === "error" ? "error" : "warning",
            );
          return {
            manifestId,
            errors: problems.filter((p) => p.severity === "error").length,
            warnings: problems.filter((p) => p.severity === "warning").length,
            passed: results.length - failed,
            failed,
          };
        }),
      },
      actions: { report: (_, outcome) => report(services(), outcome) },
    }),
  );
  return { tests, workspaceOps };
}

/**
 * Keeps a document open for every rule and manifest tab (so Save, the dirty markers and drafts work
 * whatever editor shows it), reopens the tab of every draft a reload or a killed tab left (VS Code's
 * hot exit), and says when a save meets another tab's newer version, with Keep mine / Take theirs.
 */
function connectDocuments(s: WorkbenchServices, store: DocumentStore): () => void {
  const opening = new Set<string>();
  const openTabs = () => {
    for (const group of s.editors.actor.getSnapshot().context.groups) {
      for (const tab of group.tabs) {
        const { kind, resource } = tab.input;
        if (kind !== "rule" && kind !== "manifest") continue;
        const key = `${kind}:${resource}`;
        if (s.documents.get(kind, resource) || opening.has(key)) continue;
        opening.add(key);
        // A tab of a document that no longer exists just stays empty; nothing to open.
        s.documents
          .open(kind, resource)
          .catch(() => undefined)
          .finally(() => opening.delete(key));
      }
    }
  };
  const stopEditors = s.editors.actor.subscribe(openTabs);
  openTabs();
  // Only the drafts of tabs that are gone: another open tab's unsaved text stays that tab's.
  void aliveTabs()
    .then((alive) => store.orphanDrafts(alive))
    .then((drafts) => {
      for (const draft of drafts)
        s.editors.open({ kind: draft.kind, resource: draft.id }, { preview: false });
    })
    // Storage that cannot be opened is reported by the workspace (with Retry); drafts wait for it.
    .catch((error: unknown) =>
      s.output.log(`drafts: ${error instanceof Error ? error.message : String(error)}`, "warning"),
    );
  const inConflict = new Set<string>();
  const stopDocuments = s.documents.subscribe(() => {
    for (const doc of s.documents.all()) {
      const snapshot = doc.getSnapshot();
      const key = `${snapshot.context.kind}:${snapshot.context.id}`;
      const conflict = snapshot.matches({ lifecycle: "conflict" });
      if (!conflict) {
        inConflict.delete(key);
        continue;
      }
      if (inConflict.has(key)) continue;
      inConflict.add(key);
      const { id, kind } = snapshot.context;
      s.output.log(s.i18n.t("documents.conflictLog", { id }), "warning");
      s.notifications.notify({
        severity: "warning",
        message: s.i18n.t("documents.conflict", { id }),
        actions: [
          {
            label: s.i18n.t("documents.compare"),
            run: () => s.editors.open({ kind, resource: id }, { preview: false }),
          },
          { label: s.i18n.t("documents.keepMine"), run: () => doc.send({ type: "conflict.keepMine" }) },
          { label: s.i18n.t("documents.takeTheirs"), run: () => doc.send({ type: "conflict.takeTheirs" }) },
        ],
      });
    }
  });
  return () => {
    stopEditors.unsubscribe();
    stopDocuments();
  };
}

/** Connects the store's announcements and the workspace's changes once the services exist. */
export function connectWorkspace(s: WorkbenchServices, store: DocumentStore): () => void {
  const stopDocuments = connectDocuments(s, store);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const analyse = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { lists, activeDatasetId } = s.workspace.getSnapshot().context;
      s.tests.send({
        type: "analysis.request",
        input: analysisInput(lists, activeDatasetId, new Date().toISOString()),
      });
    }, ANALYSIS_DELAY);
  };
  let seen: unknown;
  const analyseWhenChanged = (snapshot: ReturnType<typeof s.workspace.getSnapshot>) => {
    const { lists, activeDatasetId } = snapshot.context;
    if (
      !snapshot.matches("ready") ||
      ((seen as { lists?: unknown })?.lists === lists && (seen as { id?: unknown }).id === activeDatasetId)
    )
      return;
    seen = { lists, id: activeDatasetId };
    analyse();
  };
  const stopWorkspace = s.workspace.subscribe(analyseWhenChanged);
  // The workspace may have become ready before this subscription: subscribers only hear later
  // snapshots, so without this look the first analysis (every problem and test) could never run.
  analyseWhenChanged(s.workspace.getSnapshot());
  const stopStore = store.subscribe((message, origin) => {
    s.workspace.send({ type: "workspace.reload" });
    if (message.type === "document.saved") {
      const ref = parseDocumentUri(message.uri);
      if (!ref) return;
      if (ref.kind === "rule") {
        const file = listsOf(s).rules.find((r) => r.id === ref.id)?.file ?? `${ref.id}.rule.json`;
        s.tests.send({ type: "tests.run", source: { file, text: message.text }, reason: "save" });
      }
      if (origin !== "save")
        s.documents
          .get(ref.kind, ref.id)
          ?.send({ type: "doc.external", text: message.text, revision: message.revision });
      if (origin === "save") s.output.log(s.i18n.t("ops.log.saved", { id: ref.id }));
    } else if (message.type === "document.renamed") {
      const from = parseDocumentUri(message.from);
      const to = parseDocumentUri(message.to);
      if (!from || !to) return;
      s.editors.actor.send({
        type: "editor.replaceResource",
        from: { kind: from.kind, resource: from.id },
        to: { kind: to.kind, resource: to.id },
      });
      s.documents.release(from.kind, from.id);
    } else if (message.type === "document.deleted") {
      const ref = parseDocumentUri(message.uri);
      const doc = ref && s.documents.get(ref.kind, ref.id);
      // Deleted here (its draft went with it, Undo brings both back), or deleted elsewhere while
      // clean: the tab closes. With unsaved edits from another tab's delete it stays, and its save
      // will say the document is gone.
      const clean = !doc || doc.getSnapshot().matches({ lifecycle: "clean" });
      if (ref && (origin !== "remote" || clean)) {
        s.editors.actor.send({ type: "editor.closeResource", input: { kind: ref.kind, resource: ref.id } });
      }
    }
  });
  return () => {
    clearTimeout(timer);
    stopWorkspace.unsubscribe();
    stopStore();
    stopDocuments();
  };
}
