import { describe, expect, it } from "vitest";
import { checkStorageRoom, isQuotaError, requestPersistence, StorageFullError } from "../../../src/platform";

describe("storage quota and persistence", () => {
  it("fits when the estimate says so or cannot say; refuses with needed and free otherwise", async () => {
    const estimate = (usage: number, quota?: number) => ({
      estimate: () => Promise.resolve(quota === undefined ? { usage } : { usage, quota }),
    });
    expect(await checkStorageRoom(100, estimate(0, 1000))).toEqual({ fits: true });
    expect(await checkStorageRoom(100, estimate(950, 1000))).toEqual({ fits: false, needed: 100, free: 50 });
    expect(await checkStorageRoom(100, estimate(950))).toEqual({ fits: true });
    expect(await checkStorageRoom(100, undefined)).toEqual({ fits: true });
    expect(await checkStorageRoom(100, { estimate: () => Promise.reject(new Error("x")) })).toEqual({
      fits: true,
    });
  });

  it("tells a full disk from other failures", () => {
    expect(isQuotaError(new DOMException("q", "QuotaExceededError"))).toBe(true);
    expect(isQuotaError(new StorageFullError(1, 0))).toBe(true);
    expect(isQuotaError(new DOMException("c", "DataCloneError"))).toBe(false);
    expect(isQuotaError(new Error("QuotaExceededError"))).toBe(false);
  });

  it("asks for persistence only when not persistent yet, and says what was granted", async () => {
    let asked = 0;
    const manager = (persisted: boolean, grant: boolean) => ({
      persisted: () => Promise.resolve(persisted),
      persist: () => {
        asked++;
        return Promise.resolve(grant);
      },
    });
    expect(await requestPersistence(manager(true, false))).toBe("persistent");
    expect(asked).toBe(0);
    expect(await requestPersistence(manager(false, true))).toBe("persistent");
    expect(await requestPersistence(manager(false, false))).toBe("best-effort");
    expect(asked).toBe(2);
    expect(await requestPersistence(undefined)).toBe("unknown");
  });
});
