import { unzipSync } from "fflate";
import type { LoadedFile, Problem } from "../../engine";

/** Largest rule file accepted, unpacked; the shipped ones are under 20 KB. Guards against zip bombs. */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

const decoder = new TextDecoder("utf-8", { fatal: true });

function problem(
  file: string,
  code: string,
  en: string,
  zh: string,
  severity: Problem["severity"] = "error",
): Problem {
  return { code, severity, file, pointer: "", message: { en, "zh-CN": zh } };
}

function decode(file: string, bytes: Uint8Array, sources: LoadedFile[], problems: Problem[]): void {
  if (bytes.length > MAX_RULE_FILE_BYTES) {
    problems.push(
      problem(
        file,
        "import/too-large",
        `The file is ${bytes.length} bytes; a rule file may have at most ${MAX_RULE_FILE_BYTES}. It was not imported.`,
        `文件有 ${bytes.length} 字节；规则文件最多 ${MAX_RULE_FILE_BYTES} 字节。未导入。`,
      ),
    );
    return;
  }
  try {
    // A byte-order mark is dropped by the decoder, so the text starts at the JSON.
    sources.push({ file, text: decoder.decode(bytes) });
  } catch {
    problems.push(
      problem(
        file,
        "import/encoding",
        "The file is not UTF-8 text; save it as UTF-8 and import it again.",
        "文件不是 UTF-8 文本；请另存为 UTF-8 后重新导入。",
      ),
    );
  }
}

function readZip(name: string, bytes: Uint8Array, sources: LoadedFile[], problems: Problem[]): void {
  const ignored: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Only rule files are unpacked, and only when their declared size is sensible.
      filter: (entry) => {
        const wanted = entry.name.endsWith(".rule.json") && !entry.name.split("/").includes("__MACOSX");
        if (!wanted && !entry.name.endsWith("/")) ignored.push(entry.name);
        if (wanted && entry.originalSize > MAX_RULE_FILE_BYTES) {
          problems.push(
            problem(
              `${name}/${entry.name}`,
              "import/too-large",
              `The file is ${entry.originalSize} bytes unpacked; a rule file may have at most ${MAX_RULE_FILE_BYTES}. It was not imported.`,
              `文件解压后有 ${entry.originalSize} 字节；规则文件最多 ${MAX_RULE_FILE_BYTES} 字节。未导入。`,
            ),
          );
          return false;
        }
        return wanted;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(
      problem(
        name,
        "import/zip",
        `The archive cannot be read (${reason}); nothing in it was imported.`,
        `无法读取压缩包（${reason}）；其中的文件均未导入。`,
      ),
    );
    return;
  }
  const names = Object.keys(entries).sort();
  for (const entry of names) decode(`${name}/${entry}`, entries[entry]!, sources, problems);
  if (names.length === 0) {
    problems.push(
      problem(
        name,
        "import/zip-empty",
        "The archive holds no *.rule.json file; nothing was imported.",
        "压缩包中没有 *.rule.json 文件；未导入任何内容。",
        "warning",
      ),
    );
  }
  if (ignored.length > 0) {
    problems.push(
      problem(
        name,
        "import/zip-ignored",
        `${ignored.length} file(s) that are not rule files were left out: ${ignored.slice(0, 5).join(", ")}${ignored.length > 5 ? ", …" : ""}.`,
        `已忽略 ${ignored.length} 个非规则文件：${ignored.slice(0, 5).join("、")}${ignored.length > 5 ? "……" : ""}。`,
        "info",
      ),
    );
  }
}

/**
 * Reads the files a user chose to import: `*.rule.json` files as they are, `.zip` archives unpacked
 * (their `*.rule.json` entries, folders included). Every file that cannot be read is reported by name.
 */
export function readRuleImports(files: readonly { name: string; bytes: Uint8Array }[]): {
  sources: LoadedFile[];
  problems: Problem[];
} {
  const sources: LoadedFile[] = [];
  const problems: Problem[] = [];
  for (const { name, bytes } of files) {
    if (name.toLowerCase().endsWith(".zip")) readZip(name, bytes, sources, problems);
    else if (name.endsWith(".json")) decode(name, bytes, sources, problems);
    else {
      problems.push(
        problem(
          name,
          "import/unknown-kind",
          "Only *.rule.json files and .zip archives of them can be imported here.",
          "此处只能导入 *.rule.json 文件及其 .zip 压缩包。",
        ),
      );
    }
  }
  return { sources, problems };
}
