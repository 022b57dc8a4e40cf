import { profileColumn, type ColumnProfile } from "../datasets/columnProfile";
import { queryOrder, type RowQuery } from "../datasets/columnQuery";
import type { ProjectedColumn } from "../storage/projection";

/** What the dataset query worker is asked: the row order of a sort and filters, or a profile. */
export type DatasetQueryRequest =
  | { type: "order"; columns: ProjectedColumn[]; rows: number; query: RowQuery; locale: string }
  | { type: "profile"; column: ProjectedColumn; rows: number };

export type DatasetQueryValue = Uint32Array | ColumnProfile;

export type DatasetQueryReply =
  { id: number; ok: true; value: DatasetQueryValue } | { id: number; ok: false; error: string };

/** Answers one request; the worker and the in-thread service share it. */
export function handleDatasetQuery(request: DatasetQueryRequest): DatasetQueryValue {
  if (request.type === "profile") return profileColumn(request.column, request.rows);
  const byPath: Record<string, ProjectedColumn> = {};
  for (const column of request.columns) byPath[column.path] = column;
  return queryOrder(byPath, request.rows, request.query, request.locale);
}
