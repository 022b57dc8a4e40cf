import { definePartMessages } from "../../i18n/partMessages";

const en = {
  title: "Generate Synthetic Dataset",
  intro:
    "Synthetic distributor records from the project's generator, the same records npm run samples writes for this count and seed.",
  count: "Records",
  seed: "Seed",
  industry: "Industry preset",
  industries: {
    mixed: "Mixed (FMCG, electronics, agriculture)",
    fmcg: "FMCG",
    electronics: "Consumer electronics",
    agri: "Agricultural inputs",
  },
  asOf: "Evaluation date",
  regions: "Region mix (optional)",
  name: "Dataset name",
  command: "Same as: {{command}}",
  generate: "Generate",
  cancel: "Cancel",
  close: "Close",
  back: "Back",
  progress: "Generation progress",
  generating: "Generating and storing… {{rows}} of {{count}} records",
  done: "Generated {{name}}: {{rows}} records.",
  failed: "The generation failed: {{error}}",
  nothingStored: "Nothing was stored.",
  problems: {
    seed: "The seed must be a whole number from 0 to 4,294,967,295.",
    count: "The number of records must be a whole number from 1 to {{max}}.",
    name: "A dataset needs a name.",
    asOf: "Enter the evaluation date as YYYY-MM-DD.",
    regions:
      "Write the region mix as region=weight, comma-separated (华东=40,华南=10), with regions of 华东 华南 华北 华中 西南 西北 东北 and weights ≥ 0, at least one above 0.",
  },
};

const zhCN = {
  title: "生成模拟数据集",
  intro: "由项目生成器产生的模拟经销商记录，与相同数量和种子下 npm run samples 写出的记录完全一致。",
  count: "记录数",
  seed: "随机种子",
  industry: "行业预设",
  industries: {
    mixed: "混合（快消、电子、农资）",
    fmcg: "快消品",
    electronics: "消费电子",
    agri: "农资",
  },
  asOf: "评估日期",
  regions: "区域构成（可选）",
  name: "数据集名称",
  command: "等同于：{{command}}",
  generate: "生成",
  cancel: "取消",
  close: "关闭",
  back: "返回",
  progress: "生成进度",
  generating: "正在生成并存储… {{rows}} / {{count}} 条记录",
  done: "已生成 {{name}}：{{rows}} 条记录。",
  failed: "生成失败：{{error}}",
  nothingStored: "未存储任何内容。",
  problems: {
    seed: "随机种子必须是 0 到 4,294,967,295 之间的整数。",
    count: "记录数必须是 1 到 {{max}} 之间的整数。",
    name: "数据集需要名称。",
    asOf: "请按 YYYY-MM-DD 格式输入评估日期。",
    regions:
      "区域构成写作 区域=权重，用逗号分隔（华东=40,华南=10）；区域为 华东 华南 华北 华中 西南 西北 东北，权重 ≥ 0，至少一个大于 0。",
  },
};

export const generateMessages = definePartMessages("synthetic", en, zhCN);
