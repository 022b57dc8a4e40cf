import { createActor, fromCallback, type ActorRefFrom, type EventObject } from "xstate";
import { datasetGenerateMachine, type GenerateForm, type GenerateInput } from "../../../machines";
import {
  generatedName,
  MAX_GENERATED,
  parseRegionMix,
  writeGeneratedDataset,
  type GenerateSpec,
} from "../../../platform";
import { formatCount } from "../../i18n";
import type { WorkbenchServices } from "../../services";

export type DatasetGenerateActor = ActorRefFrom<typeof datasetGenerateMachine>;

/** The sizes the dialog offers: a sample, and the simulation's targets of 100,000 and 1,000,000. */
export const GENERATE_COUNTS = [1_000, 10_000, 100_000, 1_000_000] as const;

/** The generator's industry presets (src/generator/presets.ts), and their mix, the CLI's default. */
export const GENERATE_INDUSTRIES = [
  "mixed",
  "fmcg",
  "electronics",
  "agri",
] as const satisfies readonly GenerateSpec["industry"][];

/** What is wrong with the form, by field (i18n keys of `synthetic.problems`); empty when it can run. */
export function formProblems(
  form: GenerateForm,
): Partial<Record<"count" | "seed" | "name" | "asOf" | "regions", string>> {
  const { count, seed, asOf, regions } = form.spec;
  const problems: Partial<Record<"count" | "seed" | "name" | "asOf" | "regions", string>> = {};
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED)
    problems.count = "synthetic.problems.count";
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) problems.seed = "synthetic.problems.seed";
  if (form.name.trim() === "") problems.name = "synthetic.problems.name";
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const valid =
    date !== null &&
    (() => {
      const d = new Date(`${asOf}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(asOf);
    })();
  if (!valid) problems.asOf = "synthetic.problems.asOf";
  try {
    if (regions?.trim()) parseRegionMix(regions);
  } catch {
    problems.regions = "synthetic.problems.regions";
  }
  return problems;
}

/** A form changed by `change`; the name follows count, seed and preset until the user types one. */
export function editForm(
  form: GenerateForm,
  change: Partial<GenerateSpec> & { name?: string },
): GenerateForm {
  const { name, ...spec } = change;
  const next = { ...form, spec: { ...form.spec, ...spec } };
  if (name !== undefined) return { ...next, name, nameEdited: true };
  return next.nameEdited ? next : { ...next, name: generatedName(next.spec) };
}

const actors = new WeakMap<WorkbenchServices, DatasetGenerateActor>();

/** The generation of this workbench (one at a time), created on first use. */
export function generateActorFor(s: WorkbenchServices): DatasetGenerateActor {
  let actor = actors.get(s);
  if (actor) return actor;
  actor = createActor(
    datasetGenerateMachine.provide({
      guards: { valid: ({ context }) => Object.keys(formProblems(context.form)).length === 0 },
      actors: {
        generate: fromCallback<EventObject, GenerateInput>(({ sendBack, input }) => {
          const controller = new AbortController();
          let landed = false;
          writeGeneratedDataset(s.datasets, s.datasets.generator, input, {
            signal: controller.signal,
            progress: (rows) => sendBack({ type: "generate.progress", rows }),
          }).then(
            (meta) => {
              landed = true;
              sendBack({ type: "generate.written", meta });
            },
            (error: unknown) => {
              if (!controller.signal.aborted) sendBack({ type: "generate.failed", error });
            },
          );
          // Cancel: the write aborts its writer, removing every chunk it stored.
          return () => {
            if (!landed) controller.abort();
          };
        }),
      },
      actions: {
        generated: (_, { meta }) => {
          s.workspace.send({ type: "workspace.reload" });
          const activate = s.workspace.subscribe((snapshot) => {
            if (snapshot.context.lists.datasets.some((d) => d.id === meta.id)) {
              activate.unsubscribe();
              s.workspace.send({ type: "dataset.activate", id: meta.id });
            }
          });
          const locale = s.preferences.getSnapshot().context.locale;
          const message = s.i18n.t("synthetic.done", {
            name: meta.name,
            rows: formatCount(meta.rowCount, locale),
          });
          s.notifications.notify({ severity: "info", message });
          s.output.log(message);
        },
      },
    }),
  );
  actor.start();
  actors.set(s, actor);
  return actor;
}

/** Opens the dialog with the last form used (or the defaults), unless a generation is under way. */
export function openGenerate(s: WorkbenchServices): void {
  const actor = generateActorFor(s);
  const snapshot = actor.getSnapshot();
  if (!snapshot.matches("idle")) return;
  const { form } = snapshot.context;
  actor.send({ type: "generate.open", form: form.nameEdited ? form : editForm(form, {}) });
}
