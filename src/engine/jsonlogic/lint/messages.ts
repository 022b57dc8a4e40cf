import type { LocalizedText } from "../../../base";
import type { Severity } from "../../problem";

/** Stable codes of the logic validator and linter (pack-format §7). */
export type LintCode =
  | "json/syntax"
  | "logic/unknown-operator"
  | "logic/too-deep"
  | "logic/too-large"
  | "logic/arity"
  | "logic/unknown-param"
  | "logic/output-type"
  | "lint/unknown-field"
  | "lint/dynamic-var"
  | "lint/loose-equality"
  | "lint/extra-operands"
  | "lint/nullable-arithmetic"
  | "lint/unguarded-division"
  | "lint/string-comparison"
  | "lint/object-literal"
  | "lint/in-number-on-string"
  | "lint/reduce-without-initial"
  | "lint/outer-scope-var";

/** Default severity of each code. */
export const severities: Record<LintCode, Severity> = {
  "json/syntax": "error",
  "logic/unknown-operator": "error",
  "logic/too-deep": "error",
  "logic/too-large": "error",
  "logic/arity": "error",
  "logic/unknown-param": "error",
  "logic/output-type": "error",
  "lint/unknown-field": "warning",
  "lint/dynamic-var": "info",
  "lint/loose-equality": "warning",
  "lint/extra-operands": "warning",
  "lint/nullable-arithmetic": "warning",
  "lint/unguarded-division": "warning",
  "lint/string-comparison": "warning",
  "lint/object-literal": "warning",
  "lint/in-number-on-string": "warning",
  "lint/reduce-without-initial": "warning",
  "lint/outer-scope-var": "warning",
};

const q = (s: string) => JSON.stringify(s);

/** The message builders, one per code, in English and Simplified Chinese. */
export const messages = {
  syntax: (reason: string): LocalizedText => ({ en: reason, "zh-CN": `JSON 语法错误：${reason}` }),
  unknownOperator: (op: string): LocalizedText => ({
    en: `Unknown operator ${q(op)}: only json-logic-js 2.0.5 operators are allowed.`,
    "zh-CN": `未知运算符 ${q(op)}：只允许 json-logic-js 2.0.5 的运算符。`,
  }),
  limit: (detail: string): LocalizedText => ({
    en: `The logic is too big to run safely: ${detail}.`,
    "zh-CN": `逻辑过大，无法安全执行：${detail}。`,
  }),
  arity: (op: string, count: number, min: number, max: number | undefined): LocalizedText => {
    const range = max === undefined ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
    const rangeZh = max === undefined ? `至少 ${min} 个` : min === max ? `${min} 个` : `${min} 到 ${max} 个`;
    return {
      en: `${q(op)} takes ${range} operand(s) but has ${count}.`,
      "zh-CN": `${q(op)} 需要${rangeZh}操作数，实际为 ${count} 个。`,
    };
  },
  unknownParam: (name: string, known: readonly string[]): LocalizedText => ({
    en: `Unknown parameter ${q(name)}; the pack declares ${known.length ? known.map(q).join(", ") : "no parameters"}.`,
    "zh-CN": `未知参数 ${q(name)}；规则包声明的参数为 ${known.length ? known.map(q).join("、") : "（无）"}。`,
  }),
  outputType: (declared: string, actual: string): LocalizedText => ({
    en: `The rule's output is declared ${declared} but this result is always ${actual}.`,
    "zh-CN": `规则输出声明为 ${declared}，但此处结果总是 ${actual}。`,
  }),
  unknownField: (path: string, missingShare: number | undefined): LocalizedText => {
    const share =
      missingShare === undefined
        ? ""
        : ` ${(missingShare * 100).toFixed(1)} % of the sample records lack it.`;
    const shareZh =
      missingShare === undefined ? "" : `样本中 ${(missingShare * 100).toFixed(1)}% 的记录缺少该字段。`;
    return {
      en: `The dataset schema does not know ${q(path)}; the read gives null or its default.${share}`,
      "zh-CN": `数据集结构中没有字段 ${q(path)}；读取结果将为 null 或默认值。${shareZh}`,
    };
  },
  missingInSample: (path: string, share: number): LocalizedText => ({
    en: `${q(path)} is missing in ${(share * 100).toFixed(1)} % of the sample records.`,
    "zh-CN": `样本中 ${(share * 100).toFixed(1)}% 的记录缺少 ${q(path)}。`,
  }),
  dynamicVar: (): LocalizedText => ({
    en: "This var path is computed, so its reads cannot be checked or ordered before evaluation.",
    "zh-CN": "此 var 路径为计算所得，无法在执行前检查或确定依赖顺序。",
  }),
  looseEquality: (op: string): LocalizedText => ({
    en: `${q(op)} compares loosely (1 == "1", null == undefined); engines disagree on coercion. Use ${q(op + "=")}.`,
    "zh-CN": `${q(op)} 为宽松比较（1 == "1"），各引擎的类型转换不一致。请使用 ${q(op + "=")}。`,
  }),
  extraOperands: (op: string, count: number): LocalizedText => ({
    en: `${q(op)} uses only its first two operands; the other ${count - 2} are ignored by json-logic-js.`,
    "zh-CN": `${q(op)} 只使用前两个操作数；其余 ${count - 2} 个会被 json-logic-js 忽略。`,
  }),
  nullableArithmetic: (op: string): LocalizedText => ({
    en: `${q(op)} parses its operands with parseFloat, so a null operand makes the result NaN. Give the var a default or check it with "missing".`,
    "zh-CN": `${q(op)} 用 parseFloat 解析操作数，操作数为 null 时结果为 NaN。请为 var 提供默认值或先用 "missing" 检查。`,
  }),
  unguardedDivision: (): LocalizedText => ({
    en: "Division by a value that may be 0 gives Infinity or NaN; guard it with an if, or divide by max(x, ε).",
    "zh-CN": "除数可能为 0，结果将是 Infinity 或 NaN；请用 if 判断，或除以 max(x, ε)。",
  }),
  stringComparison: (op: string): LocalizedText => ({
    en: `${q(op)} between strings compares character codes ("10" < "9"), not numbers or dates in general.`,
    "zh-CN": `字符串之间的 ${q(op)} 按字符编码比较（"10" < "9"），而不是按数值或日期。`,
  }),
  objectLiteral: (): LocalizedText => ({
    en: "An object that is not exactly one operator is returned as a literal, unevaluated; engines differ on it.",
    "zh-CN": "不是单一运算符的对象会被原样返回而不计算；各引擎处理方式不同。",
  }),
  inNumberOnString: (): LocalizedText => ({
    en: 'A number "in" a string is searched as text (1 is in "a10"); engines differ. Compare as strings explicitly.',
    "zh-CN": '在字符串中查找数字会按文本查找（1 在 "a10" 中）；各引擎不一致。请显式使用字符串。',
  }),
  reduceWithoutInitial: (): LocalizedText => ({
    en: 'reduce without an initial value starts from null, and {"+": [null, x]} is NaN. Add the initial value.',
    "zh-CN": 'reduce 没有初始值时从 null 开始，{"+": [null, x]} 为 NaN。请提供初始值。',
  }),
  outerScopeVar: (path: string, op: string): LocalizedText => ({
    en: `Inside ${q(op)}, var reads the element, not the record: ${q(path)} is not visible there. Compute it outside.`,
    "zh-CN": `在 ${q(op)} 内部，var 读取的是数组元素而不是记录：此处无法读取 ${q(path)}。请在外部计算。`,
  }),
};
