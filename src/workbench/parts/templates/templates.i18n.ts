import { definePartMessages } from "../../i18n/partMessages";

const en = {
  pick: {
    title: "New Rule from Template",
    placeholder: "Pick the scheme the rule follows",
  },
  form: {
    heading: "New rule: {{title}}",
    catalogue: "Catalogue {{code}}",
    manifest: "Add to pack",
    manifestHelp:
      "The rule's parameters (and population operators) are declared in this manifest and the rule is added to its rules.",
    noManifest: "None (the rule only)",
    create: "Create Rule",
    creating: "Creating…",
    errors_one: "{{count}} value needs fixing before the rule can be created.",
    errors_other: "{{count}} values need fixing before the rule can be created.",
    addRow: "Add row",
    actions: "Row actions",
    removeRow: "Remove row {{row}}",
    moveUp: "Move row {{row}} up",
    moveDown: "Move row {{row}} down",
    row: "Row {{row}}",
    rows: "{{label}}: {{count}} rows",
    yes: "Yes",
    percent: "{{value}}",
    fieldList: "Fields of the active dataset",
    none: "(none)",
  },
  created: "Created {{id}} and added it, its parameters and their defaults to {{manifest}}.",
  createdAlone: "Created {{id}}. Add it to a pack to declare its parameters.",
  missingRules:
    "Created {{id}} in {{manifest}}; it reads {{rules}}, which the pack does not include yet (Problems lists them).",
  conflict: "Nothing was created: {{reason}}",
  invalid: "Nothing was created: {{reason}}",
  log: {
    created: "Created {{id}} from a template.",
    conflict: "Template: {{reason}}",
  },
};

const zhCN: typeof en = {
  pick: {
    title: "从模板新建规则",
    placeholder: "选择规则所采用的方案",
  },
  form: {
    heading: "新建规则:{{title}}",
    catalogue: "规则目录 {{code}}",
    manifest: "加入规则包",
    manifestHelp: "规则的参数(及总体运算)声明在此清单中,规则也加入其规则列表。",
    noManifest: "不加入(仅创建规则)",
    create: "创建规则",
    creating: "正在创建…",
    errors_one: "有 {{count}} 个值需要修正后才能创建规则。",
    errors_other: "有 {{count}} 个值需要修正后才能创建规则。",
    addRow: "添加行",
    actions: "行操作",
    removeRow: "删除第 {{row}} 行",
    moveUp: "上移第 {{row}} 行",
    moveDown: "下移第 {{row}} 行",
    row: "第 {{row}} 行",
    rows: "{{label}}:共 {{count}} 行",
    yes: "是",
    percent: "{{value}}",
    fieldList: "当前数据集的字段",
    none: "(无)",
  },
  created: "已创建 {{id}},并将其及参数和默认值加入 {{manifest}}。",
  createdAlone: "已创建 {{id}}。加入规则包后才会声明其参数。",
  missingRules: "已在 {{manifest}} 中创建 {{id}};它读取的 {{rules}} 尚未加入该规则包(见“问题”面板)。",
  conflict: "未创建任何内容:{{reason}}",
  invalid: "未创建任何内容:{{reason}}",
  log: {
    created: "已从模板创建 {{id}}。",
    conflict: "模板:{{reason}}",
  },
};

export const templatesMessages = definePartMessages("templates", en, zhCN);
