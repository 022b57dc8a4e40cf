/**
 * `--as-of` for `crw eval` and `crw pack diff`: the engine decides the run's date (resolveRunDate:
 * the option, else the first record's `as_of`, else today); the CLI turns a bad option into a usage
 * error and says on stderr where the date came from when it was not given.
 */
import { resolveRunDate as resolve, RunDateError, type RunDate, type RunRecords } from "../../engine";
import { CliError } from "./files";

/** The run's date for `--as-of <option>` (or its absence) over `records`. */
export async function resolveRunDate(option: string | undefined, records: RunRecords): Promise<RunDate> {
  try {
    return await resolve(option, records);
  } catch (error) {
    if (error instanceof RunDateError) throw new CliError(`--as-of: ${error.text.en}`);
    throw error;
  }
}

/** The note for stderr that says where `ctx.as_of` came from when `--as-of` was not given. */
export function runDateNote(command: string, date: RunDate): string | undefined {
  if (date.source === "today")
    return `${command}: ctx.as_of is today (${date.ctx.as_of}) because the records carry no as_of; pass --as-of YYYY-MM-DD for results that do not depend on the day you run them.`;
  const other = date.mismatches();
  if (date.source === "records" && other > 0)
    return `${command}: ctx.as_of ${date.ctx.as_of} comes from the first record, but ${other} records carry another as_of; pass --as-of YYYY-MM-DD to choose the evaluation date.`;
  return undefined;
}
