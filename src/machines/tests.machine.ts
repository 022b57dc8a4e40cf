import { assign, fromPromise, setup } from "xstate";
import type { LoadedFile } from "../engine";
import type { RuleTestReport, WorkspaceAnalysis, WorkspaceAnalysisInput } from "../platform";

/** Why a rule's tests ran: the command, a save, or the analysis of the whole workspace. */
export type TestRunReason = "command" | "save" | "all";

export interface TestsContext {
  /** The latest analysis of the stored workspace (problems of every rule and manifest, every test). */
  analysis: WorkspaceAnalysis | null;
  /** The latest run of single rules, by rule id; newer than what the analysis says about them. */
  runs: Record<string, RuleTestReport & { reason: TestRunReason; at: string }>;
  /** The analysis input waiting for the running analysis to finish (only the newest is kept). */
  nextAnalysis: WorkspaceAnalysisInput | null;
  /** The input of the analysis running now. */
  currentAnalysis: WorkspaceAnalysisInput | null;
  /** Rule texts waiting to run, in order; a rule appears at most once (its newest text). */
  queue: { source: LoadedFile; reason: TestRunReason }[];
  /** Set while `tests.runAll` waits for its analysis, so its outcome can be announced. */
  allRequested: boolean;
  error: string | null;
}

export type TestsEvent =
  | { type: "analysis.request"; input: WorkspaceAnalysisInput; all?: boolean }
  | { type: "tests.run"; source: LoadedFile; reason: TestRunReason };

function required<T, I>(name: string) {
  return fromPromise<T, I>(() =>
    Promise.reject(new Error(`testsMachine: provide the "${name}" actor with .provide().`)),
  );
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Test runs and workspace analysis, both off the main thread (the injected actors talk to a
 * worker). Analyses coalesce: a request while one runs waits, and only the newest waits. Single
 * rule runs (Run Tests, on save) queue, one rule's newest text replacing an older one still waiting.
 * `finished` is an injected action told of every completed run, for the Output log and summaries.
 */
export const testsMachine = setup({
  types: {} as { context: TestsContext; events: TestsEvent },
  actors: {
    analyze: required<WorkspaceAnalysis, WorkspaceAnalysisInput>("analyze"),
    runTests: required<RuleTestReport, LoadedFile>("runTests"),
  },
  actions: {
    finished: (_, _run: { report?: RuleTestReport; analysis?: WorkspaceAnalysis; reason: TestRunReason }) =>
      undefined,
  },
}).createMachine({
  id: "tests",
  type: "parallel",
  context: {
    analysis: null,
    runs: {},
    nextAnalysis: null,
    currentAnalysis: null,
    queue: [],
    allRequested: false,
    error: null,
  },
  states: {
    analysis: {
      initial: "idle",
      states: {
        idle: {
          on: {
            "analysis.request": {
              target: "running",
              actions: assign({
                nextAnalysis: ({ event }) => event.input,
                allRequested: ({ context, event }) => context.allRequested || event.all === true,
              }),
            },
          },
        },
        running: {
          entry: assign(({ context }) => ({ currentAnalysis: context.nextAnalysis, nextAnalysis: null })),
          invoke: {
            src: "analyze",
            input: ({ context }) => context.currentAnalysis!,
            onDone: {
              target: "settled",
              actions: [
                assign(({ context, event }) => {
                  // A single run newer than this analysis stays; older ones give way to it.
                  const runs = { ...context.runs };
                  for (const report of event.output.tests) {
                    if (runs[report.ruleId]?.reason !== "command") delete runs[report.ruleId];
                  }
                  return { analysis: event.output, runs, error: null };
                }),
                {
                  type: "finished",
                  params: ({ context, event }) => ({
                    analysis: event.output,
                    reason: context.allRequested ? ("all" as const) : ("save" as const),
                  }),
                },
                assign({ allRequested: false }),
              ],
            },
            onError: { target: "settled", actions: assign({ error: ({ event }) => message(event.error) }) },
          },
          on: {
            "analysis.request": {
              actions: assign({
                nextAnalysis: ({ event }) => event.input,
                allRequested: ({ context, event }) => context.allRequested || event.all === true,
              }),
            },
          },
        },
        settled: {
          always: [
            { guard: ({ context }) => context.nextAnalysis !== null, target: "running" },
            { target: "idle" },
          ],
        },
      },
    },
    runs: {
      initial: "idle",
      on: {
        "tests.run": {
          actions: assign({
            queue: ({ context, event }) => [
              ...context.queue.filter((q) => q.source.file !== event.source.file),
              { source: event.source, reason: event.reason },
            ],
          }),
        },
      },
      states: {
        idle: { always: { guard: ({ context }) => context.queue.length > 0, target: "running" } },
        running: {
          invoke: {
            src: "runTests",
            input: ({ context }) => context.queue[0]!.source,
            onDone: {
              target: "idle",
              actions: [
                assign(({ context, event }) => {
                  const reason = context.queue[0]!.reason;
                  return {
                    runs: {
                      ...context.runs,
                      [event.output.ruleId]: { ...event.output, reason, at: new Date().toISOString() },
                    },
                    queue: context.queue.slice(1),
                    error: null,
                  };
                }),
                {
                  type: "finished",
                  params: ({ context, event }) => ({
                    report: event.output,
                    reason: context.runs[event.output.ruleId]?.reason ?? "command",
                  }),
                },
              ],
            },
            onError: {
              target: "idle",
              actions: assign(({ context, event }) => ({
                queue: context.queue.slice(1),
                error: message(event.error),
              })),
            },
          },
        },
      },
    },
  },
});
