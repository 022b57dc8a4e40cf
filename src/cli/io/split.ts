/**
 * Splitting a JSONL file for `crw eval`'s read worker: the main thread reads the first part and a
 * worker thread the rest, each at a line boundary, so two cores parse and run the early rules.
 */
import { open } from "node:fs/promises";

const BLOCK = 1 << 20;

/** The offset just after the first line break at or after `from`, or undefined when there is none. */
export async function lineStartAfter(path: string, from: number): Promise<number | undefined> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let position = from; ;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return undefined;
      const at = buffer.subarray(0, bytesRead).indexOf(10);
      if (at >= 0) return position + at + 1;
      position += bytesRead;
    }
  } finally {
    await file.close();
  }
}

/**
 * Line breaks in bytes [0, end) as the line reader counts them: `\n`, `\r\n` (once) and a lone `\r`.
 * UTF-8 never uses these bytes inside a character, so bytes can be counted without decoding.
 */
export async function lineBreaksBefore(path: string, end: number): Promise<number> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(BLOCK);
    let breaks = 0;
    let carriage = false;
    for (let position = 0; position < end;) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(BLOCK, end - position), position);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) breaks++;
      if (carriage || bytes.includes(13)) {
        for (let i = 0; i < bytes.length; i++) {
          if (carriage && bytes[i] !== 10) breaks++;
          carriage = bytes[i] === 13;
        }
      }
      position += bytesRead;
    }
    if (carriage) breaks++;
    return breaks;
  } finally {
    await file.close();
  }
}

/**
 * About how many lines bytes [start, end) hold, from the line length of their first megabyte (a
 * sizing hint for the held columns; 2 % over, so a slightly longer tail still fits).
 */
export async function estimateLines(path: string, start: number, end: number): Promise<number> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(Math.min(BLOCK, Math.max(0, end - start)));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, start);
    let lines = 0;
    for (let i = buffer.indexOf(10); i !== -1 && i < bytesRead; i = buffer.indexOf(10, i + 1)) lines++;
    if (bytesRead === 0 || lines === 0) return 1024;
    return Math.ceil(((end - start) * lines * 1.02) / bytesRead);
  } finally {
    await file.close();
  }
}
