import { Command, CommanderError } from "commander";
import { CliError } from "./io/files";
import { registerCommands } from "./program";

/**
 * A reader that goes away (`crw eval ... | head`) makes writes to stdout fail with EPIPE. That is not
 * an error of the command: stop at once, quietly, with the status reached so far (0 unless a
 * command already set one). Any other stdout error is reported as a usage/input failure.
 */
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  process.stderr.write(`crw: cannot write to stdout (${error.message}).\n`);
  process.exit(2);
});

const program = new Command();
registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; --help and --version end with status 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof CliError) {
    process.stderr.write(error.message + "\n");
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`crw: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  }
}
