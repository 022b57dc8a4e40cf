// Types of the standalone validators written by `npm run validators` (src/devtools/validators.ts).
import type { ValidateFunction } from "ajv";

export declare const rule: ValidateFunction;
export declare const manifest: ValidateFunction;
export declare const pack: ValidateFunction;
