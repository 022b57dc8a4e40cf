/**
 * The statement part's link to the worker and to the workspace: it gathers what a statement or sweep
 * needs (the manifest and the stored rules, the dataset's records and schema) on the main thread,
 * where the repositories are, and sends it to the statement worker, started once for the page.
 */
import {
  createInlineStatementService,
  createWorkerStatementService,
  type StatementPackSource as PackSource,
  type StatementReply,
  type StatementService,
  type SweepReply,
} from "../../../platform";
import type { WorkbenchServices } from "../../services";
import type { StatementTarget, SweepTarget } from "./statementResource";

let service: StatementService | undefined;

/** The page's statement service: a Web Worker, or this thread where workers cannot start. */
export function statementService(): StatementService {
  if (!service) {
    service = typeof Worker === "undefined" ? createInlineStatementService() : createWorkerStatementService();
  }
  return service;
}

/** For tests: use this service instead (an inline one). */
export function setStatementService(next: StatementService | undefined): void {
  service = next;
}

/** A pack reference the workspace cannot resolve, with the message key that says why. */
export class UnresolvedPack extends Error {
  constructor(
    readonly key: "releaseUnavailable" | "noManifest",
    readonly ref: string,
  ) {
    super(`${key}: ${ref}`);
  }
}

/** The prefix of a released pack's reference (`release:name@version`), as the simulation part writes it. */
export const RELEASE_REF = "release:";

/**
 * What the worker runs for a pack reference: a draft (`name@version`: the stored manifest and every
 * stored rule) or a released version (`release:name@version`: its pack JSON, read again from storage
 * when it is not among the releases last read).
 */
export async function packSource(services: WorkbenchServices, packRef: string): Promise<PackSource> {
  if (packRef.startsWith(RELEASE_REF)) {
    const id = packRef.slice(RELEASE_REF.length);
    const find = () => services.releases.list().find((r) => r.id === id);
    let release = find();
    if (!release) {
      await services.releases.refresh();
      release = find();
    }
    if (!release) throw new UnresolvedPack("releaseUnavailable", packRef);
    return { ref: packRef, release: { file: `${id}.pack.json`, text: JSON.stringify(release.pack) } };
  }
  const { lists } = services.workspace.getSnapshot().context;
  const manifest = lists.manifests.find((m) => m.id === packRef);
  if (!manifest) throw new UnresolvedPack("noManifest", packRef);
  return {
    manifest: { file: manifest.file, text: manifest.text },
    rules: lists.rules.map((r) => ({ file: r.file, text: r.text })),
  };
}

/** The statement of one record, computed in the worker. */
export async function loadStatement(
  services: WorkbenchServices,
  target: StatementTarget,
): Promise<StatementReply> {
  const pack = await packSource(services, target.packRef);
  const meta = services.workspace.getSnapshot().context.lists.datasets.find((d) => d.id === target.datasetId);
  const records = await services.datasets.records(target.datasetId);
  return statementService().statement({
    pack,
    records,
    recordId: target.recordId,
    ...(meta?.schema === undefined ? {} : { schema: meta.schema }),
  });
}

/** A sweep, the dataset read once and held by the worker for every step. */
export async function loadSweep(
  services: WorkbenchServices,
  target: SweepTarget,
  values: number[],
): Promise<SweepReply> {
  const pack = await packSource(services, target.packRef);
  const records = await services.datasets.records(target.datasetId);
  return statementService().sweep({ pack, records, param: target.param, values });
}

/** The record the Trace panel shows: the last one explained. */
type Listener = () => void;
let selected: StatementTarget | undefined;
const listeners = new Set<Listener>();

export const traceSelection = {
  get: (): StatementTarget | undefined => selected,
  set(target: StatementTarget): void {
    selected = target;
    for (const l of listeners) l();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
