/** An incremental 64-bit FNV-1a over UTF-16 code units, as two 32-bit halves (no BigInt per char). */
export class ContentHash {
  private h1 = 0x811c9dc5;
  private h2 = 0x050c5d1f;

  add(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The bytes of a typed array, a 32-bit word at a time (the tail byte by byte). */
  addBytes(view: ArrayBufferView): void {
    let { h1, h2 } = this;
    const words = view.byteLength >> 2;
    const aligned = view.byteOffset % 4 === 0;
    const wordView = aligned ? new Uint32Array(view.buffer, view.byteOffset, words) : undefined;
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const mix = (c: number) => {
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
    };
    if (wordView) for (let i = 0; i < words; i++) mix(wordView[i]!);
    for (let i = wordView ? words << 2 : 0; i < bytes.length; i++) mix(bytes[i]!);
    this.h1 = h1;
    this.h2 = h2;
  }

  hex(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, "0") + (this.h2 >>> 0).toString(16).padStart(8, "0");
  }
}
