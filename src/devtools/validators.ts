/**
 * `npm run validators`: compiles the pack format's JSON Schemas with Ajv into standalone validation
 * code (src/engine/pack/schemas/validators.generated.js). The engine imports that file instead of
 * compiling schemas at run time, so no `new Function` runs in a browser tab under the workbench's
 * Content-Security-Policy, and Ajv's compiler stays out of the bundle. A test fails when the file is
 * stale, so a schema change cannot ship without regenerating it.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateDistributorValidator, generateValidators } from "./validatorSource";

const target = fileURLToPath(new URL("../engine/pack/schemas/validators.generated.js", import.meta.url));
writeFileSync(target, await generateValidators());
console.log(`wrote ${target}`);
const distributor = fileURLToPath(
  new URL("../platform/datasets/distributor.validator.generated.js", import.meta.url),
);
writeFileSync(distributor, await generateDistributorValidator());
console.log(`wrote ${distributor}`);
