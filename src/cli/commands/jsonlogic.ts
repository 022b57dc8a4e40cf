import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { applyReference, compile, parseJsonWithPosition } from "../../engine";
import { CliError, displayName } from "../io/files";
import { decodeJs, encodeJs } from "../io/jsValues";
import { writeChunk } from "../io/report";

/** `crw jsonlogic`: one `{"result":...}` or `{"error":"..."}` line per `{"logic","data"}` case line. */
export async function jsonlogicCommand(casesPath: string, options: { engine?: string }): Promise<number> {
  const engine = options.engine ?? "reference";
  if (engine !== "reference" && engine !== "compiled") {
    throw new CliError(`--engine ${engine}: use "reference" or "compiled".`);
  }
  await stat(casesPath).catch(() => {
    throw new CliError(`${casesPath}:1:1: cannot read the cases (no such file).`);
  });
  const reader = createInterface({ input: createReadStream(casesPath, "utf8"), crlfDelay: Infinity });
  let line = 0;
  let bad = 0;
  for await (const text of reader) {
    line++;
    if (text.trim() === "") continue;
    const parsed = parseJsonWithPosition(text);
    if (
      !parsed.ok ||
      typeof parsed.value !== "object" ||
      parsed.value === null ||
      !("logic" in parsed.value)
    ) {
      const column = parsed.ok ? 1 : parsed.error.column;
      process.stderr.write(
        `${displayName(casesPath)}:${line}:${column}: expected {"logic":...,"data":...} on one line.\n`,
      );
      bad++;
      continue;
    }
    const { logic, data } = parsed.value as { logic: unknown; data?: unknown };
    let output: unknown;
    try {
      const input = decodeJs(data ?? null);
      const result = engine === "reference" ? applyReference(logic, input) : compile(logic)(input);
      output = { result: encodeJs(result) };
    } catch (error) {
      output = { error: error instanceof Error ? error.message : String(error) };
    }
    await writeChunk(process.stdout, JSON.stringify(output) + "\n");
  }
  return bad > 0 ? 2 : 0;
}
