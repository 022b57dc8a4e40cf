// The SQL target: a pack compiled to one statement for DuckDB or PostgreSQL (README "SQL target").
export { compilePackToSql, type CompiledSql, type SqlCompileOptions, type SqlRefusalReport } from "./compile";
export { dialectOf, type Dialect, type DialectName } from "./dialect";
export { schemaInfo, type SchemaInfo } from "./types";
