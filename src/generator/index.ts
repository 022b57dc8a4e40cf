// Public entry of the generator layer: synthetic distributor datasets (pure, runs in Node and workers).
export * from "./types";
export { Rng } from "./prng";
export { createRecordGenerator, generateRecord, type GeneratorOptions } from "./record";
export { flattenRecord, csvHeader, csvHeaderLine, csvLine, type FlatRow } from "./csv";
export { ratio, roundTo, quarterYoy, declineStreak } from "./numbers";
export { violationPoints } from "./sections";
export { interimPayable } from "./settlement";
export { provincesOf } from "./geography";
export { parseIsoDate, wholeYears, daysBetween } from "./dates";
export { LOT_COUNT } from "./loyalty";
export { createRecordEncoder, type RecordEncoder, type EncoderOptions } from "./encode";
export { parseRegionMix, regionWeights, type RegionMix } from "./regionMix";
