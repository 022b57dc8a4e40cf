import type { LocalizedText } from "../../base";
import distributorSchema from "../../../samples/distributor.schema.json";
import type { DatasetMeta } from "../storage/records";
import type { DatasetRepository } from "../storage/repositories";
import type { DatasetImportService, ImportProgress } from "../workers/datasetImportService";
import type { ImportCheck, ImportColumn, ImportOptions } from "./importRecords";
import { headerPath } from "./schemaPaths";

/** A dataset id from a name: lower case, letters, digits and dashes, unique among `taken`. */
export function datasetId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "dataset";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

interface SchemaNode {
  type?: string | string[];
  title?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** A JSON Schema of one record from the reviewed columns (types per path, nesting from the dots). */
export function inferredSchema(columns: readonly ImportColumn[]): unknown {
  const root: SchemaNode = { type: "object", properties: {} };
  for (const column of columns) {
    const path = headerPath(column.name);
    let node = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const leaf: SchemaNode = last
        ? column.kind === "json"
          ? {}
          : { type: column.kind }
        : typeof path[i + 1] === "number"
          ? { type: "array" }
          : { type: "object", properties: {} };
      if (typeof segment === "number") {
        node.items ??= leaf;
        node = node.items;
      } else {
        node.properties ??= {};
        node.properties[segment] ??= leaf;
        node = node.properties[segment];
      }
    });
  }
  return root;
}

const distributorTitle: LocalizedText = {
  en: distributorSchema.title,
  "zh-CN": distributorSchema["x-title-zh-CN"],
};

/**
 * Writes the valid records of a reviewed import as a new dataset: a writer from the repository, the
 * worker's write pass into it, then commit. Any failure or a cancel (`watch.signal`) aborts the
 * writer, so no partial dataset and no orphan chunk is left.
 */
export async function writeImportedDataset(
  datasets: Pick<DatasetRepository, "begin" | "list">,
  service: DatasetImportService,
  input: { file: File; options: ImportOptions; check: ImportCheck; name: string },
  watch: ImportProgress = {},
  now: () => Date = () => new Date(),
): Promise<DatasetMeta> {
  const taken = new Set((await datasets.list()).map((d) => d.id));
  const distributor = input.check.schema === "distributor";
  const meta: Omit<DatasetMeta, "rowCount"> = {
    id: datasetId(input.name, taken),
    name: input.name,
    sourceFile: input.file.name,
    createdAt: now().toISOString(),
    ...(distributor ? { title: distributorTitle } : {}),
    schema: distributor ? distributorSchema : inferredSchema(input.check.columns),
  };
  const writer = await datasets.begin(meta);
  if (!writer) throw new Error(`A dataset "${meta.id}" is being written by another tab; try again.`);
  try {
    watch.signal?.throwIfAborted();
    await service.write(input.file, input.options, writer, watch);
    watch.signal?.throwIfAborted();
    return await writer.commit();
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}
