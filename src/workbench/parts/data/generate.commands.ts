import type { CommandDefinition } from "../../commands/command";
import { openGenerate } from "./dataGenerate";

export const generateCommands: CommandDefinition[] = [
  {
    id: "data.generate",
    title: { en: "Generate Synthetic Dataset…", "zh-CN": "生成模拟数据集…" },
    category: { en: "Data", "zh-CN": "数据" },
    run: (s) => openGenerate(s),
  },
];
