/**
 * Calendar helpers on ISO dates, in UTC so results never depend on the machine's time zone.
 * Months are handled as a running index (year × 12 + month − 1) to make "n months before" trivial.
 */

/** A parsed `YYYY-MM-DD`. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses and checks an ISO calendar date (rejects 2024-02-30). */
export function parseIsoDate(text: string): Ymd {
  const m = ISO_DATE.exec(text);
  if (m === null) throw new Error(`not a YYYY-MM-DD date: ${text}`);
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) {
    throw new Error(`not a calendar date: ${text}`);
  }
  return ymd;
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Running month index of a year and month. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** Year and month (1–12) of a running month index. */
export function fromMonthIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Formats a date as `YYYY-MM-DD`. */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Whole years completed between `from` and `to` (an anniversary on `to` counts). */
export function wholeYears(from: Ymd, to: Ymd): number {
  const beforeAnniversary = to.month < from.month || (to.month === from.month && to.day < from.day);
  return Math.max(0, to.year - from.year - (beforeAnniversary ? 1 : 0));
}
