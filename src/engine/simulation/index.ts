// Simulation reports over a run's results: the report spec (`x-report`), the columnar run table, the
// report aggregations and the comparison of two runs. Pure, like the rest of the engine.
export * from "./reportSpec";
export * from "./table";
export * from "./report";
export * from "./compare";
export * from "./movementReasons";
