/**
 * The resource of a statement editor: `<packRef>::<datasetId>::<recordId>`, packRef being a manifest
 * id `name@version` (the stored draft) or `release:name@version`. The report grid opens it with
 * `services.editors.open({ kind: "statement", resource })`.
 */
export interface StatementTarget {
  packRef: string;
  datasetId: string;
  recordId: string;
}

export function statementResource(target: StatementTarget): string {
  return `${target.packRef}::${target.datasetId}::${target.recordId}`;
}

export function parseStatementResource(resource: string): StatementTarget | undefined {
  const parts = resource.split("::");
  if (parts.length !== 3 || parts.some((p) => p === "")) return undefined;
  const [packRef, datasetId, recordId] = parts as [string, string, string];
  return { packRef, datasetId, recordId };
}

/** The resource of a sweep editor: `<packRef>::<datasetId>::<param>::<from>::<to>::<steps>`. */
export interface SweepTarget {
  packRef: string;
  datasetId: string;
  param: string;
  from: number;
  to: number;
  steps: number;
}

export function sweepResource(t: SweepTarget): string {
  return [t.packRef, t.datasetId, t.param, t.from, t.to, t.steps].join("::");
}

export function parseSweepResource(resource: string): SweepTarget | undefined {
  const parts = resource.split("::");
  if (parts.length !== 6) return undefined;
  const [packRef, datasetId, param, from, to, steps] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const numbers = [Number(from), Number(to), Number(steps)];
  if (!packRef || !datasetId || !param || numbers.some((n) => !Number.isFinite(n))) return undefined;
  return { packRef, datasetId, param, from: numbers[0]!, to: numbers[1]!, steps: numbers[2]! };
}
