import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { LoadedFile } from "../../engine";

/** A failure that ends the command with the given exit status and a message on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || rel === "" ? file : rel;
}

/** Reads a UTF-8 file; a missing or unreadable file is a usage error (exit 2). */
export async function readTextFile(file: string): Promise<LoadedFile> {
  try {
    return { file: displayName(file), text: await readFile(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    throw new CliError(`${displayName(file)}:1:1: cannot read the file (${why}); check the path.`);
  }
}

/**
 * Expands command-line paths: files as given, directories recursively to the files matching
 * `pattern`, in a stable (sorted) order.
 */
export async function expandPaths(paths: readonly string[], pattern: RegExp): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new CliError(`${path}:1:1: no such file or directory; check the path.`);
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    files.push(
      ...entries
        .filter((e) => e.isFile() && pattern.test(e.name))
        .map((e) => join(e.parentPath, e.name))
        .sort(),
    );
  }
  return files;
}
