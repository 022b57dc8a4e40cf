import type { TFunction } from "i18next";
import { errorMessage } from "../../../machines";
import { isQuotaError, StorageFullError } from "../../../platform";

/** `1.5 MB`, in the locale's digits (binary units, as browsers report quota). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

/**
 * What went wrong with a write, in the UI language: a refusal up front names the size needed and
 * the room left; a full disk during the write says so and that nothing was kept; anything else is
 * the error's own message.
 */
export function writeErrorText(t: TFunction, error: unknown, locale: string): string {
  if (error instanceof StorageFullError) {
    return t("storage.tooBig", {
      needed: formatBytes(error.needed, locale),
      free: formatBytes(error.free, locale),
    });
  }
  if (isQuotaError(error)) return t("storage.full");
  return errorMessage(error);
}
