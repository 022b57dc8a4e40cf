import type { ReactNode } from "react";

/** A column heading of a report table; numeric columns are right-aligned (`num`). */
export interface ReportColumn {
  label: ReactNode;
  numeric?: boolean;
}

/**
 * The table every chart of a report has beside it (and the report's other tables): labelled for
 * screen readers, column headings scoped, numbers right-aligned. The rows are the caller's.
 */
export function ReportTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: readonly ReportColumn[];
  children: ReactNode;
}) {
  return (
    <table className="report__table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" className={column.numeric ? "num" : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
