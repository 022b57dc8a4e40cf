/**
 * The few host globals the engine relies on, declared here because the engine is typechecked without
 * the DOM library (src/engine/tsconfig.json) to prove it runs unchanged in Node 20 and in Web Workers.
 * Both hosts provide these with exactly these shapes.
 */
declare global {
  interface EngineSubtleCrypto {
    digest(algorithm: "SHA-256", data: Uint8Array): Promise<ArrayBuffer>;
  }
  var crypto: { readonly subtle: EngineSubtleCrypto };
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean });
    decode(input?: Uint8Array, options?: { stream?: boolean }): string;
  }
  var console: {
    log(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    error(...args: unknown[]): void;
  };
}
export {};
