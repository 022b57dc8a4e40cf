import type { Problem } from "../../engine";
import { locatePointer } from "../../engine";

/** `file:line:col` of a problem, with 1:1 when the place is unknown. */
export function where(file: string | undefined, line?: number, column?: number): string {
  return `${file ?? "<input>"}:${line ?? 1}:${column ?? 1}`;
}

/** `file:line:col severity code message`, the `crw validate` line format. */
export function formatProblem(problem: Problem): string {
  return `${where(problem.file, problem.line, problem.column)} ${problem.severity} ${problem.code} ${problem.message.en}`;
}

/** `file:line:col: message [code]`, the format of errors on stderr; warnings and notes say so. */
export function formatError(problem: Problem): string {
  const severity = problem.severity === "error" ? "" : `${problem.severity}: `;
  return `${where(problem.file, problem.line, problem.column)}: ${severity}${problem.message.en} [${problem.code}]`;
}

/** The position of a pointer in a text, for test outcomes and other pointer-only findings. */
export function positionOf(text: string | undefined, pointer: string): { line?: number; column?: number } {
  return text === undefined ? {} : (locatePointer(text, pointer) ?? {});
}

/** Writes to a stream and waits when its buffer is full, so output never piles up in memory. */
export async function writeChunk(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once("drain", resolve));
}
