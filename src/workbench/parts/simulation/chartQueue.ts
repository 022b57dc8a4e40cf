/**
 * Draws report charts one at a time, each in its own task after the report has been painted: a
 * report has a dozen or more charts, and drawing them all in the task that mounts the report made
 * that task the longest of a run. Each draw waits for the next frame and then for an idle moment
 * (or a short timeout where `requestIdleCallback` is missing, or when the page is never idle).
 */
type Draw = () => void;

const queue: Draw[] = [];
let pumping = false;

const idle = (fn: () => void) => {
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(fn, { timeout: 100 });
  else setTimeout(fn, 0);
};
const nextFrame = (fn: () => void) =>
  typeof requestAnimationFrame === "function" ? requestAnimationFrame(() => idle(fn)) : setTimeout(fn, 0);

function pump(): void {
  const draw = queue.shift();
  if (!draw) {
    pumping = false;
    return;
  }
  try {
    draw();
  } finally {
    nextFrame(pump);
  }
}

/** Queues a draw; the returned function takes it back out if it has not run yet (unmounted). */
export function scheduleChart(draw: Draw): () => void {
  queue.push(draw);
  if (!pumping) {
    pumping = true;
    nextFrame(pump);
  }
  return () => {
    const at = queue.indexOf(draw);
    if (at >= 0) queue.splice(at, 1);
  };
}
