/**
 * A JSON block as the embedded editor shows it: the node's text from the rule file, its continuation
 * lines moved left by the indentation they share (the depth of the node in the file), and put back on
 * commit. Lines keep their own bytes otherwise, so showing and committing an unchanged block gives the
 * file's text back exactly.
 */
export interface BlockText {
  /** The text shown (continuation lines dedented). */
  shown: string;
  /** The whitespace taken off each continuation line (empty when none was, or the lines differ in it). */
  indent: string;
}

const leading = (line: string) => /^[ \t]*/.exec(line)![0];

export function dedentBlock(text: string): BlockText {
  const lines = text.split("\n");
  const rest = lines.slice(1).filter((l) => l.trim() !== "");
  if (rest.length === 0) return { shown: text, indent: "" };
  const indent = rest.map(leading).reduce((a, b) => (b.length < a.length ? b : a));
  // Only a prefix every continuation line (blank ones aside) starts with can be taken off and put back.
  if (!indent || !rest.every((l) => l.startsWith(indent))) return { shown: text, indent: "" };
  const shown = lines
    .map((l, i) => (i === 0 ? l : l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
    .join("\n");
  // Whitespace-only lines shorter than the indent would not come back as they were: show as written.
  return reindentBlock(shown, indent) === text ? { shown, indent } : { shown: text, indent: "" };
}

/** Puts the block's indentation back on the continuation lines of what was typed (blank lines stay blank). */
export function reindentBlock(typed: string, indent: string): string {
  if (!indent) return typed;
  return typed
    .split("\n")
    .map((l, i) => (i === 0 || l.trim() === "" ? l : indent + l))
    .join("\n");
}
