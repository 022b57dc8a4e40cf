/**
 * A streaming CSV parser (RFC 4180): fields separated by commas, quoted fields may hold commas,
 * doubled quotes and line breaks; rows end at `\n`, `\r\n` or `\r`. Text goes in block by block (a
 * block may end anywhere, inside a quoted field too) and complete rows come out with the 1-based
 * line they start on, so a problem names the line a user sees in an editor.
 */
export interface CsvRow {
  fields: string[];
  line: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvParser {
  private field = "";
  private fields: string[] = [];
  private quoted = false;
  /** Inside quotes; a quote seen there may be the first of a doubled pair. */
  private inQuotes = false;
  private quoteSeen = false;
  private line = 1;
  private rowLine = 1;
  private pendingCr = false;
  private rowHasContent = false;

  /** Parses a block; returns the rows it completed. */
  push(text: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            // A doubled quote: one quote character; the field text resumes after it.
            this.field += '"';
            start = i + 1;
            continue;
          }
          // The quote before closed the field.
          this.inQuotes = false;
        } else {
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            start = i + 1;
            this.quoteSeen = true;
          } else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
            this.line++;
          }
          continue;
        }
      }
      if (c === COMMA) {
        this.field += text.slice(start, i);
        this.fields.push(this.field);
        this.field = "";
        this.quoted = false;
        this.rowHasContent = true;
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.field += text.slice(start, i);
        this.endRow(rows);
        this.line++;
        this.rowLine = this.line;
        if (c === CR) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === LF) i++;
          } else this.pendingCr = true;
        }
        start = i + 1;
      } else if (c === QUOTE && !this.quoted && this.field === "" && start === i) {
        this.quoted = true;
        this.inQuotes = true;
        start = i + 1;
      } else {
        this.rowHasContent = true;
      }
    }
    // A block that ends right after a quote inside quotes leaves `quoteSeen` for the next block's
    // first character to decide (a doubled quote, or the end of the field).
    this.field += text.slice(start);
    return rows;
  }

  /** Ends the input: the last row, if it had no line break after it. */
  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.inQuotes = false;
    }
    if (this.rowHasContent || this.field !== "" || this.fields.length > 0 || this.quoted) this.endRow(rows);
    return rows;
  }

  /** True while an opening quote has not been closed (at the end: a malformed file). */
  get unterminatedQuote(): boolean {
    return this.inQuotes && !this.quoteSeen;
  }

  private endRow(rows: CsvRow[]): void {
    const empty = this.fields.length === 0 && this.field === "" && !this.quoted;
    if (!empty) {
      this.fields.push(this.field);
      rows.push({ fields: this.fields, line: this.rowLine });
    }
    this.fields = [];
    this.field = "";
    this.quoted = false;
    this.rowHasContent = false;
  }
}

/** Parses a whole text (tests, small files). */
export function parseCsv(text: string): CsvRow[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}
