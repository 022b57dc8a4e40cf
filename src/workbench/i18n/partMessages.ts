/**
 * Strings of one workbench part, kept beside the part (`<part>.i18n.ts`) so parts built in parallel
 * never edit the shared tables. The zh-CN table must have exactly the keys of the English one (the
 * type checks it); both are merged into the resources under `namespace`, so a part reads its
 * strings as `t("<namespace>.key")`.
 */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export interface PartMessages {
  namespace: string;
  en: Record<string, unknown>;
  zhCN: Record<string, unknown>;
}

export function definePartMessages<T extends Record<string, unknown>>(
  namespace: string,
  en: T,
  zhCN: SameKeys<T>,
): PartMessages {
  return { namespace, en, zhCN };
}
