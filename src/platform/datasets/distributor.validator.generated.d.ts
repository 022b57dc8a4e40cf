// Types of the standalone validator written by `npm run validators` (src/devtools/validators.ts).
import type { ValidateFunction } from "ajv";

/** One record of samples/distributor.schema.json. */
export declare const distributor: ValidateFunction;
