/**
 * Reading a text file a block at a time, in the encoding it is in. Excel on a Chinese Windows saves
 * "CSV" as GBK (code page 936), which GB18030 contains; everything else here is UTF-8, with or
 * without a byte order mark. TextDecoder knows both, so no encoding tables ship in the bundle.
 */

export const textEncodings = ["utf-8", "gb18030"] as const;
export type TextEncodingName = (typeof textEncodings)[number];

/** Bytes looked at to guess the encoding. */
const SNIFF_BYTES = 1 << 16;

/**
 * The encoding of a file from its first bytes: UTF-8 when they carry its BOM or decode as UTF-8 (an
 * ASCII-only start is UTF-8 too; a later GBK byte is caught while reading, see {@link readText}),
 * GB18030 otherwise.
 */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: true };
  try {
    // `stream: true`: a character cut off at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, SNIFF_BYTES), { stream: true });
    return { encoding: "utf-8", bom: false };
  } catch {
    return { encoding: "gb18030", bom: false };
  }
}

/** Thrown when a file read as UTF-8 turns out not to be (the reader then tries GB18030). */
export class NotUtf8Error extends Error {
  constructor(readonly offset: number) {
    super(`The file is not valid UTF-8 (near byte ${offset})`);
    this.name = "NotUtf8Error";
  }
}

export async function readHead(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
}

/**
 * The text of `blob` in blocks, with how many bytes have been read so far (for progress). UTF-8 is
 * decoded strictly, so a GBK file that starts with plain ASCII throws {@link NotUtf8Error} instead
 * of turning into replacement characters. A BOM is dropped.
 */
export async function* readText(
  blob: Blob,
  encoding: TextEncodingName,
  blockBytes = 1 << 20,
): AsyncGenerator<{ text: string; bytesRead: number }> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  let offset = 0;
  for (let start = 0; start < blob.size; start += blockBytes) {
    const bytes = new Uint8Array(await blob.slice(start, start + blockBytes).arrayBuffer());
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8Error(offset);
    }
    offset += bytes.byteLength;
    yield { text, bytesRead: offset };
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new NotUtf8Error(offset);
  }
  if (rest !== "") yield { text: rest, bytesRead: offset };
}
