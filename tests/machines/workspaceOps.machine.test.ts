import { describe, expect, it, vi } from "vitest";
import { createActor, fromPromise, waitFor } from "xstate";
import type { RuleKind } from "../../src/engine";
import { workspaceOpsMachine, type Outcome, type PackValidation, type TextPrompt } from "../../src/machines";
import type {
  CreateResult,
  DeletedDocument,
  DocumentRef,
  ImportReport,
  IncludeResult,
  RenameResult,
} from "../../src/platform";
import { rule } from "../platform/storage/repositoryContract";

type Files = { name: string; bytes: Uint8Array }[];

interface Fakes {
  pickRuleKind: () => Promise<RuleKind | undefined>;
  askText: (prompt: TextPrompt) => Promise<string | undefined>;
  confirmDelete: (ref: DocumentRef) => Promise<boolean>;
  chooseFiles: () => Promise<Files>;
  pickManifest: () => Promise<string | undefined>;
  createRule: (input: { kind: RuleKind; id: string }) => Promise<CreateResult>;
  createManifest: (input: { name: string; version: string }) => Promise<CreateResult>;
  renameRule: (input: { id: string; newId: string }) => Promise<RenameResult>;
  duplicateRule: (input: { id: string; newId: string }) => Promise<CreateResult>;
  deleteDocument: (ref: DocumentRef) => Promise<DeletedDocument | undefined>;
  restoreDocument: (deleted: DeletedDocument) => Promise<boolean>;
  includeRule: (input: { ruleId: string; manifestId: string }) => Promise<IncludeResult>;
  importRules: (files: Files) => Promise<ImportReport>;
  exportDocument: (ref: DocumentRef) => Promise<boolean>;
  validatePack: (manifestId: string) => Promise<PackValidation>;
}

const snapshot: DeletedDocument = { kind: "rule", doc: rule("a"), draft: undefined };
const created = (kind: "rule" | "manifest", id: string): CreateResult => ({
  status: "created",
  ref: { kind, id },
  revision: 1,
});

function start(overrides: Partial<Fakes> = {}) {
  const defaults: Fakes = {
    pickRuleKind: () => Promise.resolve("loyalty"),
    askText: (prompt) => Promise.resolve(prompt.value === "" ? "typed" : `${prompt.value}-2`),
    confirmDelete: () => Promise.resolve(true),
    chooseFiles: () => Promise.resolve([{ name: "a.rule.json", bytes: new Uint8Array([123]) }]),
    pickManifest: () => Promise.resolve("dealer-program@1.0.0"),
    createRule: ({ id }) => Promise.resolve(created("rule", id)),
    createManifest: ({ name, version }) => Promise.resolve(created("manifest", `${name}@${version}`)),
    renameRule: ({ newId }) =>
      Promise.resolve({
        status: "renamed",
        ref: { kind: "rule", id: newId },
        revision: 2,
        manifests: ["m@1.0.0"],
        readers: [],
      }),
    duplicateRule: ({ newId }) => Promise.resolve(created("rule", newId)),
    deleteDocument: () => Promise.resolve(snapshot),
    restoreDocument: () => Promise.resolve(true),
    includeRule: () => Promise.resolve({ status: "included", revision: 2 }),
    importRules: () => Promise.resolve({ added: ["a"], skipped: [], problems: [] }),
    exportDocument: () => Promise.resolve(true),
    validatePack: (manifestId) =>
      Promise.resolve({ manifestId, errors: 0, warnings: 2, passed: 40, failed: 0 }),
  };
  const fakes = Object.fromEntries(
    Object.entries({ ...defaults, ...overrides }).map(([name, fn]) => [
      name,
      vi.fn(fn as (input: never) => Promise<unknown>),
    ]),
  ) as unknown as { [K in keyof Fakes]: ReturnType<typeof vi.fn<Fakes[K]>> };
  const reports: Outcome[] = [];
  const actors = Object.fromEntries(
    Object.entries(fakes).map(([name, fn]) => [
      name,
      fromPromise(({ input }) => (fn as (i: unknown) => Promise<unknown>)(input)),
    ]),
  );
  const machine = workspaceOpsMachine.provide({
    actors,
    actions: { report: (_, outcome) => void reports.push(outcome) },
  });
  const actor = createActor(machine);
  const states: string[] = [];
  actor.subscribe((s) => {
    const value = JSON.stringify(s.value);
    if (states.at(-1) !== value) states.push(value);
  });
  actor.start();
  const settle = () => waitFor(actor, (s) => s.matches("idle"));
  return { actor, fakes, reports, states, settle };
}

describe("workspace ops machine: new", () => {
  it("new rule asks the kind, then the id, creates it and opens it", async () => {
    const { actor, fakes, reports, states, settle } = start();
    actor.send({ type: "ops.newRule" });
    await settle();
    expect(states).toEqual([
      '"idle"',
      '{"newRule":"kind"}',
      '{"newRule":"id"}',
      '{"newRule":"creating"}',
      '"idle"',
    ]);
    expect(fakes.askText).toHaveBeenCalledWith({ purpose: "ruleId", value: "" });
    expect(fakes.createRule).toHaveBeenCalledWith({ kind: "loyalty", id: "typed" });
    expect(reports).toEqual([
      {
        log: [{ severity: "info", key: "ops.log.created", values: { id: "typed" } }],
        open: { kind: "rule", id: "typed" },
      },
    ]);
    expect(actor.getSnapshot().context).toEqual({
      kind: null,
      subject: null,
      ref: null,
      files: [],
      deleted: null,
    });
  });

  it("new rule stops quietly when the kind or the id is cancelled", async () => {
    const noKind = start({ pickRuleKind: () => Promise.resolve(undefined) });
    noKind.actor.send({ type: "ops.newRule" });
    await noKind.settle();
    expect(noKind.fakes.askText).not.toHaveBeenCalled();
    expect(noKind.reports).toEqual([]);
    const noId = start({ askText: () => Promise.resolve(undefined) });
    noId.actor.send({ type: "ops.newRule" });
    await noId.settle();
    expect(noId.fakes.createRule).not.toHaveBeenCalled();
    expect(noId.reports).toEqual([]);
  });

  it("new rule says so when the id is taken or the text is invalid", async () => {
    const taken = start({ createRule: () => Promise.resolve({ status: "exists" }) });
    taken.actor.send({ type: "ops.newRule" });
    await taken.settle();
    expect(taken.reports).toEqual([
      { notice: { severity: "warning", key: "ops.exists", values: { id: "typed" } } },
    ]);
    const message = { en: "bad id" };
    const invalid = start({
      createRule: () =>
        Promise.resolve({
          status: "invalid",
          problems: [{ code: "schema", severity: "error", message, pointer: "/id" }],
        }),
    });
    invalid.actor.send({ type: "ops.newRule" });
    await invalid.settle();
    expect(invalid.reports[0]?.notice).toEqual({
      severity: "error",
      key: "ops.invalid",
      values: { id: "typed", reason: message },
    });
  });

  it("new manifest asks the name, then the version (0.1.0 proposed), and opens it", async () => {
    const { actor, fakes, reports, states, settle } = start({
      askText: (p) => Promise.resolve(p.purpose === "manifestName" ? "spring" : "1.0.0"),
    });
    actor.send({ type: "ops.newManifest" });
    await settle();
    expect(states).toEqual([
      '"idle"',
      '{"newManifest":"name"}',
      '{"newManifest":"version"}',
      '{"newManifest":"creating"}',
      '"idle"',
    ]);
    expect(fakes.askText.mock.calls.map(([p]) => p)).toEqual([
      { purpose: "manifestName", value: "" },
      { purpose: "manifestVersion", value: "0.1.0", name: "spring" },
    ]);
    expect(fakes.createManifest).toHaveBeenCalledWith({ name: "spring", version: "1.0.0" });
    expect(reports[0]?.open).toEqual({ kind: "manifest", id: "spring@1.0.0" });
  });

  it("new manifest stops when the version is cancelled", async () => {
    const { actor, fakes, settle } = start({
      askText: (p) => Promise.resolve(p.purpose === "manifestName" ? "spring" : undefined),
    });
    actor.send({ type: "ops.newManifest" });
    await settle();
    expect(fakes.createManifest).not.toHaveBeenCalled();
  });
});

describe("workspace ops machine: rename, duplicate, delete and undo", () => {
  it("rename proposes the current id, renames, and says how many manifests followed", async () => {
    const { actor, fakes, reports, states, settle } = start();
    actor.send({ type: "ops.rename", id: "volume-rebate" });
    await settle();
    expect(states).toEqual(['"idle"', '{"rename":"asking"}', '{"rename":"renaming"}', '"idle"']);
    expect(fakes.askText).toHaveBeenCalledWith({
      purpose: "renameRule",
      value: "volume-rebate",
      from: "volume-rebate",
    });
    expect(fakes.renameRule).toHaveBeenCalledWith({ id: "volume-rebate", newId: "volume-rebate-2" });
    const values = { from: "volume-rebate", to: "volume-rebate-2", manifests: 1 };
    expect(reports).toEqual([
      {
        log: [{ severity: "info", key: "ops.log.renamed", values }],
        notice: { severity: "info", key: "ops.renamed", values },
      },
    ]);
  });

  it("rename warns about rules that read the old out. path, and does nothing for an unchanged id", async () => {
    const readers = start({
      renameRule: ({ newId }) =>
        Promise.resolve({
          status: "renamed",
          ref: { kind: "rule", id: newId },
          revision: 2,
          manifests: [],
          readers: ["x", "y"],
        }),
    });
    readers.actor.send({ type: "ops.rename", id: "a" });
    await readers.settle();
    expect(readers.reports[0]?.notice).toMatchObject({
      severity: "warning",
      key: "ops.renamedReaders",
      values: { readers: "x, y", count: 2 },
    });
    const same = start({ askText: (p) => Promise.resolve(p.value) });
    same.actor.send({ type: "ops.rename", id: "a" });
    await same.settle();
    expect(same.fakes.renameRule).not.toHaveBeenCalled();
    const taken = start({ renameRule: () => Promise.resolve({ status: "exists" }) });
    taken.actor.send({ type: "ops.rename", id: "a" });
    await taken.settle();
    expect(taken.reports[0]?.notice).toEqual({
      severity: "warning",
      key: "ops.exists",
      values: { id: "a-2" },
    });
    const moved = start({ renameRule: () => Promise.resolve({ status: "conflict" }) });
    moved.actor.send({ type: "ops.rename", id: "a" });
    await moved.settle();
    expect(moved.reports[0]?.notice?.key).toBe("ops.changedMeanwhile");
  });

  it("duplicate proposes <id>-copy and opens the copy", async () => {
    const { actor, fakes, reports, settle } = start({ askText: (p) => Promise.resolve(p.value) });
    actor.send({ type: "ops.duplicate", id: "a" });
    await settle();
    expect(fakes.askText).toHaveBeenCalledWith({ purpose: "duplicateRule", value: "a-copy", from: "a" });
    expect(fakes.duplicateRule).toHaveBeenCalledWith({ id: "a", newId: "a-copy" });
    expect(reports[0]?.open).toEqual({ kind: "rule", id: "a-copy" });
  });

  it("delete asks first and does nothing when the answer is no", async () => {
    const { actor, fakes, reports, settle } = start({ confirmDelete: () => Promise.resolve(false) });
    actor.send({ type: "ops.delete", ref: { kind: "rule", id: "a" } });
    await settle();
    expect(fakes.confirmDelete).toHaveBeenCalledWith({ kind: "rule", id: "a" });
    expect(fakes.deleteDocument).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
  });

  it("delete offers an Undo whose event restores exactly what was deleted", async () => {
    const { actor, fakes, reports, states, settle } = start();
    actor.send({ type: "ops.delete", ref: { kind: "rule", id: "a" } });
    await settle();
    expect(states).toEqual(['"idle"', '{"delete":"confirming"}', '{"delete":"deleting"}', '"idle"']);
    const notice = reports[0]!.notice!;
    expect(notice).toMatchObject({ severity: "info", key: "ops.deleted", values: { id: "a" } });
    expect(notice.actions).toEqual([{ key: "ops.undo", event: { type: "ops.restore", deleted: snapshot } }]);
    actor.send(notice.actions![0]!.event);
    await settle();
    expect(fakes.restoreDocument).toHaveBeenCalledWith(snapshot);
    expect(reports[1]).toEqual({
      log: [{ severity: "info", key: "ops.log.restored", values: { id: "a" } }],
      notice: { severity: "info", key: "ops.restored", values: { id: "a" } },
    });
  });

  it("undo says so when the id was taken in the meantime, and delete when the document is gone", async () => {
    const taken = start({ restoreDocument: () => Promise.resolve(false) });
    taken.actor.send({ type: "ops.restore", deleted: snapshot });
    await taken.settle();
    expect(taken.reports[0]?.notice).toEqual({
      severity: "warning",
      key: "ops.restoreTaken",
      values: { id: "a" },
    });
    const gone = start({ deleteDocument: () => Promise.resolve(undefined) });
    gone.actor.send({ type: "ops.delete", ref: { kind: "rule", id: "a" } });
    await gone.settle();
    expect(gone.reports[0]?.notice).toEqual({ severity: "warning", key: "ops.missing", values: { id: "a" } });
  });
});

describe("workspace ops machine: include, import, export, validate, failures", () => {
  it("include adds a dropped rule to a manifest, or says it is there already", async () => {
    const { actor, fakes, reports, settle } = start();
    actor.send({ type: "ops.include", ruleId: "a", manifestId: "m@1.0.0" });
    await settle();
    expect(fakes.includeRule).toHaveBeenCalledWith({ ruleId: "a", manifestId: "m@1.0.0" });
    expect(reports[0]?.notice).toEqual({
      severity: "info",
      key: "ops.included",
      values: { rule: "a", manifest: "m@1.0.0" },
    });
    const already = start({ includeRule: () => Promise.resolve({ status: "already" }) });
    already.actor.send({ type: "ops.include", ruleId: "a", manifestId: "m@1.0.0" });
    await already.settle();
    expect(already.reports[0]?.notice?.key).toBe("ops.alreadyIncluded");
  });

  it("import opens the file chooser, imports what was chosen and reports every file", async () => {
    const { actor, fakes, reports, states, settle } = start({
      importRules: () =>
        Promise.resolve({
          added: ["a"],
          skipped: [{ file: "b.rule.json", id: "b", reason: "exists" }],
          problems: [
            {
              code: "json/syntax",
              severity: "error",
              message: { en: "bad" },
              pointer: "",
              file: "c.rule.json",
            },
          ],
        }),
    });
    actor.send({ type: "ops.import" });
    await settle();
    expect(states).toEqual(['"idle"', '{"import":"choosing"}', '{"import":"importing"}', '"idle"']);
    expect(fakes.importRules).toHaveBeenCalledWith([{ name: "a.rule.json", bytes: new Uint8Array([123]) }]);
    expect(reports[0]).toEqual({
      log: [
        { severity: "info", key: "ops.log.imported", values: { id: "a" } },
        {
          severity: "warning",
          key: "ops.log.importSkipped.exists",
          values: { file: "b.rule.json", id: "b" },
        },
        {
          severity: "error",
          key: "ops.log.problem",
          values: { file: "c.rule.json", message: { en: "bad" } },
        },
      ],
      notice: { severity: "warning", key: "ops.imported", values: { added: 1, skipped: 1, problems: 1 } },
    });
  });

  it("import of dropped files skips the chooser; an empty choice imports nothing", async () => {
    const dropped = start();
    const files = [{ name: "x.zip", bytes: new Uint8Array([1]) }];
    dropped.actor.send({ type: "ops.import", files });
    await dropped.settle();
    expect(dropped.fakes.chooseFiles).not.toHaveBeenCalled();
    expect(dropped.fakes.importRules).toHaveBeenCalledWith(files);
    expect(dropped.reports[0]?.notice?.severity).toBe("info");
    const none = start({ chooseFiles: () => Promise.resolve([]) });
    none.actor.send({ type: "ops.import" });
    await none.settle();
    expect(none.fakes.importRules).not.toHaveBeenCalled();
  });

  it("export downloads and logs it, or warns when the document is gone", async () => {
    const { actor, fakes, reports, settle } = start();
    actor.send({ type: "ops.export", ref: { kind: "rule", id: "a" } });
    await settle();
    expect(fakes.exportDocument).toHaveBeenCalledWith({ kind: "rule", id: "a" });
    expect(reports[0]).toEqual({ log: [{ severity: "info", key: "ops.log.exported", values: { id: "a" } }] });
    const gone = start({ exportDocument: () => Promise.resolve(false) });
    gone.actor.send({ type: "ops.export", ref: { kind: "rule", id: "a" } });
    await gone.settle();
    expect(gone.reports[0]?.notice?.key).toBe("ops.missing");
  });

  it("validate picks a manifest when none is given, and reports errors and failed tests as an error", async () => {
    const { actor, fakes, reports, states, settle } = start();
    actor.send({ type: "ops.validate" });
    await settle();
    expect(states).toEqual(['"idle"', '{"validate":"picking"}', '{"validate":"validating"}', '"idle"']);
    expect(fakes.validatePack).toHaveBeenCalledWith("dealer-program@1.0.0");
    expect(reports[0]?.notice).toEqual({
      severity: "info",
      key: "ops.validated",
      values: { manifest: "dealer-program@1.0.0", errors: 0, warnings: 2, passed: 40, failed: 0 },
    });
    const broken = start({
      validatePack: (manifestId) =>
        Promise.resolve({ manifestId, errors: 1, warnings: 0, passed: 39, failed: 1 }),
    });
    broken.actor.send({ type: "ops.validate", manifestId: "m@1.0.0" });
    await broken.settle();
    expect(broken.fakes.pickManifest).not.toHaveBeenCalled();
    expect(broken.reports[0]?.notice?.severity).toBe("error");
    const cancelled = start({ pickManifest: () => Promise.resolve(undefined) });
    cancelled.actor.send({ type: "ops.validate" });
    await cancelled.settle();
    expect(cancelled.fakes.validatePack).not.toHaveBeenCalled();
  });

  it("reports a failing effect with its reason, and takes the next operation", async () => {
    const { actor, fakes, reports, settle } = start({
      renameRule: () => Promise.reject(new Error("QuotaExceededError")),
    });
    actor.send({ type: "ops.rename", id: "a" });
    await settle();
    expect(reports).toEqual([
      { notice: { severity: "error", key: "ops.failed", values: { reason: "QuotaExceededError" } } },
    ]);
    actor.send({ type: "ops.duplicate", id: "a" });
    await settle();
    expect(fakes.duplicateRule).toHaveBeenCalled();
  });

  it("ignores a second operation while one is asking, so prompts never stack", async () => {
    let answer: (id: string) => void = () => undefined;
    const { actor, fakes, settle } = start({ askText: () => new Promise((resolve) => (answer = resolve)) });
    actor.send({ type: "ops.rename", id: "a" });
    await waitFor(actor, (s) => s.matches({ rename: "asking" }));
    actor.send({ type: "ops.delete", ref: { kind: "rule", id: "a" } });
    answer("b");
    await settle();
    expect(fakes.confirmDelete).not.toHaveBeenCalled();
    expect(fakes.renameRule).toHaveBeenCalledWith({ id: "a", newId: "b" });
  });

  it("says which actor is missing when the composition root forgot one", async () => {
    const report = vi.fn();
    const actor = createActor(workspaceOpsMachine.provide({ actions: { report } })).start();
    actor.send({ type: "ops.newRule" });
    await waitFor(actor, (s) => s.matches("idle"));
    expect(report.mock.calls[0]?.[1]).toMatchObject({
      notice: { key: "ops.failed", values: { reason: expect.stringContaining('"pickRuleKind"') as unknown } },
    });
  });
});
