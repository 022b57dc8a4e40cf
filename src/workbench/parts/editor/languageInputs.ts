import {
  contextFields,
  datasetFields,
  PRESENCE_SAMPLE_SIZE,
  ruleScope,
  type FieldInfo,
  type LanguageContext,
  type ManifestContext,
  type WorkspaceLists,
} from "../../../platform";
import type { WorkbenchServices } from "../../services";

/** A context key a data view may set to the index of the record the user selected (hover values). */
export const SELECTED_RECORD_KEY = "data.selectedRecordIndex";

interface Records {
  datasetId: string;
  records: readonly unknown[];
}

/**
 * What the rule and manifest language services know, built from the running workbench and cached:
 * the field tree of the active dataset (with the share of records having each field, from its first
 * {@link PRESENCE_SAMPLE_SIZE} records, read once per dataset) and each rule's pack scope. Asked on
 * every completion or hover, so it must be cheap when nothing changed.
 */
export class LanguageInputs {
  private records: Records | undefined;
  private loading: string | undefined;
  private fieldsCache: { key: unknown[]; fields: Map<string, FieldInfo> } | undefined;

  constructor(private readonly services: WorkbenchServices) {}

  private state() {
    const workspace = this.services.workspace.getSnapshot().context;
    return { lists: workspace.lists, datasetId: workspace.activeDatasetId };
  }

  private recordsOf(datasetId: string | null): readonly unknown[] {
    if (!datasetId) return [];
    if (this.records?.datasetId === datasetId) return this.records.records;
    if (this.loading !== datasetId) {
      this.loading = datasetId;
      this.services.datasets.records(datasetId, { start: 0, count: PRESENCE_SAMPLE_SIZE }).then(
        (records) => {
          if (this.loading === datasetId) this.records = { datasetId, records };
        },
        (error: unknown) =>
          this.services.output.log(`Reading ${datasetId} for completion: ${String(error)}`, "warning"),
      );
    }
    return [];
  }

  private fields(lists: WorkspaceLists, datasetId: string | null): Map<string, FieldInfo> {
    const meta = lists.datasets.find((d) => d.id === datasetId);
    const records = this.recordsOf(datasetId);
    const key = [meta, records];
    if (this.fieldsCache && this.fieldsCache.key.every((k, i) => k === key[i]))
      return this.fieldsCache.fields;
    const fields = datasetFields(meta?.schema, records);
    this.fieldsCache = { key, fields };
    return fields;
  }

  private sampleRecord(datasetId: string | null): unknown {
    const index = this.services.contextKeys.get(SELECTED_RECORD_KEY);
    const records = this.recordsOf(datasetId);
    return records[typeof index === "number" ? index : 0];
  }

  private locale() {
    return this.services.preferences.getSnapshot().context.locale;
  }

  /** The context of the rule `ruleId`: its dataset fields and what its manifests give it. */
  rule(ruleId: string): LanguageContext {
    const { lists, datasetId } = this.state();
    const file = lists.rules.find((r) => r.id === ruleId)?.file;
    const scope = file ? ruleScope(file, lists.manifests, lists.rules) : undefined;
    const ctx: LanguageContext = {
      locale: this.locale(),
      fields: this.fields(lists, datasetId),
      params: scope?.params ?? [],
      outputs: scope?.outputs ?? [],
      population: scope?.population ?? [],
      ctx: contextFields,
    };
    const sample = this.sampleRecord(datasetId);
    if (sample !== undefined) ctx.sampleRecord = sample;
    return ctx;
  }

  /** The context of the manifest `manifestId`: the workspace's rules and the dataset fields. */
  manifest(manifestId: string): ManifestContext {
    const { lists, datasetId } = this.state();
    const file =
      lists.manifests.find((m) => m.id === manifestId)?.file ?? `manifests/${manifestId}.manifest.json`;
    return {
      locale: this.locale(),
      fields: this.fields(lists, datasetId),
      params: [],
      outputs: [],
      population: [],
      ctx: contextFields,
      file,
      rules: lists.rules,
    };
  }
}
