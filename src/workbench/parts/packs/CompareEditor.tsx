import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { diffPacks, type Pack, type PackDiff, type RuleFile } from "../../../engine";
import { buildWorkspacePack, type MonacoPlatform } from "../../../platform";
import { useServices, type WorkbenchServices } from "../../services";
import type { EditorProps } from "../contribution";
import { useMonacoPlatform } from "../editor/useMonacoPlatform";
import { CompareImpact } from "./CompareImpact";

interface ResolvedSide {
  label: string;
  pack: Pack;
}

/** A compare resource `release:<name@version>|draft:<manifest id>` split into its two sides. */
export function parseCompareResource(resource: string): { kind: string; id: string }[] {
  return resource.split("|").map((side) => {
    const at = side.indexOf(":");
    return { kind: side.slice(0, at), id: side.slice(at + 1) };
  });
}

/** A released version's pack, or a draft built from the workspace as `crw pack build` would. */
async function resolveSide(
  services: WorkbenchServices,
  side: { kind: string; id: string },
): Promise<ResolvedSide> {
  const draft = services.i18n.t("packs.cmd.draft");
  if (side.kind === "release") {
    await services.releases.refresh();
    const release = services.releases.list().find((r) => r.id === side.id);
    if (!release) throw new Error(services.i18n.t("packs.compare.unknown", { id: side.id }));
    return { label: `${release.name} ${release.version}`, pack: release.pack as Pack };
  }
  const { lists } = services.workspace.getSnapshot().context;
  const manifest = lists.manifests.find((m) => m.id === side.id);
  if (!manifest) throw new Error(services.i18n.t("packs.compare.unknown", { id: side.id }));
  const built = await buildWorkspacePack(lists, manifest, { createdAt: new Date().toISOString() });
  if (!built.pack) {
    const first = built.problems.find((p) => p.severity === "error");
    throw new Error(`${manifest.file}: ${first?.message.en ?? "a test failed"}`);
  }
  return { label: `${manifest.manifest.name} ${manifest.manifest.version} (${draft})`, pack: built.pack };
}

/** The text a rule is compared as: the rule file's JSON, as embedded in the pack. */
const ruleText = (rule: RuleFile | undefined) => (rule ? JSON.stringify(rule, null, 2) + "\n" : "");

/**
 * `Pack: Compare Versions`: the `crw pack diff` model of two versions (rules added, removed and
 * changed, parameters, population, whether the bump fits), a side-by-side Monaco diff of every
 * changed rule, and the impact on a chosen dataset: both versions run and compared as
 * `Simulation: Compare with Baseline` does ({@link CompareImpact}).
 */
export function CompareEditor({ input }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const [sides, setSides] = useState<
    { old: ResolvedSide; new: ResolvedSide; diff: PackDiff } | { error: string } | null
  >(null);
  useEffect(() => {
    let live = true;
    const [a, b] = parseCompareResource(input.resource);
    Promise.all([resolveSide(services, a!), resolveSide(services, b!)]).then(
      ([older, newer]) => {
        if (live) setSides({ old: older, new: newer, diff: diffPacks(older.pack, newer.pack) });
      },
      (error: unknown) => {
        if (live) setSides({ error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [services, input.resource]);

  if (sides === null) return <p className="released__loading">{t("packs.released.loading")}</p>;
  if ("error" in sides)
    return (
      <p className="released__missing" role="alert">
        {sides.error}
      </p>
    );
  const { diff } = sides;
  const [a = { kind: "", id: "" }, b = { kind: "", id: "" }] = parseCompareResource(input.resource);
  const oldRules = new Map(sides.old.pack.rules.map((r) => [r.id, r]));
  const newRules = new Map(sides.new.pack.rules.map((r) => [r.id, r]));
  const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
  // Every changed rule, then the parameters and the population when they changed, side by side.
  const changedParts = [
    ...[...diff.rules.changed.map((c) => c.id), ...diff.rules.added, ...diff.rules.removed].map((id) => ({
      id,
      original: ruleText(oldRules.get(id)),
      modified: ruleText(newRules.get(id)),
    })),
    ...(diff.params.added.length + diff.params.removed.length + diff.params.changed.length > 0
      ? [{ id: "params", original: json(sides.old.pack.params), modified: json(sides.new.pack.params) }]
      : []),
    ...(diff.population.added.length + diff.population.removed.length + diff.population.changed.length > 0
      ? [
          {
            id: "population",
            original: json(sides.old.pack.population),
            modified: json(sides.new.pack.population),
          },
        ]
      : []),
  ];
  const list = (label: string, items: string[]) => (
    <>
      <dt>{label}</dt>
      <dd>{items.length === 0 ? t("packs.compare.none") : items.join(", ")}</dd>
    </>
  );
  return (
    <section
      className="compare"
      aria-label={t("packs.compare.title", { old: sides.old.label, new: sides.new.label })}
    >
      <h2 className="release__title">
        {t("packs.compare.title", { old: sides.old.label, new: sides.new.label })}
      </h2>
      <p className={diff.bump.fits ? "release__status" : "release__status release__error"}>
        {diff.identical
          ? t("packs.compare.identical")
          : t("packs.compare.bump", {
              actual: diff.bump.actual,
              required: diff.bump.required,
              verdict: diff.bump.fits ? t("packs.compare.fits") : t("packs.compare.notFits"),
            })}
      </p>
      {diff.errors.map((e, i) => (
        <p key={i} className="release__error" role="alert">
          {services.preferences.getSnapshot().context.locale === "zh-CN" ? (e["zh-CN"] ?? e.en) : e.en}
        </p>
      ))}
      <dl className="released__facts">
        {list(t("packs.compare.rulesAdded"), diff.rules.added)}
        {list(t("packs.compare.rulesRemoved"), diff.rules.removed)}
        {list(
          t("packs.compare.rulesChanged"),
          diff.rules.changed.map((c) => `${c.id} (${c.parts.join(", ")})`),
        )}
        {list(t("packs.compare.paramsAdded"), diff.params.added)}
        {list(t("packs.compare.paramsRemoved"), diff.params.removed)}
        {list(t("packs.compare.paramsChanged"), diff.params.changed)}
        {list(t("packs.compare.popAdded"), diff.population.added)}
        {list(t("packs.compare.popRemoved"), diff.population.removed)}
        {list(
          t("packs.compare.popChanged"),
          diff.population.changed.map((c) => `${c.id} (${c.parts.join(", ")})`),
        )}
      </dl>
      {diff.orderChanged && <p>{t("packs.compare.orderChanged")}</p>}
      <h3 className="released__heading">{t("packs.compare.sideBySide")}</h3>
      {changedParts.length === 0 && <p className="release__help">{t("packs.compare.none")}</p>}
      {changedParts.map((part) => (
        <RuleDiff
          key={part.id}
          id={part.id}
          oldLabel={sides.old.label}
          newLabel={sides.new.label}
          original={part.original}
          modified={part.modified}
        />
      ))}
      <CompareImpact sides={[a, b] as const} oldLabel={sides.old.label} newLabel={sides.new.label} />
    </section>
  );
}

/** One changed rule: a disclosure whose side-by-side diff is created when it is opened. */
function RuleDiff(props: {
  id: string;
  oldLabel: string;
  newLabel: string;
  original: string;
  modified: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const monaco = useMonacoPlatform();
  const label = t("packs.compare.ruleDiff", { id: props.id, old: props.oldLabel, new: props.newLabel });
  return (
    <details className="compare__rule" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <code>{props.id}</code>
      </summary>
      {open && monaco.status === "ready" && <DiffView platform={monaco.platform} label={label} {...props} />}
    </details>
  );
}

function DiffView({
  platform,
  label,
  oldLabel,
  newLabel,
  original,
  modified,
  id,
}: {
  platform: MonacoPlatform;
  label: string;
  oldLabel: string;
  newLabel: string;
  original: string;
  modified: string;
  id: string;
}) {
  const services = useServices();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const { theme, fontSize } = services.preferences.getSnapshot().context;
    const handle = platform.createDiffEditor(host.current, {
      original,
      modified,
      theme,
      fontSize,
      readOnly: true,
      originalAriaLabel: `${id} · ${oldLabel}`,
      modifiedAriaLabel: `${id} · ${newLabel}`,
    });
    return () => handle.dispose();
  }, [platform, services, original, modified, id, oldLabel, newLabel]);
  return <div ref={host} className="compare__diff" role="group" aria-label={label} />;
}
