import type { DocumentKind } from "../storage/records";

/** Which document: a rule by its id, or a manifest by `name@version`. */
export interface DocumentRef {
  kind: DocumentKind;
  id: string;
}

/** The uri a document is known by everywhere (drafts, tabs, broadcasts): `rule:<id>`, `manifest:<id>`. */
export function documentUri(ref: DocumentRef): string {
  return `${ref.kind}:${ref.id}`;
}

/** The document a uri names, or undefined for a uri of anything else (`dataset:…`). */
export function parseDocumentUri(uri: string): DocumentRef | undefined {
  const colon = uri.indexOf(":");
  const kind = uri.slice(0, colon);
  const id = uri.slice(colon + 1);
  if (colon < 0 || id === "" || (kind !== "rule" && kind !== "manifest")) return undefined;
  return { kind, id };
}
