// Public entry of the engine layer: everything outside src/engine imports from here.
export * from "./problem";
export * from "./source/jsonPosition";
export * from "./jsonlogic";
export * from "./pack";
export * from "./templates";
export * from "./builder";
