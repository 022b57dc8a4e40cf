import { Option, type Command } from "commander";
import { packDiffCommand } from "./commands/diff";
import { evalCommand, type EvalOptions } from "./commands/eval";
import { jsonlogicCommand } from "./commands/jsonlogic";
import { packBuildCommand, packVerifyCommand } from "./commands/pack";
import { packExportCommand, type PackExportOptions } from "./commands/packExport";
import { collectParam } from "./commands/params";
import { sqlCommand, type SqlOptions } from "./commands/sql";
import { testCommand } from "./commands/test";
import { validateCommand } from "./commands/validate";

/** Sets the exit status from a command's result: 0 success, 1 failures found, 2 bad usage or input. */
function finish(run: Promise<number>): Promise<void> {
  return run.then((code) => {
    process.exitCode = code;
  });
}

/** Declares every `crw` command (pack-format.md §8) on `program`. */
export function registerCommands(program: Command): void {
  program
    .name("crw")
    .description(
      "Channel Rules Workbench command line: test, validate, evaluate, build, verify and diff rule packs.\n" +
        "Exit status: 0 success, 1 failures found, 2 bad usage or unreadable input.\n" +
        "Format reference: src/engine/pack/schemas/README.md",
    )
    .exitOverride()
    .showHelpAfterError("(run crw --help for usage)");

  program
    .command("test")
    .description("run the tests of rule files, directories (recursively *.rule.json), manifests or packs")
    .argument("<paths...>")
    .action((paths: string[]) => finish(testCommand(paths)));

  program
    .command("validate")
    .description("check files and print problems as file:line:col severity code message")
    .argument("<paths...>")
    .option("--schema <file>", "dataset JSON Schema of one record: warn about var paths it does not know")
    .addOption(
      new Option(
        "--target <target>",
        "also report what has no exact translation to that target (with --schema)",
      ).choices(["sql"]),
    )
    .action((paths: string[], options: { schema?: string; target?: "sql" }) =>
      finish(validateCommand(paths, options)),
    );

  program
    .command("eval")
    .description("evaluate a rule, manifest or pack over a dataset; one JSON line per record to stdout")
    .argument("<target>", "a *.rule.json, *.manifest.json or *.pack.json")
    .requiredOption("--data <file>", "records as .json (array), .jsonl or .csv")
    .option("--param <name=value>", "override a parameter (repeatable)", collectParam)
    .option(
      "--as-of <YYYY-MM-DD>",
      "evaluation date for ctx.as_of and ctx.eval_month (default: the first record's as_of, else today in UTC)",
    )
    .option("--schema <file>", "dataset JSON Schema that types CSV columns")
    .addOption(new Option("--chunk-size <n>", "records per chunk").hideHelp())
    .addOption(new Option("--stats", "print a crw-stats JSON line with peak memory to stderr").hideHelp())
    // Off by default, by measurement (1,000,000 records, bench pack, 2 shared cores under load): the
    // read worker gave no CPU saving and a wall time within noise, for 921 MiB peak against 610.
    .addOption(
      new Option(
        "--threads <n>",
        "2: read the second half of a JSONL file on a worker thread (default 1)",
      ).hideHelp(),
    )
    .action((target: string, options: EvalOptions) => finish(evalCommand(target, options)));

  program
    .command("sql")
    .description("compile a manifest or pack to one SQL statement with crw eval's results (stdout)")
    .argument("<target>", "a *.manifest.json or *.pack.json (or a *.rule.json)")
    .addOption(
      new Option("--dialect <dialect>", "SQL engine").choices(["duckdb", "postgres"]).makeOptionMandatory(),
    )
    .option(
      "--table <name>",
      "table, view or table function with one column per record path (default: records)",
    )
    .option("--schema <file>", "dataset JSON Schema of one record: the column types every translation needs")
    .option("--param <name=value>", "override a parameter (repeatable)", collectParam)
    .option(
      "--as-of <YYYY-MM-DD>",
      "evaluation date for ctx.as_of and ctx.eval_month (required when the pack reads ctx)",
    )
    .option("--placeholders", "write parameters as $1, $2... for the engine to bind (listed on stderr)")
    .option(
      "--order <column>",
      "numeric column with each record's position in crw eval's input: population sums add in that order (default: id order)",
    )
    .action((target: string, options: SqlOptions) => finish(sqlCommand(target, options)));

  const pack = program.command("pack").description("build, verify and compare rule packs");
  pack
    .command("build")
    .description("validate, run all tests, compute the order and integrity, and write the pack")
    .argument("<manifest>")
    .option("-o, --output <file>", "where to write the pack (default: <manifest name>-<version>.pack.json)")
    .option("--created-at <iso>", "timestamp to record (default: now), for reproducible builds")
    .option("--schema <file>", "dataset JSON Schema of one record: warn about var paths it does not know")
    .action((manifest: string, options: { output?: string; createdAt?: string; schema?: string }) =>
      finish(packBuildCommand(manifest, options)),
    );
  pack
    .command("verify")
    .description("check a pack's schema, integrity and embedded tests")
    .argument("<pack>")
    .action((file: string) => finish(packVerifyCommand(file)));
  pack
    .command("export")
    .description(
      "write the pack file (as Pack: Export), or with --engineers the engineers' zip (as Pack: Export for Engineers)",
    )
    .argument("<target>", "a *.manifest.json (built as pack build builds it) or a *.pack.json (verified)")
    .option("--engineers", "write <name>-<version>.zip: pack, README, test vectors, portability, checksums")
    .option("-o, --output <file>", "where to write (default: <name>-<version>.zip or .pack.json)")
    .option("--data <file>", "reference dataset: expected results for its first 25 records go in the zip")
    .option("--schema <file>", "dataset JSON Schema that types CSV columns of --data")
    .option("--created-at <iso>", "timestamp a manifest's build records (default: now)")
    .action((target: string, options: PackExportOptions) => finish(packExportCommand(target, options)));
  pack
    .command("diff")
    .description("compare two versions: rules, params, population, semver bump; with --data, the impact")
    .argument("<old>")
    .argument("<new>")
    .option("--data <file>", "dataset to measure the impact on")
    .option("--schema <file>", "dataset JSON Schema that types CSV columns")
    .option("--as-of <YYYY-MM-DD>", "evaluation date (default: the first record's as_of, else today in UTC)")
    .action((oldPath: string, newPath: string, options: { data?: string; schema?: string; asOf?: string }) =>
      finish(packDiffCommand(oldPath, newPath, options)),
    );

  program
    .command("jsonlogic")
    .description('evaluate {"logic","data"} lines; prints {"result":...} or {"error":...} per line')
    .argument("<cases.jsonl>")
    .addOption(
      new Option("--engine <engine>", "evaluator").choices(["reference", "compiled"]).default("reference"),
    )
    .action((cases: string, options: { engine?: string }) => finish(jsonlogicCommand(cases, options)));
}
