// The Monaco platform: the loader and the handle types (no Monaco code runs until loadMonaco()).
export type * from "./api";
export { loadMonaco, monacoLocale } from "./load";
export * from "./language";
