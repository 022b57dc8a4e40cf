import { useEffect, useState } from "react";
import { isIdentityQuery, queryPaths, type ColumnProfile, type RowQuery } from "../../../platform";
import type { WorkbenchServices } from "../../services";

/** A query with no sort and no filter. */
export const noQuery: RowQuery = { filters: {} };

/** The next sort of a column when its header is clicked: ascending, descending, then none. */
export function nextSort(query: RowQuery, path: string): RowQuery {
  const current = query.sort?.path === path ? query.sort.direction : undefined;
  if (current === undefined) return { ...query, sort: { path, direction: "ascending" } };
  if (current === "ascending") return { ...query, sort: { path, direction: "descending" } };
  return { filters: query.filters };
}

/** The query with the filter of `path` set, or removed when `filter` is undefined. */
export function withFilter(
  query: RowQuery,
  path: string,
  filter: RowQuery["filters"][string] | undefined,
): RowQuery {
  const filters = { ...query.filters };
  if (filter) filters[path] = filter;
  else delete filters[path];
  return { ...query, filters };
}

export interface RowOrder {
  /** Stored row numbers in view order; null while the stored order is the view order. */
  order: Uint32Array | null;
  busy: boolean;
  error?: string;
}

/**
 * The order of rows for a query: the columns it reads come from storage as a projection, go to the
 * query worker by transfer, and the order comes back by transfer, so the page stays responsive.
 * A newer query makes the older one's answer be dropped.
 */
export function useRowOrder(
  services: WorkbenchServices,
  id: string,
  query: RowQuery,
  rowCount: number,
  locale: string,
): RowOrder {
  const [answer, setAnswer] = useState<{ query: RowQuery; order: Uint32Array | null; error?: string }>({
    query: noQuery,
    order: null,
  });
  useEffect(() => {
    if (isIdentityQuery(query)) return;
    let live = true;
    void services.datasets
      .columns(id, queryPaths(query))
      .then((projection) => services.datasets.query.order(projection, query, locale))
      .then(
        (order) => live && setAnswer({ query, order }),
        (error: unknown) =>
          live &&
          setAnswer({ query, order: null, error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [services, id, query, rowCount, locale]);
  if (isIdentityQuery(query)) return { order: null, busy: false };
  // Until the answer to this query arrives, the previous order stays on screen.
  if (answer.query !== query) return { order: answer.order, busy: true };
  return { order: answer.order, busy: false, ...(answer.error ? { error: answer.error } : {}) };
}

/** The profile of one column, computed in the query worker; undefined while it is. */
export function useColumnProfile(
  services: WorkbenchServices,
  id: string,
  path: string | undefined,
  rowCount: number,
): { profile?: ColumnProfile; error?: string } {
  const [state, setState] = useState<{ path?: string; profile?: ColumnProfile; error?: string }>({});
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    void services.datasets
      .columns(id, [path])
      .then((projection) => services.datasets.query.profile(projection.columns[0]!, projection.rows))
      .then(
        (profile) => live && setState({ path, profile }),
        (error: unknown) =>
          live && setState({ path, error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [services, id, path, rowCount]);
  return state.path === path ? state : {};
}
