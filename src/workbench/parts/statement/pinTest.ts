import { pinnedTest } from "../../../engine";
import { appendTestText, type StatementReply } from "../../../platform";
import type { WorkbenchServices } from "../../services";
import type { StatementTarget } from "./statementResource";

/**
 * `Simulation: Pin Record as Test`: the record, cut down to the paths the rule reads, and the rule's
 * current value for it, appended to the rule's tests as an edit of its document (undoable with
 * Ctrl+Z, saved like any edit), then the rule opened. Returns the test's name.
 */
export async function pinRecordAsTest(
  services: WorkbenchServices,
  reply: StatementReply,
  ruleId: string,
  target: StatementTarget,
): Promise<string | undefined> {
  const t = services.i18n.t.bind(services.i18n);
  const stored = services.workspace.getSnapshot().context.lists.rules.find((r) => r.id === ruleId);
  const rule = reply.statement.rules.find((r) => r.rule === ruleId);
  if (!stored || !rule) return undefined;
  const actor = await services.documents.open("rule", ruleId);
  const text = actor.getSnapshot().context.text;
  const test = pinnedTest(
    stored.rule,
    reply.context,
    rule.value,
    `${target.recordId} · ${reply.name} ${reply.version}`,
  );
  const edited = appendTestText(text, test);
  actor.send({ type: "doc.edit", text: edited });
  // Show the new test: the line of its name in the edited text.
  const at = edited.lastIndexOf(JSON.stringify(test.name));
  const line = edited.slice(0, Math.max(0, at)).split("\n").length;
  services.editors.reveal({ kind: "rule", resource: ruleId }, { line, column: 1 });
  services.notifications.notify({
    severity: "info",
    message: t("statement.pinned", { name: test.name, rule: ruleId }),
  });
  return test.name;
}
