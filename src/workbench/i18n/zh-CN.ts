import type { Messages } from "./en";

/** 简体中文界面文字；键与英文表一一对应（类型检查保证不缺不多）。 */
export const zhCN: Messages = {
  app: {
    title: "渠道规则工作台",
  },
  parts: {
    activityBar: "活动栏",
    sideBar: "侧边栏",
    editor: "编辑器",
    panel: "面板",
    statusBar: "状态栏",
  },
  views: {
    explorer: "资源管理器",
    search: "搜索",
    data: "数据",
    simulation: "模拟",
    packs: "规则包",
    settings: "设置",
  },
  sideBar: {
    empty: "这里还没有内容。",
  },
  workspace: {
    opening: "正在打开工作区…",
    seeding: "正在载入示例规则和数据…",
    loading: "正在读取工作区…",
    failed: "无法打开工作区：{{reason}}",
    retry: "重试",
  },
  explorer: {
    tree: "工作区",
    rules: "规则",
    manifests: "规则包清单",
    datasets: "数据集",
    kinds: {
      incentive: "激励",
      elimination: "淘汰",
      loyalty: "忠诚度",
    },
    items_one: "{{count}} 项",
    items_other: "{{count}} 项",
  },
  data: {
    list: "数据集",
    none: "还没有数据集。",
    rows_one: "{{rows}} 行",
    rows_other: "{{rows}} 行",
    active: "当前",
    activate: "将 {{name}} 设为当前数据集",
    source: "来自 {{file}}",
  },
  editor: {
    welcomeTitle: "渠道规则工作台",
    welcomeBody:
      "用 JSON Logic 编写激励、淘汰与忠诚度规则，在浏览器中基于经销商数据模拟，并发布带版本的规则包。",
    noEditor: "没有打开的编辑器。",
  },
  panel: {
    problems: "问题",
    tests: "测试",
    output: "输出",
    trace: "追踪",
    empty: "暂无条目。",
    noProblems: "未在工作区中检测到问题。",
    problemsList: "工作区中的问题",
    severity: {
      error: "错误",
      warning: "警告",
      info: "信息",
    },
    hide: "隐藏面板",
    show: "显示面板",
  },
  status: {
    dataset: "{{name}} · {{rows}}",
    datasetLabel: "当前数据集：{{name}}，{{rows}}",
    noDataset: "无数据集",
    language: "语言",
    theme: "主题",
    themeDark: "深色",
    themeLight: "浅色",
    switchTheme: "切换到{{theme}}主题",
    switchLanguage: "切换语言为{{language}}",
  },
  languages: {
    en: "English",
    "zh-CN": "简体中文",
  },
};
