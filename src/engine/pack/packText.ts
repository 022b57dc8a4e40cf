/**
 * The text of a built pack file, exactly as `crw pack build` writes it and the workbench's
 * `Pack: Export` downloads it: two-space indented JSON with a final newline. One function, so the
 * two can never drift apart.
 */
export function packFileText(pack: object): string {
  return JSON.stringify(pack, null, 2) + "\n";
}
