/**
 * The operator specs: one description per supported operator, read by the validator (arity), the
 * compiler (allow-list, via {@link isOperatorName}), and later by Monaco completion and hover and by
 * the visual builder. Typed against the exhaustive {@link OperatorName} union, so adding an operator
 * without a spec (or a spec without an operator) fails to compile.
 */
import type { LocalizedText } from "../../base";
import type { OperatorName } from "./operatorNames";

export type { OperatorName } from "./operatorNames";

export type OperatorCategory = "data" | "logic" | "comparison" | "arithmetic" | "string" | "array" | "debug";

export interface OperatorSpec {
  label: LocalizedText;
  category: OperatorCategory;
  /** Operand count that makes sense; json-logic-js ignores extras and fills missing ones with undefined. */
  arity: { min: number; max?: number };
  docs: LocalizedText;
  /** A Monaco snippet (TextMate syntax: `${1:placeholder}`) inserting the whole operation. */
  snippet: string;
  /** Evaluates to `result` on the reference; a test checks every one. */
  example: { logic: unknown; data: unknown; result: unknown };
}

const v = (path: string) => ({ var: path });

export const operatorSpecs = {
  var: {
    label: { en: "Read a field", "zh-CN": "读取字段" },
    category: "data",
    arity: { min: 0, max: 2 },
    docs: {
      en: 'Reads a dotted path from the data ("sales.net_ytd"); the optional second operand is the default when the key is missing (not when it is null). Only own fields are read.',
      "zh-CN":
        "按点分路径读取数据（如 sales.net_ytd）；可选的第二个参数是字段缺失时的默认值（字段为 null 时不生效）。只读取数据自身的字段。",
    },
    snippet: '{ "var": "${1:path}" }',
    example: { logic: { var: ["sales.net_ytd", 0] }, data: { sales: { net_ytd: 1200 } }, result: 1200 },
  },
  missing: {
    label: { en: "Missing fields", "zh-CN": "缺失字段" },
    category: "data",
    arity: { min: 1 },
    docs: {
      en: "Lists the given paths whose value is missing, null or the empty string.",
      "zh-CN": "列出值缺失、为 null 或空字符串的路径。",
    },
    snippet: '{ "missing": ["${1:path}"] }',
    example: { logic: { missing: ["a", "b"] }, data: { a: 1 }, result: ["b"] },
  },
  missing_some: {
    label: { en: "Missing some fields", "zh-CN": "部分字段缺失" },
    category: "data",
    arity: { min: 2, max: 2 },
    docs: {
      en: "Empty when at least the given number of the listed paths are present; otherwise the missing ones.",
      "zh-CN": "若列出的路径中至少有指定数量存在则返回空列表，否则返回缺失的路径。",
    },
    snippet: '{ "missing_some": [${1:1}, ["${2:path}"]] }',
    example: { logic: { missing_some: [1, ["a", "b"]] }, data: { b: 2 }, result: [] },
  },
  if: {
    label: { en: "If / else if / else", "zh-CN": "条件分支" },
    category: "logic",
    arity: { min: 1 },
    docs: {
      en: "Condition, value, [condition, value]..., else. Only the taken branch is evaluated; without an else the result is null.",
      "zh-CN": "条件、值、[条件、值]……、否则值。只计算命中的分支；没有否则值时结果为 null。",
    },
    snippet: '{ "if": [${1:condition}, ${2:then}, ${3:else}] }',
    example: { logic: { if: [{ "<": [v("x"), 10] }, "small", "large"] }, data: { x: 3 }, result: "small" },
  },
  "?:": {
    label: { en: "Ternary", "zh-CN": "三元条件" },
    category: "logic",
    arity: { min: 1 },
    docs: { en: "The same as if.", "zh-CN": "与 if 相同。" },
    snippet: '{ "?:": [${1:condition}, ${2:then}, ${3:else}] }',
    example: { logic: { "?:": [true, 1, 2] }, data: {}, result: 1 },
  },
  and: {
    label: { en: "And", "zh-CN": "并且" },
    category: "logic",
    arity: { min: 1 },
    docs: {
      en: "Returns the first falsy operand, or the last one; stops at the first falsy. An empty array is falsy.",
      "zh-CN": "返回第一个假值操作数，否则返回最后一个；遇到假值即停止。空数组为假。",
    },
    snippet: '{ "and": [${1:a}, ${2:b}] }',
    example: { logic: { and: [true, 0, 5] }, data: {}, result: 0 },
  },
  or: {
    label: { en: "Or", "zh-CN": "或者" },
    category: "logic",
    arity: { min: 1 },
    docs: {
      en: "Returns the first truthy operand, or the last one; stops at the first truthy.",
      "zh-CN": "返回第一个真值操作数，否则返回最后一个；遇到真值即停止。",
    },
    snippet: '{ "or": [${1:a}, ${2:b}] }',
    example: { logic: { or: [0, "", "x"] }, data: {}, result: "x" },
  },
  "!": {
    label: { en: "Not", "zh-CN": "非" },
    category: "logic",
    arity: { min: 1, max: 1 },
    docs: {
      en: "True when the operand is falsy (an empty array is falsy).",
      "zh-CN": "操作数为假时为真（空数组为假）。",
    },
    snippet: '{ "!": [${1:value}] }',
    example: { logic: { "!": [[]] }, data: {}, result: true },
  },
  "!!": {
    label: { en: "To boolean", "zh-CN": "转为布尔" },
    category: "logic",
    arity: { min: 1, max: 1 },
    docs: {
      en: "The operand's truthiness as true or false.",
      "zh-CN": "把操作数的真假转换为 true 或 false。",
    },
    snippet: '{ "!!": [${1:value}] }',
    example: { logic: { "!!": ["0"] }, data: {}, result: true },
  },
  "==": {
    label: { en: "Equals (loose)", "zh-CN": "等于（宽松）" },
    category: "comparison",
    arity: { min: 2, max: 2 },
    docs: {
      en: 'JavaScript loose equality: 1 == "1" is true. Prefer === for portable rules.',
      "zh-CN": 'JavaScript 宽松相等：1 == "1" 为真。可移植的规则请用 ===。',
    },
    snippet: '{ "==": [${1:a}, ${2:b}] }',
    example: { logic: { "==": [1, "1"] }, data: {}, result: true },
  },
  "===": {
    label: { en: "Equals", "zh-CN": "严格等于" },
    category: "comparison",
    arity: { min: 2, max: 2 },
    docs: { en: "Strict equality: same type and value.", "zh-CN": "严格相等：类型与值都相同。" },
    snippet: '{ "===": [${1:a}, ${2:b}] }',
    example: { logic: { "===": [v("tier"), "gold"] }, data: { tier: "gold" }, result: true },
  },
  "!=": {
    label: { en: "Not equal (loose)", "zh-CN": "不等于（宽松）" },
    category: "comparison",
    arity: { min: 2, max: 2 },
    docs: { en: "JavaScript loose inequality. Prefer !==.", "zh-CN": "JavaScript 宽松不等。建议使用 !==。" },
    snippet: '{ "!=": [${1:a}, ${2:b}] }',
    example: { logic: { "!=": [1, "1"] }, data: {}, result: false },
  },
  "!==": {
    label: { en: "Not equal", "zh-CN": "严格不等于" },
    category: "comparison",
    arity: { min: 2, max: 2 },
    docs: { en: "Strict inequality.", "zh-CN": "严格不等。" },
    snippet: '{ "!==": [${1:a}, ${2:b}] }',
    example: { logic: { "!==": [1, "1"] }, data: {}, result: true },
  },
  ">": {
    label: { en: "Greater than", "zh-CN": "大于" },
    category: "comparison",
    arity: { min: 2, max: 2 },
    docs: { en: "a > b, with JavaScript coercion.", "zh-CN": "a > b，按 JavaScript 规则转换类型。" },
    snippet: '{ ">": [${1:a}, ${2:b}] }',
    example: { logic: { ">": [v("x"), 0] }, data: { x: 2 }, result: true },
  },
  ">=": {
    label: { en: "At least", "zh-CN": "大于等于" },
    category: "comparison",
    arity: { min: 2, max: 2 },
    docs: { en: "a >= b, with JavaScript coercion.", "zh-CN": "a >= b，按 JavaScript 规则转换类型。" },
    snippet: '{ ">=": [${1:a}, ${2:b}] }',
    example: { logic: { ">=": [v("rate"), 0.9] }, data: { rate: 0.93 }, result: true },
  },
  "<": {
    label: { en: "Less than", "zh-CN": "小于" },
    category: "comparison",
    arity: { min: 2, max: 3 },
    docs: {
      en: "a < b; with three operands, a < b < c (exclusive between).",
      "zh-CN": "a < b；三个操作数时表示 a < b < c（开区间）。",
    },
    snippet: '{ "<": [${1:a}, ${2:b}] }',
    example: { logic: { "<": [0, v("x"), 10] }, data: { x: 5 }, result: true },
  },
  "<=": {
    label: { en: "At most", "zh-CN": "小于等于" },
    category: "comparison",
    arity: { min: 2, max: 3 },
    docs: {
      en: "a <= b; with three operands, a <= b <= c (inclusive between).",
      "zh-CN": "a <= b；三个操作数时表示 a <= b <= c（闭区间）。",
    },
    snippet: '{ "<=": [${1:a}, ${2:b}] }',
    example: { logic: { "<=": [1, 1, 2] }, data: {}, result: true },
  },
  "+": {
    label: { en: "Add", "zh-CN": "加" },
    category: "arithmetic",
    arity: { min: 1 },
    docs: {
      en: 'Sum after parseFloat of every operand: "3" counts as 3, null as NaN. One operand casts to a number.',
      "zh-CN": '对每个操作数 parseFloat 后求和："3" 视为 3，null 得到 NaN。单个操作数即转为数字。',
    },
    snippet: '{ "+": [${1:a}, ${2:b}] }',
    example: { logic: { "+": [1, "2.5", v("x")] }, data: { x: 3 }, result: 6.5 },
  },
  "-": {
    label: { en: "Subtract", "zh-CN": "减" },
    category: "arithmetic",
    arity: { min: 1, max: 2 },
    docs: {
      en: "a - b; with one operand, its negation. Operands past the second are ignored.",
      "zh-CN": "a - b；单个操作数时取负。第二个之后的操作数被忽略。",
    },
    snippet: '{ "-": [${1:a}, ${2:b}] }',
    example: { logic: { "-": [10, 4] }, data: {}, result: 6 },
  },
  "*": {
    label: { en: "Multiply", "zh-CN": "乘" },
    category: "arithmetic",
    arity: { min: 2 },
    docs: {
      en: "Product after parseFloat of every operand. With a single operand it is returned unchanged.",
      "zh-CN": "对每个操作数 parseFloat 后求积。只有一个操作数时原样返回。",
    },
    snippet: '{ "*": [${1:a}, ${2:b}] }',
    example: { logic: { "*": [v("base"), 0.015] }, data: { base: 5400000 }, result: 81000 },
  },
  "/": {
    label: { en: "Divide", "zh-CN": "除" },
    category: "arithmetic",
    arity: { min: 2, max: 2 },
    docs: {
      en: "a / b. Dividing by zero gives Infinity or NaN: guard the divisor.",
      "zh-CN": "a / b。除以零得到 Infinity 或 NaN：请先判断除数。",
    },
    snippet: '{ "/": [${1:a}, ${2:b}] }',
    example: { logic: { "/": [9, 3] }, data: {}, result: 3 },
  },
  "%": {
    label: { en: "Remainder", "zh-CN": "取余" },
    category: "arithmetic",
    arity: { min: 2, max: 2 },
    docs: { en: "a % b (the sign follows a).", "zh-CN": "a % b（符号与 a 相同）。" },
    snippet: '{ "%": [${1:a}, ${2:b}] }',
    example: { logic: { "%": [7, 3] }, data: {}, result: 1 },
  },
  min: {
    label: { en: "Minimum", "zh-CN": "最小值" },
    category: "arithmetic",
    arity: { min: 1 },
    docs: {
      en: "The smallest operand; of nothing, Infinity.",
      "zh-CN": "最小的操作数；没有操作数时为 Infinity。",
    },
    snippet: '{ "min": [${1:a}, ${2:b}] }',
    example: { logic: { min: [3, 1, 2] }, data: {}, result: 1 },
  },
  max: {
    label: { en: "Maximum", "zh-CN": "最大值" },
    category: "arithmetic",
    arity: { min: 1 },
    docs: {
      en: "The largest operand; of nothing, -Infinity.",
      "zh-CN": "最大的操作数；没有操作数时为 -Infinity。",
    },
    snippet: '{ "max": [${1:a}, ${2:b}] }',
    example: { logic: { max: [0, { "-": [v("x"), 100] }] }, data: { x: 40 }, result: 0 },
  },
  cat: {
    label: { en: "Concatenate", "zh-CN": "拼接" },
    category: "string",
    arity: { min: 1 },
    docs: {
      en: "Joins the operands as text; null becomes empty, arrays are joined with commas.",
      "zh-CN": "把操作数拼接为文本；null 为空，数组以逗号连接。",
    },
    snippet: '{ "cat": [${1:a}, ${2:b}] }',
    example: { logic: { cat: ["band_", 3] }, data: {}, result: "band_3" },
  },
  substr: {
    label: { en: "Substring", "zh-CN": "子串" },
    category: "string",
    arity: { min: 2, max: 3 },
    docs: {
      en: "Text from a start index, with an optional length; negative values count from the end.",
      "zh-CN": "从起始位置截取文本，可指定长度；负数表示从末尾计算。",
    },
    snippet: '{ "substr": [${1:text}, ${2:start}, ${3:length}] }',
    example: { logic: { substr: ["2026-11-22", 0, 7] }, data: {}, result: "2026-11" },
  },
  in: {
    label: { en: "Contains", "zh-CN": "包含" },
    category: "string",
    arity: { min: 2, max: 2 },
    docs: {
      en: "Whether a is an element of the array b, or a substring of the text b.",
      "zh-CN": "a 是否为数组 b 的元素，或文本 b 的子串。",
    },
    snippet: '{ "in": [${1:needle}, ${2:haystack}] }',
    example: { logic: { in: [v("tier"), ["gold", "platinum"]] }, data: { tier: "gold" }, result: true },
  },
  merge: {
    label: { en: "Merge arrays", "zh-CN": "合并数组" },
    category: "array",
    arity: { min: 1 },
    docs: {
      en: "One array of all operands, flattened one level.",
      "zh-CN": "把所有操作数合并为一个数组（展开一层）。",
    },
    snippet: '{ "merge": [${1:a}, ${2:b}] }',
    example: { logic: { merge: [[1, 2], 3] }, data: {}, result: [1, 2, 3] },
  },
  map: {
    label: { en: "Map", "zh-CN": "映射" },
    category: "array",
    arity: { min: 2, max: 2 },
    docs: {
      en: 'Applies the logic to each element; inside, {"var":""} is the element and outer data is not visible.',
      "zh-CN": '对每个元素应用逻辑；在内部 {"var":""} 表示元素本身，外层数据不可见。',
    },
    snippet: '{ "map": [${1:array}, ${2:logic}] }',
    example: { logic: { map: [v("q"), { "*": [v(""), 2] }] }, data: { q: [1, 2] }, result: [2, 4] },
  },
  filter: {
    label: { en: "Filter", "zh-CN": "筛选" },
    category: "array",
    arity: { min: 2, max: 2 },
    docs: {
      en: "Keeps the elements for which the logic is truthy; the element is the whole data inside.",
      "zh-CN": "保留使逻辑为真的元素；在内部元素即全部数据。",
    },
    snippet: '{ "filter": [${1:array}, ${2:logic}] }',
    example: { logic: { filter: [[1, 5, 9], { ">": [v(""), 3] }] }, data: {}, result: [5, 9] },
  },
  reduce: {
    label: { en: "Reduce", "zh-CN": "归约" },
    category: "array",
    // Two operands run (the accumulator starts as null); the linter warns about the missing initial value.
    arity: { min: 2, max: 3 },
    docs: {
      en: 'Folds the array; inside, only {"var":"current"} and {"var":"accumulator"} exist. Always give the initial value.',
      "zh-CN": "对数组做归约；在内部只能读取 current 和 accumulator。请总是提供初始值。",
    },
    snippet: '{ "reduce": [${1:array}, { "+": [{ "var": "current" }, { "var": "accumulator" }] }, ${2:0}] }',
    example: {
      logic: { reduce: [v("m"), { "+": [v("current"), v("accumulator")] }, 0] },
      data: { m: [1, 2, 3] },
      result: 6,
    },
  },
  all: {
    label: { en: "All", "zh-CN": "全部满足" },
    category: "array",
    arity: { min: 2, max: 2 },
    docs: {
      en: "True when the logic is truthy for every element; false for an empty array.",
      "zh-CN": "所有元素都使逻辑为真时为真；空数组为假。",
    },
    snippet: '{ "all": [${1:array}, ${2:logic}] }',
    example: { logic: { all: [[1, 2], { ">": [v(""), 0] }] }, data: {}, result: true },
  },
  some: {
    label: { en: "Some", "zh-CN": "部分满足" },
    category: "array",
    arity: { min: 2, max: 2 },
    docs: {
      en: "True when the logic is truthy for at least one element.",
      "zh-CN": "至少一个元素使逻辑为真时为真。",
    },
    snippet: '{ "some": [${1:array}, ${2:logic}] }',
    example: { logic: { some: [[-1, 2], { "<": [v(""), 0] }] }, data: {}, result: true },
  },
  none: {
    label: { en: "None", "zh-CN": "全不满足" },
    category: "array",
    arity: { min: 2, max: 2 },
    docs: {
      en: "True when the logic is truthy for no element; true for an empty array.",
      "zh-CN": "没有元素使逻辑为真时为真；空数组为真。",
    },
    snippet: '{ "none": [${1:array}, ${2:logic}] }',
    example: { logic: { none: [[], true] }, data: {}, result: true },
  },
  log: {
    label: { en: "Log", "zh-CN": "日志" },
    category: "debug",
    arity: { min: 1, max: 1 },
    docs: {
      en: "Writes the operand to the console and returns it unchanged. For debugging only.",
      "zh-CN": "把操作数输出到控制台并原样返回。仅用于调试。",
    },
    snippet: '{ "log": [${1:value}] }',
    example: { logic: { log: ["checked"] }, data: {}, result: "checked" },
  },
} as const satisfies Record<OperatorName, OperatorSpec>;

/** The operators of the given spec categories, for analyses that reason by category. */
export function operatorsIn(...categories: OperatorSpec["category"][]): OperatorName[] {
  return (Object.keys(operatorSpecs) as OperatorName[]).filter((name) =>
    categories.includes(operatorSpecs[name].category),
  );
}
