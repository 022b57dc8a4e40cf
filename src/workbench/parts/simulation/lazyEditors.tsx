import { lazyPart } from "../lazyPart";

/*
 * The report and the comparison load with their own chunk the first time one is opened: they are
 * large (tables, grid, reasons) and the start-up JavaScript has a size budget.
 */
export const LazyReportEditor = lazyPart(() => import("./ReportEditor").then((m) => m.ReportEditor));
export const LazyCompareEditor = lazyPart(() => import("./CompareEditor").then((m) => m.CompareEditor));
