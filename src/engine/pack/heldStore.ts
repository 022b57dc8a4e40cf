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
      default: {
        const value = this.get(i);
        return typeof value === "object" || typeof value === "bigint" ? JSON.stringify(value) : undefined;
      }
    }
  }
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
  private capacity = 1024;
  ids: unknown[] = [];
  evaluated = new Uint8Array(this.capacity);
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
  ) {
    this.out = outNames.map(() => new Column(this.capacity));
    this.pop = popNames.map(() => new Column(this.capacity));
    this.input = inputNodes(tree, this.capacity);
    this.outIndex = new Map(outNames.map((n, i) => [n, i]));
    this.popIndex = new Map(popNames.map((n, i) => [n, i]));
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
    if (this.count === this.capacity) {
      this.capacity *= 2;
      for (const column of this.columns()) column.grow(this.capacity);
      const evaluated = new Uint8Array(this.capacity);
      evaluated.set(this.evaluated);
      this.evaluated = evaluated;
    }
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
