import { definePartMessages } from "../../i18n/partMessages";

/** What the data part says about the browser's storage: quota refusals, a full disk, persistence. */
const en = {
  tooBig:
    "This needs about {{needed}} of storage but only {{free}} is free for this site, so nothing was stored. Delete a dataset or free disk space, then try again.",
  full: "The browser's storage for this site is full: the write stopped and nothing of it was kept.",
  persistent: "Kept by the browser (persistent storage)",
  bestEffort: "The browser may clear this data when disk space runs low: back up your workspace",
  unknown: "The browser does not say whether it keeps this data",
};

const zhCN = {
  tooBig:
    "此操作约需 {{needed}} 存储空间，但本站点仅剩 {{free}} 可用，未存储任何内容。请删除数据集或释放磁盘空间后重试。",
  full: "浏览器为本站点分配的存储空间已满：写入已停止，未保留任何部分数据。",
  persistent: "浏览器将保留这些数据（持久存储）",
  bestEffort: "磁盘空间不足时浏览器可能清除这些数据：请备份工作区",
  unknown: "浏览器未说明是否会保留这些数据",
};

export const storageMessages = definePartMessages("storage", en, zhCN);
