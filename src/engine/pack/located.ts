import type { LocalizedText } from "../../base";
import type { Problem } from "../problem";
import { locatePointer } from "../source/jsonPosition";

/** Where a document came from; with `text`, problems get line and column. */
export interface SourceRef {
  file?: string;
  text?: string;
}

/** Builds a Problem located in `source` at `pointer`. */
export function problemAt(
  source: SourceRef | undefined,
  code: string,
  pointer: string,
  message: LocalizedText,
  severity: Problem["severity"] = "error",
): Problem {
  const position = source?.text === undefined ? undefined : locatePointer(source.text, pointer);
  return {
    code,
    severity,
    message,
    pointer,
    ...(source?.file === undefined ? {} : { file: source.file }),
    ...(position ?? {}),
  };
}
