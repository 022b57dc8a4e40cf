import { Command, CommanderError } from "commander";
import { CliError } from "./io/files";
import { registerCommands } from "./program";

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
