import canonicalize from "canonicalize";

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a pack without its `integrity` member: the
 * exact bytes the integrity hash covers, so other languages can reproduce it.
 */
export function canonicalPackText(pack: Record<string, unknown>): string {
  const { integrity: _integrity, ...content } = pack;
  const text = canonicalize(content);
  if (text === undefined) throw new Error("The pack cannot be serialised as JSON.");
  return text;
}

/** `sha256-<lowercase hex>` of the canonical pack text, computed with Web Crypto (Node 20 and browsers). */
export async function computeIntegrity(pack: Record<string, unknown>): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalPackText(pack));
  return "sha256-" + toHex(await crypto.subtle.digest("SHA-256", bytes));
}

/** Whether the pack's `integrity` matches its content; also returns the recomputed value. */
export async function checkIntegrity(
  pack: Record<string, unknown>,
): Promise<{ ok: boolean; expected: unknown; actual: string }> {
  const actual = await computeIntegrity(pack);
  return { ok: pack.integrity === actual, expected: pack.integrity, actual };
}
