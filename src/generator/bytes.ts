/**
 * A growing UTF-8 byte buffer with writers whose output equals what JavaScript's own conversions give:
 * `writeNumber` writes `String(n)`, `writeUtf8` the UTF-8 encoding of a string (lone surrogates as
 * U+FFFD, like TextEncoder and Node's Buffer), `writeJsonNumber` and `writeJsonString` what
 * `JSON.stringify` writes, and `writeCsvCell` an RFC 4180 cell. Common values take fast paths (integers digit by digit,
 * short decimals from their scaled integer, plain strings char by char); anything else falls back to
 * the built-in conversion, so the text never differs.
 */

/** Largest integer written digit by digit; beyond it String(n) decides the format. */
const MAX_DIGITS_INT = Number.MAX_SAFE_INTEGER;
/** Scaled integers below this have a unique shortest decimal with their number of places. */
const MAX_SCALED = 2 ** 50;
/** Powers of ten up to 10^16 (all exact); decimals use places 1–6. */
const POW10 = Array.from({ length: 17 }, (_, i) => 10 ** i);
const MAX_PLACES = 6;

export class Utf8Buffer {
  private buf: Uint8Array;
  /** A view of the current buffer, for writing literal bytes four at a time. */
  private dataView: DataView;
  /** Write position: bytes written since the last `take`. */
  pos = 0;
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = Math.max(64, capacity);
    this.buf = new Uint8Array(this.capacity);
    this.dataView = new DataView(this.buf.buffer);
  }

  /** A DataView of the buffer that `room` returned last (valid until the next `room` or `take`). */
  get view(): DataView {
    return this.dataView;
  }

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.pos;
  }

  /** Buffers handed back with `reuse`, written out and free to overwrite. */
  private readonly spare: ArrayBuffer[] = [];

  /**
   * Returns the bytes written and starts over in a free buffer: one handed back with `reuse`, else a new
   * one. The returned bytes are never touched again unless their buffer is handed back.
   */
  take(): Uint8Array {
    const bytes = this.buf.subarray(0, this.pos);
    const size = Math.max(this.capacity, this.pos);
    const spare = this.spare.pop();
    this.buf = spare !== undefined && spare.byteLength >= size ? new Uint8Array(spare) : new Uint8Array(size);
    this.dataView = new DataView(this.buf.buffer);
    this.pos = 0;
    return bytes;
  }

  /**
   * Hands back the buffer of bytes returned by `take` once they have been written out, so the next
   * `take` reuses it: a million records then cycle through a few buffers instead of gigabytes of fresh,
   * zeroed memory.
   */
  reuse(bytes: Uint8Array): void {
    if (bytes.buffer !== this.buf.buffer && bytes.buffer instanceof ArrayBuffer)
      this.spare.push(bytes.buffer);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.buf.length, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
    this.dataView = new DataView(bigger.buffer);
  }

  /** Makes room for `n` more bytes and returns the buffer to write them into, from `pos` on. */
  room(n: number): Uint8Array {
    this.ensure(n);
    return this.buf;
  }

  /** The UTF-8 bytes of a string, for literal pieces written many times. */
  encode(text: string): Uint8Array {
    const start = this.pos;
    this.string(text);
    const bytes = this.buf.slice(start, this.pos);
    this.pos = start;
    return bytes;
  }

  /** Appends bytes. */
  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Appends the UTF-8 encoding of a string. */
  string(text: string): void {
    this.ensure(3 * text.length);
    this.pos = writeUtf8(this.buf, this.pos, text);
  }

  /** Appends `String(value)`. */
  number(value: number): void {
    this.ensure(32);
    this.pos = writeNumber(this.buf, this.pos, value);
  }
}

/** "00" … "99" as ASCII byte pairs. */
const PAIRS = Uint8Array.from(
  { length: 200 },
  (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10),
);

/** Decimal digits of a non-negative integer below 2^53. */
function digitCount(v: number): number {
  if (v < 1e8) {
    if (v < 1e4) return v < 100 ? (v < 10 ? 1 : 2) : v < 1e3 ? 3 : 4;
    return v < 1e6 ? (v < 1e5 ? 5 : 6) : v < 1e7 ? 7 : 8;
  }
  let n = 9;
  for (let p = 1e9; v >= p; p *= 10) n += 1;
  return n;
}

/** Writes a non-negative integer below 2^53 as exactly `n` digits (zero-padded) ending at pos + n. */
function writeDigits(buf: Uint8Array, pos: number, value: number, n: number): number {
  const end = pos + n;
  let i = end;
  let v = value;
  while (v >= 2 ** 31) {
    const q = Math.floor(v / 10);
    buf[--i] = 48 + (v - 10 * q);
    v = q;
  }
  let x = v | 0;
  while (i - pos >= 2) {
    const q = (x / 100) | 0;
    const r = 2 * (x - 100 * q);
    buf[--i] = PAIRS[r + 1] as number;
    buf[--i] = PAIRS[r] as number;
    x = q;
  }
  if (i > pos) buf[--i] = 48 + (x % 10);
  return end;
}

/** Writes `String(value)` at `pos` and returns the position after it. Needs 32 bytes of room. */
export function writeNumber(buf: Uint8Array, pos: number, value: number): number {
  const end = writeShortNumber(buf, pos, value);
  return end >= 0 ? end : writeAscii(buf, pos, String(value));
}

/** `JSON.stringify(value)` for a number: String(n), or null when not finite. Needs 32 bytes of room. */
export function writeJsonNumber(buf: Uint8Array, pos: number, value: number): number {
  return Number.isFinite(value) ? writeNumber(buf, pos, value) : writeAscii(buf, pos, "null");
}

function writeAscii(buf: Uint8Array, pos: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) buf[pos++] = text.charCodeAt(i);
  return pos;
}

/** Bytes that writeJsonString or writeCsvCell may need for a string (escapes, quotes, UTF-8). */
export function stringRoom(text: string): number {
  return 6 * text.length + 8;
}

/**
 * Writes `String(value)` at `pos` and returns the position after it, or −1 when the value takes no
 * fast path (String(value) then decides).
 */
function writeShortNumber(buf: Uint8Array, pos: number, value: number): number {
  if (Number.isInteger(value)) {
    if (value > MAX_DIGITS_INT || value < -MAX_DIGITS_INT) return -1;
    // −0 prints as "0".
    if (value < 0) buf[pos++] = 45;
    const v = Math.abs(value);
    return writeDigits(buf, pos, v, digitCount(v));
  }
  if (!Number.isFinite(value)) return -1;
  // A value that is exactly the double nearest k / 10^d (|k| < 2^50) prints as k with d decimals: that
  // decimal round-trips, and no shorter one lies within half an ulp of it. The first d that fits has no
  // trailing zero (a multiple of 10 would have fitted at d − 1).
  for (let d = 1; d <= MAX_PLACES; d += 1) {
    const p = POW10[d] as number;
    const k = Math.round(value * p);
    if (k / p !== value) continue;
    if (k >= MAX_SCALED || k <= -MAX_SCALED) return -1;
    if (k < 0) buf[pos++] = 45;
    const scaled = Math.abs(k);
    const whole = Math.floor(scaled / p);
    pos = writeDigits(buf, pos, whole, digitCount(whole));
    buf[pos++] = 46;
    return writeDigits(buf, pos, scaled - whole * p, d);
  }
  return -1;
}

/** Writes the UTF-8 encoding of a string (lone surrogates as U+FFFD); needs 3 bytes per char. */
export function writeUtf8(buf: Uint8Array, pos: number, text: string): number {
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
      continue;
    }
    if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i += 1;
        buf[pos++] = 0xf0 | (c >> 18);
        buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    buf[pos++] = 0xe0 | (c >> 12);
    buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
    buf[pos++] = 0x80 | (c & 0x3f);
  }
  return pos;
}

/** Writes `JSON.stringify(text)`; needs stringRoom(text) bytes. */
export function writeJsonString(buf: Uint8Array, pos: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // Quote, backslash and controls are escaped; surrogates are escaped when they are lone.
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff))
      return writeUtf8(buf, pos, JSON.stringify(text));
  }
  buf[pos++] = 34;
  pos = writeUtf8(buf, pos, text);
  buf[pos++] = 34;
  return pos;
}

/** Writes an RFC 4180 cell, quoted (quotes doubled) only when it holds `"`, `,`, CR or LF; needs stringRoom(text) bytes. */
export function writeCsvCell(buf: Uint8Array, pos: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10)
      return writeUtf8(buf, pos, `"${text.replace(/"/g, '""')}"`);
  }
  return writeUtf8(buf, pos, text);
}
