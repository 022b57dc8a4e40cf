// The Monaco platform: the loader and the handle types (no Monaco code runs until loadMonaco()).
export type * from "./api";
export { loadMonaco } from "./load";
export * from "./language";
