import { useSyncExternalStore } from "react";
import { useSelector } from "@xstate/react";
import type { PackContent } from "../../../engine";
import { useServices } from "../../services";
import { RELEASE_REF } from "./statementClient";

/** What a view shows of the pack it ran: name, version and parameter specs. */
export interface PackInfo {
  name: string;
  version: string;
  params: PackContent["params"];
}

/**
 * The pack a reference names: the stored draft (`name@version`), or the released version
 * (`release:name@version`) among the releases last read; undefined while neither is known.
 */
export function usePackInfo(packRef: string | undefined): PackInfo | undefined {
  const services = useServices();
  const draft = useSelector(services.workspace, (s) =>
    s.context.lists.manifests.find((m) => m.id === packRef),
  );
  useSyncExternalStore(services.releases.subscribe, services.releases.snapshot);
  if (!packRef) return undefined;
  if (!packRef.startsWith(RELEASE_REF))
    return draft
      ? { name: draft.manifest.name, version: draft.manifest.version, params: draft.manifest.params }
      : undefined;
  const id = packRef.slice(RELEASE_REF.length);
  const release = services.releases.list().find((r) => r.id === id);
  if (!release) return undefined;
  const pack = release.pack as { params?: PackContent["params"] };
  return { name: release.name, version: release.version, params: pack.params ?? {} };
}
