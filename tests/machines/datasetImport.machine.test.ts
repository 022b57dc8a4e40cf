import { describe, expect, it } from "vitest";
import { createActor, fromCallback, type EventObject } from "xstate";
import { confirmedOptions, datasetImportMachine, type CheckInput, type WriteInput } from "../../src/machines";
import type { DatasetMeta, ImportCheck } from "../../src/platform";

const file = new File(["id\n1\n"], "ERP export.csv");
const check = (over: Partial<ImportCheck> = {}): ImportCheck => ({
  format: "csv",
  encoding: "gb18030",
  schema: "inferred",
  columns: [
    { name: "id", kind: "string", declared: false },
    { name: "n", kind: "number", declared: false },
  ],
  rows: 3,
  valid: 2,
  badRows: 1,
  problems: [{ line: 3, column: "n", message: { en: "bad" } }],
  truncated: false,
  ...over,
});
const meta: DatasetMeta = {
  id: "erp-export",
  name: "ERP export",
  rowCount: 2,
  sourceFile: "ERP export.csv",
  createdAt: "t",
};

function start(result: ImportCheck = check()) {
  const log: string[] = [];
  const imported: DatasetMeta[] = [];
  const actor = createActor(
    datasetImportMachine.provide({
      actors: {
        check: fromCallback<EventObject, CheckInput>(({ sendBack, input }) => {
          log.push(`check ${JSON.stringify(input.options)}`);
          sendBack({ type: "import.progress", fraction: 0.5, rows: 10 });
          queueMicrotask(() => sendBack({ type: "import.checked", check: result }));
        }),
        write: fromCallback<EventObject, WriteInput>(({ input }) => {
          log.push(`write ${input.name} ${JSON.stringify(input.options)}`);
          return () => log.push("write stopped");
        }),
      },
      actions: { imported: (_, params) => void imported.push(params.meta) },
    }),
  ).start();
  return { actor, log, imported };
}

describe("dataset import machine", () => {
  it("checks, shows the review, writes the valid rows with the reviewed kinds, and reports the dataset", async () => {
    const { actor, log, imported } = start();
    actor.send({ type: "import.open", file, options: { format: "csv" } });
    expect(actor.getSnapshot().value).toBe("checking");
    await Promise.resolve();
    expect(actor.getSnapshot().value).toBe("review");
    expect(actor.getSnapshot().context.name).toBe("ERP export");
    actor.send({ type: "import.recheck", options: { format: "csv", kinds: { id: "string", n: "integer" } } });
    await Promise.resolve();
    actor.send({ type: "import.name", name: "  ERP  " });
    actor.send({ type: "import.confirm" });
    expect(actor.getSnapshot().value).toBe("writing");
    actor.send({ type: "import.written", meta });
    expect(actor.getSnapshot().value).toBe("idle");
    expect(imported).toEqual([meta]);
    expect(log).toEqual([
      'check {"format":"csv"}',
      'check {"format":"csv","kinds":{"id":"string","n":"integer"}}',
      'write ERP {"format":"csv","kinds":{"id":"string","n":"number"},"encoding":"gb18030"}',
      // Leaving the state stops the actor; the real one does nothing once its write has landed.
      "write stopped",
    ]);
  });

  it("Cancel while writing stops the write (which removes what it wrote)", async () => {
    const { actor, log, imported } = start();
    actor.send({ type: "import.open", file, options: { format: "csv" } });
    await Promise.resolve();
    actor.send({ type: "import.confirm" });
    actor.send({ type: "import.cancel" });
    expect(actor.getSnapshot().value).toBe("idle");
    expect(log.at(-1)).toBe("write stopped");
    expect(imported).toEqual([]);
  });

  it("will not import when nothing is valid or the file could not be read", async () => {
    for (const result of [check({ valid: 0 }), check({ fatal: { en: "no id column" } })]) {
      const { actor } = start(result);
      actor.send({ type: "import.open", file, options: { format: "csv" } });
      await Promise.resolve();
      actor.send({ type: "import.confirm" });
      expect(actor.getSnapshot().value).toBe("review");
    }
  });

  it("keeps JSON options as they are", () => {
    expect(confirmedOptions({ format: "jsonl" }, check())).toEqual({ format: "jsonl" });
  });
});
