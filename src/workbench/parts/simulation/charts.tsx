import { useId } from "react";

/**
 * Small SVG charts, themed through CSS variables (so light, dark and high contrast follow the
 * workbench theme). Every chart is drawn from the same rows as the table printed with it, and is
 * hidden from assistive technology in favour of that table.
 */
export function BarChart({
  rows,
  label,
  format,
}: {
  rows: readonly { key: string; value: number }[];
  label: string;
  format: (value: number) => string;
}) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const min = Math.min(0, ...rows.map((r) => r.value));
  const span = max - min || 1;
  const rowHeight = 20;
  const width = 100;
  const zero = ((0 - min) / span) * width;
  return (
    <figure className="report-chart" aria-hidden="true" title={label}>
      <svg
        className="report-chart__svg"
        viewBox={`0 0 ${width} ${rows.length * rowHeight}`}
        preserveAspectRatio="none"
        height={rows.length * rowHeight}
        role="presentation"
      >
        {rows.map((r, i) => {
          const x = ((Math.min(r.value, 0) - min) / span) * width;
          const w = (Math.abs(r.value) / span) * width;
          return (
            <rect
              key={r.key}
              className={r.value < 0 ? "report-chart__bar report-chart__bar--negative" : "report-chart__bar"}
              x={x}
              y={i * rowHeight + 3}
              width={Math.max(w, 0.3)}
              height={rowHeight - 6}
            >
              <title>{`${r.key}: ${format(r.value)}`}</title>
            </rect>
          );
        })}
        {min < 0 && (
          <line className="report-chart__axis" x1={zero} x2={zero} y1={0} y2={rows.length * rowHeight} />
        )}
      </svg>
      <div className="report-chart__labels">
        {rows.map((r) => (
          <span key={r.key} style={{ height: rowHeight }}>
            {r.key || "—"}
          </span>
        ))}
      </div>
    </figure>
  );
}

/** A histogram: one column per bin, heights by count. */
export function ColumnChart({ counts, label }: { counts: readonly number[]; label: string }) {
  const id = useId();
  const max = Math.max(1, ...counts);
  const w = 100 / Math.max(1, counts.length);
  return (
    <figure className="report-chart report-chart--columns" aria-hidden="true" title={label}>
      <svg
        className="report-chart__svg"
        viewBox="0 0 100 40"
        preserveAspectRatio="none"
        height={80}
        role="presentation"
        id={id}
      >
        {counts.map((c, i) => (
          <rect
            key={i}
            className="report-chart__bar"
            x={i * w + w * 0.08}
            width={w * 0.84}
            y={40 - (40 * c) / max}
            height={(40 * c) / max}
          />
        ))}
      </svg>
    </figure>
  );
}
