import type { LocalizedText } from "../../base";

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/**
 * Why a text cannot be a new rule id (the rule schema's pattern, at most 64 characters, not taken),
 * or undefined when it can. Shown under the quick input as the user types.
 */
export function ruleIdProblem(value: string, taken: ReadonlySet<string>): LocalizedText | undefined {
  if (value === "")
    return { en: "Type an id, such as spring-rebate.", "zh-CN": "请输入编号，例如 spring-rebate。" };
  if (value.length > 64) return { en: "An id has at most 64 characters.", "zh-CN": "编号最多 64 个字符。" };
  if (!ID.test(value)) {
    return {
      en: "Use lower-case letters and digits in words joined by single hyphens, starting with a letter (spring-rebate-2).",
      "zh-CN": "请使用小写字母和数字，以字母开头，单词之间用单个连字符连接（如 spring-rebate-2）。",
    };
  }
  if (taken.has(value))
    return { en: `A rule "${value}" exists already.`, "zh-CN": `规则 "${value}" 已存在。` };
  return undefined;
}

/** Why a text cannot be a pack name, or undefined. */
export function manifestNameProblem(value: string): LocalizedText | undefined {
  if (value === "")
    return {
      en: "Type a pack name, such as spring-program.",
      "zh-CN": "请输入规则包名称，例如 spring-program。",
    };
  if (value.length > 100 || !ID.test(value)) {
    return {
      en: "Use lower-case letters and digits in words joined by single hyphens, starting with a letter.",
      "zh-CN": "请使用小写字母和数字，以字母开头，单词之间用单个连字符连接。",
    };
  }
  return undefined;
}

/** Why a text cannot be the version of a new manifest `name`, or undefined. */
export function versionProblem(
  value: string,
  name: string,
  taken: ReadonlySet<string>,
): LocalizedText | undefined {
  if (!SEMVER.test(value))
    return { en: "Type a version such as 1.0.0.", "zh-CN": "请输入版本号，例如 1.0.0。" };
  if (taken.has(`${name}@${value}`)) {
    return { en: `${name} ${value} exists already.`, "zh-CN": `${name} ${value} 已存在。` };
  }
  return undefined;
}
