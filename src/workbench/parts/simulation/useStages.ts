import { useEffect, useState } from "react";
import { scheduleChart } from "./chartQueue";

/**
 * How many of a report's `count` stages to render: the first at once, each further one in a task of
 * its own after the previous has been painted (through the chart queue). The sections below the
 * first screen of a report (classes, elimination, histograms, the grid, errors, metadata) mounted
 * in the same task as the headline made the report's first render one long task.
 */
export function useStages(count: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= count) return;
    return scheduleChart(() => setShown((s) => s + 1));
  }, [shown, count]);
  return shown;
}
