import type { Contribution } from "../contribution";
import { statementCommands } from "./statement.commands";
import { parseStatementResource, parseSweepResource } from "./statementResource";
import { RunGuardrails } from "./RunGuardrails";
import { reportSlots } from "../simulation/reportSlots";
import { lazyPart } from "../lazyPart";

const StatementEditor = lazyPart(() => import("./StatementEditor").then((m) => m.StatementEditor));
const SweepView = lazyPart(() => import("./SweepView").then((m) => m.SweepView));
const TracePanel = lazyPart(() => import("./TracePanel").then((m) => m.TracePanel));

// A run's guardrails head its simulation report.
reportSlots.guardrails = RunGuardrails;

/** Statements (per-record trace), the Trace panel, pinning records as tests and parameter sweeps. */
export const statementContribution: Contribution = {
  editors: {
    statement: {
      component: StatementEditor,
      label: (input, { t }) =>
        t("statement.tab", { record: parseStatementResource(input.resource)?.recordId ?? input.resource }),
      description: (input, { t }) => {
        const target = parseStatementResource(input.resource);
        return target
          ? t("statement.tabDescription", {
              record: target.recordId,
              pack: target.packRef,
              dataset: target.datasetId,
            })
          : undefined;
      },
    },
    sweep: {
      component: SweepView,
      label: (input, { t }) =>
        t("statement.sweep.tab", { param: parseSweepResource(input.resource)?.param ?? "" }),
    },
  },
  panels: { trace: TracePanel },
  commands: statementCommands,
};
