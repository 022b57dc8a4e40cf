// Public entry of the engine layer: everything outside src/engine imports from here.
export * from "./problem";
export * from "./source/jsonPosition";
export * from "./jsonlogic";
export * from "./pack";
export * from "./sql";
export * from "./statement";
export * from "./sweep";
export * from "./simulation";
export * from "./templates";
export * from "./builder";
