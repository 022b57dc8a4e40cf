import { SALES_REGIONS, type SalesRegion } from "./types";

/** Relative weights of sales regions; a region left out gets none. */
export type RegionMix = Partial<Record<SalesRegion, number>>;

/**
 * The weight table records draw their region from: undefined without a mix (the caller keeps the
 * default shares, so existing seeds give the same records as before), else the mix's weights in the regions' fixed order with
 * zero-weight regions left out (a region weighted 0 is never drawn). Throws on a weight that is not
 * a finite number ≥ 0, an unknown region or a mix that weighs nothing.
 */
export function regionWeights(
  mix: RegionMix | undefined,
): Readonly<Partial<Record<SalesRegion, number>>> | undefined {
  if (mix === undefined) return undefined;
  for (const key of Object.keys(mix))
    if (!(SALES_REGIONS as readonly string[]).includes(key)) throw new Error(`unknown sales region "${key}"`);
  const table: Partial<Record<SalesRegion, number>> = {};
  for (const region of SALES_REGIONS) {
    const weight = mix[region] ?? 0;
    if (!Number.isFinite(weight) || weight < 0)
      throw new Error(`the weight of ${region} must be a number ≥ 0, got ${weight}`);
    if (weight > 0) table[region] = weight;
  }
  if (Object.keys(table).length === 0)
    throw new Error("the region mix must give some region a weight above 0");
  return table;
}

/** Reads `华东=40,华南=10` (the samples CLI's `--regions`); throws with the reason on bad text. */
export function parseRegionMix(text: string): RegionMix {
  const mix: RegionMix = {};
  for (const part of text.split(",")) {
    const match = /^\s*([^=\s]+)\s*=\s*([^\s]+)\s*$/.exec(part);
    if (!match) throw new Error(`"${part}" is not region=weight`);
    mix[match[1] as SalesRegion] = Number(match[2]);
  }
  regionWeights(mix);
  return mix;
}
