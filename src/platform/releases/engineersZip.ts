// The engineers' zip is built by the engine (pure, shared with `crw pack export --engineers`).
export { engineersReadme, engineersZip, SAMPLE_RECORDS } from "../../engine";
