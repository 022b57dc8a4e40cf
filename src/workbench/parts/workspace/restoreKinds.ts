import type { RestoreKind } from "../../../platform";

/** The order a restore's dialogs list kinds in. */
export const RESTORE_KINDS_IN_ORDER: readonly RestoreKind[] = [
  "rule",
  "manifest",
  "draft",
  "dataset",
  "release",
  "run",
];
