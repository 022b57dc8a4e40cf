/**
 * JSON for what a workspace stores, without loss. Plain JSON would turn `-0` into 0, `NaN` into
 * null, typed arrays (simulation results, chunked columns) into objects and drop `undefined`; these
 * become small tagged objects instead, so a backup restores exactly what IndexedDB held:
 * `{"$t": "f64", "v": "<base64>"}`, `{"$t": "num", "v": "-0"}`, `{"$t": "big", "v": "123"}`, … An
 * object that has a `$t` key of its own is wrapped (`{"$t": "obj", "v": {...}}`), so no value is
 * ever mistaken for a tag.
 */

const typedArrays = {
  i8: Int8Array,
  u8: Uint8Array,
  u8c: Uint8ClampedArray,
  i16: Int16Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
  bi64: BigInt64Array,
  bu64: BigUint64Array,
} as const;
type TypedTag = keyof typeof typedArrays;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function typedTag(value: object): TypedTag | undefined {
  for (const [tag, type] of Object.entries(typedArrays) as [TypedTag, (typeof typedArrays)[TypedTag]][])
    if (value instanceof type) return tag;
  return undefined;
}

/** A JSON-safe copy of a stored value (see the module comment). */
export function encodeValue(value: unknown): unknown {
  switch (typeof value) {
    case "number":
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return { $t: "num", v: Object.is(value, -0) ? "-0" : String(value) };
    case "bigint":
      return { $t: "big", v: value.toString() };
    case "undefined":
      return { $t: "undef" };
    case "string":
    case "boolean":
      return value;
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(encodeValue);
      if (value instanceof Date) return { $t: "date", v: value.toISOString() };
      if (value instanceof ArrayBuffer) return { $t: "buf", v: toBase64(new Uint8Array(value)) };
      if (ArrayBuffer.isView(value)) {
        const tag = typedTag(value);
        const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        if (tag) return { $t: tag, v: toBase64(bytes) };
      }
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>))
        out[key] = encodeValue(item);
      return "$t" in out ? { $t: "obj", v: out } : out;
    }
    default:
      throw new TypeError(`A ${typeof value} cannot be backed up`);
  }
}

/** Thrown when a backup's JSON holds a tag this build does not know. */
export class BackupFormatError extends Error {
  override name = "BackupFormatError";
}

/** The value {@link encodeValue} encoded. */
export function decodeValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const object = value as Record<string, unknown>;
  if (!("$t" in object)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(object)) out[key] = decodeValue(item);
    return out;
  }
  const { $t: tag, v } = object;
  const text = () => {
    if (typeof v !== "string") throw new BackupFormatError(`A "${String(tag)}" value must be a string`);
    return v;
  };
  switch (tag) {
    case "num":
      return Number(text());
    case "big":
      return BigInt(text());
    case "undef":
      return undefined;
    case "date":
      return new Date(text());
    case "buf":
      return fromBase64(text()).buffer;
    case "obj": {
      if (typeof v !== "object" || v === null || Array.isArray(v))
        throw new BackupFormatError('An "obj" value must be an object');
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) out[key] = decodeValue(item);
      return out;
    }
    default: {
      if (typeof tag === "string" && tag in typedArrays) {
        const bytes = fromBase64(text());
        const type = typedArrays[tag as TypedTag];
        if (bytes.byteLength % type.BYTES_PER_ELEMENT !== 0)
          throw new BackupFormatError(`A "${tag}" value has a length that is not a whole number of elements`);
        return new type(bytes.buffer);
      }
      throw new BackupFormatError(`Unknown value tag "${String(tag)}"`);
    }
  }
}

/** `encodeValue` then JSON. */
export const stringifyValue = (value: unknown): string => JSON.stringify(encodeValue(value));
/** JSON then `decodeValue`; throws a `SyntaxError` or a `BackupFormatError` on a bad text. */
export const parseValue = (text: string): unknown => decodeValue(JSON.parse(text));
