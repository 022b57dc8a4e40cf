import { createActor, fromCallback, fromPromise, type ActorRefFrom, type EventObject } from "xstate";
import { readReportSpec, tableFieldPaths } from "../../engine";
import { simulationMachine, type RunOrder, type workspaceMachine } from "../../machines";
import {
  createInlineSimulationService,
  createWorkerSimulationService,
  resolvePackSource,
  SimulationCancelled,
  SimulationError,
  type PackSource,
  type StoredResults,
  type SimulationRequest,
  type SimulationService,
  type StoredRelease,
  type WorkspaceRepositories,
} from "../../platform";
import { pickText, type LocalizedText } from "../../base";
import type { WorkbenchServices } from "../services/services";
import type { LoadedRun, PackChoice, RunSummary, SimulationHost, Staleness } from "../services/simulation";

export const RELEASE_PREFIX = "release:";

/** A run as the report shows it; its spec and content come from the pack as it was run. */
function loadedRun(summary: RunSummary, outcome: StoredResults["outcome"]): LoadedRun {
  const content = outcome.content;
  const { spec } = readReportSpec(content, outcome.reportExtension);
  return { summary, outcome, content, spec, fieldPaths: tableFieldPaths(spec, content) };
}

/** Released packs, when the releases part has added its repository (read-only here). */
async function listReleases(repos: WorkspaceRepositories): Promise<StoredRelease[]> {
  const releases = (repos as unknown as { releases?: { list(): Promise<StoredRelease[]> } }).releases;
  return releases ? releases.list() : [];
}

/**
 * The simulation part's host: prepares a run order into texts for the worker (a manifest's stored
 * text and its rules', or a release's pack), runs it, stores it in the `runs` store and keeps the
 * list of stored runs.
 */
export function createSimulationHost(
  repositories: WorkspaceRepositories,
  workspace: ActorRefFrom<typeof workspaceMachine>,
  options: {
    databaseName: string;
    ended: (state: "done" | "failed" | "cancelled", runId: string | undefined, error?: LocalizedText) => void;
    service?: SimulationService;
  },
): SimulationHost {
  const service =
    options.service ??
    (typeof Worker === "undefined"
      ? createInlineSimulationService(repositories.datasets, repositories.runs)
      : createWorkerSimulationService(options.databaseName));
  const listeners = new Set<() => void>();
  let version = 0;
  let runs: RunSummary[] = [];
  let order: RunOrder | null = null;
  const cache = new Map<string, LoadedRun>();
  const changed = () => {
    version++;
    for (const l of listeners) l();
  };

  async function packSource(ref: string): Promise<PackSource> {
    if (ref.startsWith(RELEASE_PREFIX)) {
      const id = ref.slice(RELEASE_PREFIX.length);
      const release = (await listReleases(repositories)).find((r) => r.id === id);
      if (!release)
        throw new SimulationError({ en: `No released pack ${id}.`, "zh-CN": `没有已发布的规则包 ${id}。` });
      return { kind: "release", ref, pack: { file: `${id}.pack.json`, text: JSON.stringify(release.pack) } };
    }
    const lists = workspace.getSnapshot().context.lists;
    const manifest = lists.manifests.find((m) => m.id === ref);
    if (!manifest) throw new SimulationError({ en: `No manifest ${ref}.`, "zh-CN": `没有清单 ${ref}。` });
    return {
      kind: "manifest",
      ref,
      manifest: { file: manifest.file, text: manifest.text },
      rules: lists.rules.map((r) => ({ file: r.file, text: r.text })),
    };
  }

  async function prepare(order: RunOrder): Promise<SimulationRequest> {
    const dataset = await repositories.datasets.get(order.datasetId);
    if (!dataset)
      throw new SimulationError({
        en: `No dataset ${order.datasetId}.`,
        "zh-CN": `没有数据集 ${order.datasetId}。`,
      });
    return {
      pack: await packSource(order.packRef),
      dataset: {
        id: dataset.id,
        name: dataset.name,
        rowCount: dataset.rowCount,
        createdAt: dataset.createdAt,
      },
      params: order.params,
      ...(order.asOf ? { asOf: order.asOf } : {}),
    };
  }

  /** A run the service stored: listed first. */
  function stored(summary: RunSummary): RunSummary {
    runs = [summary, ...runs.filter((r) => r.id !== summary.id)];
    changed();
    return summary;
  }

  const actor = createActor(
    simulationMachine.provide({
      actors: {
        prepare: fromPromise(({ input }) => prepare(input)),
        execute: fromCallback<EventObject, unknown>(({ sendBack, input }) => {
          const job = service.start(input as SimulationRequest, (p) =>
            sendBack({ type: "progress", progress: { stage: p.stage, done: p.done, total: p.total } }),
          );
          job.stored
            .then((summary) => {
              // The outcome came with the run: the report opens without reading it back.
              const outcome = job.outcome();
              if (outcome) cache.set(summary.id, loadedRun(summary, outcome));
              return stored(summary);
            })
            .then((summary) =>
              sendBack({
                type: "finished",
                run: {
                  runId: summary.id,
                  records: summary.meta.records,
                  recordsWithErrors: summary.meta.recordsWithErrors,
                  durationMs: summary.meta.durationMs,
                },
              }),
            )
            .catch((error: unknown) => {
              if (error instanceof SimulationCancelled) return;
              const text =
                error && typeof error === "object" && "text" in error
                  ? (error as { text: LocalizedText }).text
                  : { en: String(error), "zh-CN": String(error) };
              sendBack({ type: "failed", error: text });
            });
          return () => job.cancel();
        }),
      },
      actions: {
        ended: (_, { state, context }) =>
          options.ended(state, context.last?.runId, context.error ?? undefined),
      },
    }),
  ).start();

  const host: SimulationHost = {
    actor,
    async packChoices() {
      const lists = workspace.getSnapshot().context.lists;
      const drafts: PackChoice[] = lists.manifests.map((m) => ({
        ref: m.id,
        name: m.manifest.name,
        version: m.manifest.version,
        released: false,
        title: m.manifest.title,
        params: m.manifest.params,
      }));
      const released: PackChoice[] = (await listReleases(repositories)).map((r) => {
        const pack = r.pack as { title?: PackChoice["title"]; params?: PackChoice["params"] };
        return {
          ref: RELEASE_PREFIX + r.id,
          name: r.name,
          version: r.version,
          released: true,
          title: pack.title ?? { en: r.name, "zh-CN": r.name },
          params: pack.params ?? {},
        };
      });
      return [...drafts, ...released];
    },
    runs: () => runs,
    async refreshRuns() {
      runs = (await repositories.runs.list()) as RunSummary[];
      changed();
    },
    async loadRun(id) {
      const cached = cache.get(id);
      if (cached) return cached;
      const summary = (await repositories.runs.get(id)) as RunSummary | undefined;
      const results = service.loadResults
        ? await service.loadResults(id)
        : ((await repositories.runs.results(id)) as StoredResults | undefined);
      if (!summary || !results) return undefined;
      const loaded = loadedRun(summary, results.outcome);
      cache.set(id, loaded);
      return loaded;
    },
    async deleteRun(id) {
      await repositories.runs.delete(id);
      cache.delete(id);
      runs = runs.filter((r) => r.id !== id);
      changed();
    },
    async staleness(summary) {
      const result: Staleness = { pack: "same", dataset: "same" };
      const dataset = await repositories.datasets.get(summary.meta.dataset.id);
      if (!dataset) result.dataset = "gone";
      else if (
        dataset.createdAt !== summary.meta.dataset.createdAt ||
        dataset.rowCount !== summary.meta.dataset.rowCount
      )
        result.dataset = "changed";
      try {
        const resolved = await resolvePackSource(await packSource(summary.meta.packRef), false);
        if (resolved.integrity !== summary.meta.integrity) result.pack = "changed";
      } catch {
        result.pack = "gone";
      }
      return result;
    },
    async runAndStore(runOrder, onProgress) {
      const request = await prepare(runOrder);
      const job = service.start(request, (p) => onProgress?.(p.done, p.total));
      const summary = await job.stored;
      const outcome = job.outcome();
      if (outcome) cache.set(summary.id, loadedRun(summary, outcome));
      return stored(summary);
    },
    order: () => order,
    setOrder(next) {
      order = next;
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => version,
  };
  void host.refreshRuns().catch(() => undefined);
  return host;
}

/** What the workbench does when a run ends: open its report, or say why it stopped. */
export function simulationEnded(
  services: WorkbenchServices,
  state: "done" | "failed" | "cancelled",
  runId: string | undefined,
  error?: LocalizedText,
): void {
  const t = services.i18n.t.bind(services.i18n);
  const locale = services.preferences.getSnapshot().context.locale;
  if (state === "done" && runId) {
    services.editors.open({ kind: "report", resource: runId }, { preview: false });
    const summary = services.simulation.runs().find((r) => r.id === runId);
    services.output.log(
      t("simulation.ended.done", {
        pack: summary ? `${summary.meta.packName} ${summary.meta.packVersion}` : runId,
        records: summary?.meta.records ?? 0,
        seconds: ((summary?.meta.durationMs ?? 0) / 1000).toFixed(2),
      }),
    );
    if (summary && summary.meta.recordsWithErrors > 0)
      services.notifications.notify({
        severity: "warning",
        message: t("simulation.ended.recordErrors", { count: summary.meta.recordsWithErrors }),
      });
  } else if (state === "failed") {
    const message = t("simulation.ended.failed", { reason: error ? pickText(error, locale) : "" });
    services.output.log(message, "error");
    services.notifications.notify({ severity: "error", message });
  } else if (state === "cancelled") {
    services.notifications.notify({ severity: "info", message: t("simulation.ended.cancelled") });
  }
}
