/**
 * Columnar storage of the records a run holds for its population passes (see {@link runPack}): every
 * `out.<id>` and `pop.<name>`, and every record field the later steps read, is a {@link Column}
 * backed by a Float64Array and a Uint8Array of tags. A million records with sixteen outputs take
 * about 150 MB here, where objects per record took over 700 MB, and typed arrays are never traced by
 * the garbage collector, so holding them costs no collection time.
 *
 * The store keeps exactly what the objects held: a cell is a number, `null`, a boolean, a string
 * (interned per column), a field that is absent, an object that later steps read into (its members
 * are cells of child columns), or any other value by reference. Contexts rebuilt from it have the
 * same keys in the same order and the same values as the projected records they replace.
 */
import type { PathTree } from "./projection";
import type { RecordError } from "./prepare";

const NUM = 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;
const STR = 4;
const OTHER = 5;
/** The field is not an own member of its parent (only input columns). */
export const ABSENT = 6;
/** The field is a plain object whose read members are child columns (only input columns). */
export const OBJECT = 7;
/** A string kept by reference (columns of mostly distinct strings, such as ids). */
const REF = 8;

/** Distinct strings a column interns; later new strings are kept by reference. */
const INTERN_LIMIT = 4096;

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** One value per record, primitives unboxed. */
export class Column {
  nums: Float64Array;
  tags: Uint8Array;
  private strings: string[] = [];
  /** JSON text of each interned string, made when first written out. */
  private stringTexts: (string | undefined)[] = [];
  private stringIndex = new Map<string, number>();
  private others = new Map<number, unknown>();
  /** Strings past the intern limit, by record; allocated on first use. */
  private refs: string[] | undefined;

  constructor(capacity: number) {
    this.nums = new Float64Array(capacity);
    this.tags = new Uint8Array(capacity).fill(NULL);
  }

  grow(capacity: number): void {
    const nums = new Float64Array(capacity);
    nums.set(this.nums);
    const tags = new Uint8Array(capacity).fill(NULL);
    tags.set(this.tags);
    this.nums = nums;
    this.tags = tags;
    if (this.refs) {
      const refs = new Array<string>(capacity);
      for (let i = 0; i < this.refs.length; i++) if (this.tags[i] === REF) refs[i] = this.refs[i]!;
      this.refs = refs;
    }
  }

  set(i: number, value: unknown): void {
    switch (typeof value) {
      case "number":
        this.tags[i] = NUM;
        this.nums[i] = value;
        return;
      case "boolean":
        this.tags[i] = value ? TRUE : FALSE;
        return;
      case "string": {
        let index = this.stringIndex.get(value);
        if (index === undefined && this.strings.length >= INTERN_LIMIT) {
          (this.refs ??= new Array<string>(this.tags.length))[i] = value;
          this.tags[i] = REF;
          return;
        }
        if (index === undefined) {
          index = this.strings.length;
          this.strings.push(value);
          this.stringIndex.set(value, index);
        }
        this.tags[i] = STR;
        this.nums[i] = index;
        return;
      }
      default:
        if (value === null) {
          this.tags[i] = NULL;
          return;
        }
        this.tags[i] = OTHER;
        this.others.set(i, value);
    }
  }

  /** The first `count` cells, for moving them to another thread (structured clone, buffers transferable). */
  toData(count: number): ColumnData {
    const refs: [number, string][] = [];
    const others: [number, unknown][] = [];
    for (let i = 0; i < count; i++) {
      if (this.tags[i] === REF) refs.push([i, this.refs![i]!]);
      else if (this.tags[i] === OTHER) others.push([i, this.others.get(i)]);
    }
    return {
      nums: this.nums.slice(0, count),
      tags: this.tags.slice(0, count),
      strings: this.strings,
      refs,
      others,
    };
  }

  /** Copies the cells of `data` to cells `at`, `at + 1`, …; the caller has made room. */
  append(at: number, data: ColumnData): void {
    this.nums.set(data.nums, at);
    this.tags.set(data.tags, at);
    for (let i = 0; i < data.tags.length; i++) {
      const tag = data.tags[i]!;
      if (tag === STR) this.set(at + i, data.strings[data.nums[i]!]);
    }
    for (const [i, value] of data.refs) this.set(at + i, value);
    for (const [i, value] of data.others) this.set(at + i, value);
  }

  /** Marks a structural cell (input columns): {@link ABSENT} or {@link OBJECT}. */
  mark(i: number, tag: typeof ABSENT | typeof OBJECT): void {
    this.tags[i] = tag;
  }

  /** The value of cell `i` (`undefined` for an absent or object cell, which callers handle). */
  get(i: number): unknown {
    switch (this.tags[i]) {
      case NUM:
        return this.nums[i];
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case STR:
        return this.strings[this.nums[i]!];
      case REF:
        return this.refs![i];
      case OTHER:
        return this.others.get(i);
      default:
        return undefined;
    }
  }

  /** The cell as JSON.stringify writes a member value; `undefined` where it leaves the member out. */
  text(i: number): string | undefined {
    switch (this.tags[i]) {
      case NUM: {
        const n = this.nums[i]!;
        return Number.isFinite(n) ? String(n) : "null";
      }
      case NULL:
        return "null";
      case FALSE:
        return "false";
      case TRUE:
        return "true";
      case STR: {
        const index = this.nums[i]!;
        return (this.stringTexts[index] ??= JSON.stringify(this.strings[index]));
      }
      case REF:
        return JSON.stringify(this.refs![i]);
      default: {
        const value = this.get(i);
        return typeof value === "object" || typeof value === "bigint" ? JSON.stringify(value) : undefined;
      }
    }
  }
}

/** A column's cells as plain data (see {@link Column.toData}). */
export interface ColumnData {
  nums: Float64Array;
  tags: Uint8Array;
  strings: string[];
  refs: [number, string][];
  others: [number, unknown][];
}

/** Held records as plain data, to be appended to the store of the same pack on another thread. */
export interface HeldData {
  count: number;
  ids: unknown[];
  evaluated: Uint8Array;
  errors: [number, RecordError[]][];
  /** Columns in {@link HeldStore} order: out, pop, then input fields depth first. */
  columns: ColumnData[];
}

/** A field of the records that later steps read: its column and the columns of its read members. */
export interface InputNode {
  key: string;
  column: Column;
  /** Set when the projection reads into the field (an object there becomes an {@link OBJECT} cell). */
  children?: InputNode[];
}

function inputNodes(tree: PathTree, capacity: number): InputNode[] {
  return [...tree].map(([key, sub]) => ({
    key,
    column: new Column(capacity),
    ...(sub === true ? {} : { children: inputNodes(sub, capacity) }),
  }));
}

/** Held records, columnar: ids, whether each is evaluated, errors, outputs and read fields. */
export class HeldStore {
  count = 0;
  private capacity: number;
  ids: unknown[] = [];
  evaluated: Uint8Array;
  /** Errors of the records that have any, by index. */
  errors = new Map<number, RecordError[]>();
  readonly out: Column[];
  readonly pop: Column[];
  readonly input: InputNode[];
  readonly outIndex: Map<string, number>;
  readonly popIndex: Map<string, number>;

  constructor(
    readonly outNames: readonly string[],
    readonly popNames: readonly string[],
    tree: PathTree,
    /** Records expected: sizing the columns once avoids copying them as they double. */
    expected = 1024,
  ) {
    this.capacity = Math.max(16, Math.ceil(expected));
    this.evaluated = new Uint8Array(this.capacity);
    this.out = outNames.map(() => new Column(this.capacity));
    this.pop = popNames.map(() => new Column(this.capacity));
    this.input = inputNodes(tree, this.capacity);
    this.outIndex = new Map(outNames.map((n, i) => [n, i]));
    this.popIndex = new Map(popNames.map((n, i) => [n, i]));
  }

  /** Everything held, as plain data; typed arrays listed in `transfer` for postMessage. */
  toData(): { data: HeldData; transfer: ArrayBuffer[] } {
    const columns = this.columns().map((c) => c.toData(this.count));
    const data: HeldData = {
      count: this.count,
      ids: this.ids.slice(0, this.count),
      evaluated: this.evaluated.slice(0, this.count),
      errors: [...this.errors],
      columns,
    };
    const transfer = [data.evaluated.buffer, ...columns.flatMap((c) => [c.nums.buffer, c.tags.buffer])];
    return { data, transfer: transfer as ArrayBuffer[] };
  }

  /** Appends records held by a store of the same pack (another thread's part of the input). */
  append(data: HeldData): void {
    const at = this.count;
    this.reserve(at + data.count);
    this.count = at + data.count;
    for (let i = 0; i < data.count; i++) this.ids[at + i] = data.ids[i];
    this.evaluated.set(data.evaluated, at);
    for (const [i, errors] of data.errors) this.errors.set(at + i, errors);
    this.columns().forEach((column, c) => column.append(at, data.columns[c]!));
  }

  private reserve(needed: number): void {
    if (needed <= this.capacity) return;
    while (this.capacity < needed) this.capacity *= 2;
    for (const column of this.columns()) column.grow(this.capacity);
    const evaluated = new Uint8Array(this.capacity);
    evaluated.set(this.evaluated);
    this.evaluated = evaluated;
  }

  private columns(): Column[] {
    const all = [...this.out, ...this.pop];
    const visit = (nodes: InputNode[]) =>
      nodes.forEach((n) => {
        all.push(n.column);
        if (n.children) visit(n.children);
      });
    visit(this.input);
    return all;
  }

  /** Room for one more record; returns its index. */
  add(): number {
    if (this.count === this.capacity) this.reserve(this.count + 1);
    return this.count++;
  }

  /** Stores the fields of `record` that later steps read, as the projection would copy them. */
  putInput(i: number, record: Record<string, unknown>, nodes: InputNode[] = this.input): void {
    for (const node of nodes) {
      if (!hasOwn(record, node.key)) {
        node.column.mark(i, ABSENT);
        continue;
      }
      const item = record[node.key];
      if (node.children && typeof item === "object" && item !== null && !Array.isArray(item)) {
        node.column.mark(i, OBJECT);
        this.putInput(i, item as Record<string, unknown>, node.children);
      } else node.column.set(i, item);
    }
  }

  /** The projected record `i` rebuilt: the same keys in the same order and the same values. */
  inputObject(i: number, nodes: InputNode[] = this.input): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const node of nodes) {
      const tag = node.column.tags[i];
      if (tag === ABSENT) continue;
      object[node.key] = tag === OBJECT ? this.inputObject(i, node.children) : node.column.get(i);
    }
    return object;
  }

  /** Sets every member of `object` (a copy of the template) to record `i`'s cells of `columns`. */
  fill(object: Record<string, unknown>, columns: readonly Column[], i: number): void {
    const names = columns === this.out ? this.outNames : this.popNames;
    for (let c = 0; c < columns.length; c++) object[names[c]!] = columns[c]!.get(i);
  }

  /**
   * `out` or `pop` of record `i`: a copy of the run's template (every name in the pack's order, as
   * own data members even for a name like `__proto__`) with the cells' values.
   */
  valuesObject(
    columns: readonly Column[],
    template: Record<string, null>,
    i: number,
  ): Record<string, unknown> {
    const object: Record<string, unknown> = { ...template };
    const names = columns === this.out ? this.outNames : this.popNames;
    for (let c = 0; c < columns.length; c++) object[names[c]!] = columns[c]!.get(i);
    return object;
  }
}
