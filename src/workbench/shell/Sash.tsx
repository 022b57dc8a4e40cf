import { useRef } from "react";

export interface SashProps {
  label: string;
  /** `vertical` separates left from right (drag sideways); `horizontal` separates top from bottom. */
  orientation: "vertical" | "horizontal";
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the value, −1 when it shrinks it (the panel grows upwards). */
  direction: 1 | -1;
  onChange: (value: number) => void;
}

/**
 * A draggable divider between two parts, as VS Code's sashes: a focusable `separator` that the
 * pointer drags and the arrow keys move (10 px a press, Home/End to the limits).
 */
export function Sash({ label, orientation, value, min, max, direction, onChange }: SashProps) {
  const start = useRef<{ pointer: number; value: number } | null>(null);
  const axis = (e: React.PointerEvent) => (orientation === "vertical" ? e.clientX : e.clientY);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const keys: Record<string, number> =
    orientation === "vertical" ? { ArrowRight: 10, ArrowLeft: -10 } : { ArrowDown: 10, ArrowUp: -10 };
  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`sash sash--${orientation}`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { pointer: axis(e), value };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        onChange(clamp(start.current.value + direction * (axis(e) - start.current.pointer)));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
      onKeyDown={(e) => {
        const step = keys[e.key];
        if (step !== undefined) {
          e.preventDefault();
          onChange(clamp(value + direction * step));
        } else if (e.key === "Home" || e.key === "End") {
          e.preventDefault();
          onChange(e.key === "Home" ? min : max);
        }
      }}
    />
  );
}
