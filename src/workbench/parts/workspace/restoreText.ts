import type { Locale } from "../../../base";
import type { RestoreDifference, RestoreKind, RestorePlan } from "../../../platform";
import { RESTORE_KINDS_IN_ORDER } from "./restoreKinds";
import { formatCount } from "../../i18n";

type T = (key: string, values?: Record<string, unknown>) => string;

const sum = (counts: Record<RestoreKind, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** A stored ISO time said in the user's locale; anything else as it is. */
function valueText(
  t: T,
  field: RestoreDifference["field"],
  value: string | number | undefined,
  locale: Locale,
): string {
  if (value === undefined) return t("backup.restore.none");
  if (typeof value === "number") return formatCount(value, locale);
  if ((field === "updatedAt" || field === "createdAt") && typeof value === "string") {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date.toLocaleString(locale);
  }
  return String(value);
}

/** What differs in one conflict, e.g. "saved: mine 2026/12/3 10:00, backup 2026/12/1 09:00". */
export function differenceText(t: T, differences: readonly RestoreDifference[], locale: Locale): string {
  return differences
    .map((d) =>
      d.field === "content"
        ? t("backup.restore.content")
        : t("backup.restore.differs", {
            field: t(`backup.restore.field.${d.field}`),
            mine: valueText(t, d.field, d.mine, locale),
            backup: valueText(t, d.field, d.backup, locale),
          }),
    )
    .join("; ");
}

/** The counts a restore's dialogs quote: added, identical, kept, and what is added by kind. */
export function planCounts(t: T, plan: RestorePlan, locale: Locale) {
  const count = (n: number) => formatCount(n, locale);
  return {
    added: count(sum(plan.added)),
    same: count(sum(plan.same)),
    kept: count(sum(plan.kept)),
    count: count(plan.conflicts.length),
    addedList: RESTORE_KINDS_IN_ORDER.filter((kind) => plan.added[kind] > 0)
      .map((kind) => `${t(`backup.restore.kind.${kind}`)} ${count(plan.added[kind])}`)
      .join(locale === "zh-CN" ? "、" : ", "),
  };
}
