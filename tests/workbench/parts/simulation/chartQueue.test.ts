/**
 * Report charts are drawn one per task: a queued draw never runs in the task that queued it, two
 * draws never run in the same task, and a draw taken back (its chart unmounted) never runs.
 */
import { describe, expect, it } from "vitest";
import { scheduleChart } from "../../../../src/workbench/parts/simulation/chartQueue";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("scheduleChart", () => {
  it("runs each draw in a task of its own, after the one that queued them, in order", async () => {
    const ran: string[] = [];
    let task = 0;
    const seen: number[] = [];
    const timer = setInterval(() => task++, 0);
    for (const name of ["a", "b", "c"])
      scheduleChart(() => {
        ran.push(name);
        seen.push(task);
      });
    expect(ran).toEqual([]);
    while (ran.length < 3) await tick();
    clearInterval(timer);
    expect(ran).toEqual(["a", "b", "c"]);
    expect(new Set(seen).size).toBe(3);
  });

  it("drops a draw taken back before it ran", async () => {
    const ran: string[] = [];
    scheduleChart(() => ran.push("kept"));
    const takeBack = scheduleChart(() => ran.push("dropped"));
    takeBack();
    scheduleChart(() => ran.push("last"));
    while (ran.length < 2) await tick();
    await tick();
    await tick();
    expect(ran).toEqual(["kept", "last"]);
  });
});
