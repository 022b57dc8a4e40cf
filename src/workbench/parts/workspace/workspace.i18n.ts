import { definePartMessages } from "../../i18n/partMessages";

const en = {
  reset: {
    title: "Reset the workspace to the samples?",
    added: "Deletes {{count}} rules and manifests you added ({{ids}}).",
    changed: "Puts back the shipped text of {{count}} changed rules and manifests ({{ids}}).",
    restored: "Restores {{count}} shipped rules and manifests you deleted.",
    drafts: "Discards {{count}} unsaved drafts.",
    samples: "Replaces the sample dataset {{ids}} with the shipped records.",
    kept: "Kept as they are: {{datasets}} other datasets, {{releases}} released packs, {{runs}} saved runs.",
    reload: "The workbench reloads when it is done.",
    confirm: "Reset",
    done: "The workspace was reset to the samples.",
  },
  /** Storage that cannot open: shown by the workspace gate instead of a hanging or blank start. */
  storage: {
    blocked:
      "Another tab of the workbench holds the workspace open with an older version of its storage, so it cannot be upgraded. Close or reload the other tab, then retry.",
    unavailable:
      "This browser window has no usable IndexedDB (some private modes turn it off), so the workspace cannot be stored. Open the workbench in a normal window, or allow site storage, then retry.",
  },
  backup: {
    working: "Backing up the workspace…",
    done: "Backed up {{rules}} rules, {{manifests}} manifests, {{datasets}} datasets ({{records}} records), {{releases}} releases and {{runs}} runs to {{file}}.",
  },
  restore: {
    bad: "{{file}} cannot be restored: {{where}}{{problem}} Nothing was changed.",
    where: "{{entry}}, line {{line}}: ",
    whereEntry: "{{entry}}: ",
    confirm: "Restore",
    addTitle: "Restore {{file}}?",
    addMessage:
      "The backup from {{date}} adds {{added}} items ({{addedList}}). {{same}} items are identical and {{kept}} items only in this workspace are kept. Nothing stored is changed. The workbench reloads when it is done.",
    conflictsTitle: "Restore {{file}}: choose what to keep",
    conflictsMessage:
      "The backup from {{date}} adds {{added}} items; {{same}} identical items are skipped and {{kept}} items only in this workspace are kept. {{count}} items are stored here and in the backup with different content: choose for each.",
    conflictsList: "Conflicts",
    keepMine: "Keep mine",
    takeBackup: "Take the backup's",
    keepAllMine: "Keep all mine",
    takeAllBackup: "Take all from backup",
    cancel: "Cancel",
    immutable: "Releases cannot be overwritten: yours is kept and the backup's is skipped.",
    differs: "{{field}}: mine {{mine}}, backup {{backup}}",
    content: "the content differs",
    none: "none",
    kind: {
      rule: "Rule",
      manifest: "Manifest",
      draft: "Unsaved draft",
      dataset: "Dataset",
      release: "Release",
      run: "Run",
    },
    field: {
      updatedAt: "saved",
      createdAt: "created",
      size: "size (characters)",
      rows: "rows",
      revision: "revision",
      name: "name",
      integrity: "integrity",
    },
    working: "Restoring {{file}}…",
    failed: "The restore failed: {{error}}",
  },
};

const zhCN = {
  reset: {
    title: "将工作区重置为示例？",
    added: "删除你新增的 {{count}} 个规则和清单（{{ids}}）。",
    changed: "将 {{count}} 个已修改的规则和清单恢复为随附文本（{{ids}}）。",
    restored: "恢复你删除的 {{count}} 个随附规则和清单。",
    drafts: "丢弃 {{count}} 份未保存的草稿。",
    samples: "用随附记录替换示例数据集 {{ids}}。",
    kept: "保持不变：其他 {{datasets}} 个数据集、{{releases}} 个已发布规则包、{{runs}} 次已保存的运行。",
    reload: "完成后工作台将重新加载。",
    confirm: "重置",
    done: "工作区已重置为示例。",
  },
  storage: {
    blocked:
      "另一个工作台标签页以旧版本的存储打开着工作区，因此无法升级。请关闭或重新加载那个标签页，然后重试。",
    unavailable:
      "此浏览器窗口没有可用的 IndexedDB（某些隐私模式会将其关闭），因此无法存储工作区。请在普通窗口中打开工作台，或允许网站存储，然后重试。",
  },
  backup: {
    working: "正在备份工作区…",
    done: "已将 {{rules}} 个规则、{{manifests}} 个清单、{{datasets}} 个数据集（{{records}} 条记录）、{{releases}} 个发布版本和 {{runs}} 次运行备份到 {{file}}。",
  },
  restore: {
    bad: "无法恢复 {{file}}：{{where}}{{problem}} 未做任何更改。",
    where: "{{entry}} 第 {{line}} 行：",
    whereEntry: "{{entry}}：",
    confirm: "恢复",
    addTitle: "恢复 {{file}}？",
    addMessage:
      "该备份创建于 {{date}}，将新增 {{added}} 项（{{addedList}}）。{{same}} 项完全相同，仅存在于本工作区的 {{kept}} 项保留不变。不会更改任何已存储的内容。完成后工作台将重新加载。",
    conflictsTitle: "恢复 {{file}}：选择保留哪一方",
    conflictsMessage:
      "该备份创建于 {{date}}，将新增 {{added}} 项；跳过 {{same}} 项完全相同的内容，仅存在于本工作区的 {{kept}} 项保留不变。有 {{count}} 项在本工作区和备份中都存在但内容不同：请逐项选择。",
    conflictsList: "冲突",
    keepMine: "保留我的",
    takeBackup: "采用备份的",
    keepAllMine: "全部保留我的",
    takeAllBackup: "全部采用备份",
    cancel: "取消",
    immutable: "发布版本不可覆盖：保留你的版本，跳过备份中的版本。",
    differs: "{{field}}：我的 {{mine}}，备份 {{backup}}",
    content: "内容不同",
    none: "无",
    kind: {
      rule: "规则",
      manifest: "清单",
      draft: "未保存草稿",
      dataset: "数据集",
      release: "发布版本",
      run: "运行",
    },
    field: {
      updatedAt: "保存时间",
      createdAt: "创建时间",
      size: "大小（字符）",
      rows: "行数",
      revision: "修订号",
      name: "名称",
      integrity: "完整性哈希",
    },
    working: "正在恢复 {{file}}…",
    failed: "恢复失败：{{error}}",
  },
};

export const workspaceMessages = definePartMessages("backup", en, zhCN);
