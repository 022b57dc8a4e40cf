// The straightforward pipeline `crw eval` is measured against in `npm run bench -- cli`: what an
// engineer writes in an afternoon with json-logic-js. Reads the manifest's rules, parses the JSONL
// with readline, holds every record, then runs the pack's steps in its order (each rule over every
// record with jsonLogic.apply, each population operator with sorts and maps), rounds `decimals`, and
// writes one JSON.stringify line per record. Plain Node, no build step:
//   node naive.js <manifest> <data.jsonl> <as-of> > out.jsonl
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import jsonLogic from "json-logic-js";

const [manifestPath, dataPath, asOf] = process.argv.slice(2);
const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
const rules = await Promise.all(
  manifest.rules.map(async (f) => JSON.parse(await readFile(join(dirname(manifestPath), f), "utf8"))),
);
const params = Object.fromEntries(Object.entries(manifest.params).map(([k, p]) => [k, p.default]));
const ctx = { as_of: asOf, eval_month: Number(asOf.slice(5, 7)) };

const records = [];
for await (const line of createInterface({ input: createReadStream(dataPath), crlfDelay: Infinity })) {
  if (line.trim() === "") continue;
  const record = JSON.parse(line);
  records.push({ ...record, params, ctx, out: {}, pop: {} });
}

const get = (o, path) =>
  path.split(".").reduce((x, k) => (x === null || x === undefined ? undefined : x[k]), o);
const round = (x, d) => Math.sign(x) * (Math.round(Math.abs(x) * 10 ** d) / 10 ** d);

// Steps in dependency order: a step runs once everything it reads is produced.
const reads = (logic) => {
  const found = [];
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object")
      for (const [op, args] of Object.entries(node)) {
        if (op === "var") found.push(Array.isArray(args) ? args[0] : args);
        else walk(args);
      }
  };
  walk(logic);
  return found;
};
const steps = [
  ...rules.map((r) => ({ kind: "rule", r, produces: `out.${r.id}`, reads: reads(r.logic) })),
  ...manifest.population.map((p) => ({
    kind: "pop",
    p,
    produces: p.out,
    reads: [p.measure, p.partitionBy, typeof p.budget === "string" ? p.budget : undefined].filter(Boolean),
  })),
];
const done = new Set();
const order = [];
while (order.length < steps.length) {
  for (const s of steps) {
    if (order.includes(s)) continue;
    const ready = s.reads.every((path) => {
      const produced = steps.find((t) => path === t.produces || path.startsWith(t.produces + "."));
      return !produced || done.has(produced.produces);
    });
    if (ready) {
      order.push(s);
      done.add(s.produces);
    }
  }
}

function groups(p) {
  const byKey = new Map();
  records.forEach((r, i) => {
    const m = get(r, p.measure);
    if (typeof m !== "number" || !Number.isFinite(m)) return;
    const key = JSON.stringify(p.partitionBy ? (get(r, p.partitionBy) ?? null) : null);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(i);
  });
  return [...byKey.values()];
}

function population(p) {
  const name = p.out.slice(4);
  const measure = (i) => get(records[i], p.measure);
  for (const r of records) r.pop[name] = null;
  for (const g of groups(p)) {
    const sum = g.reduce((s, i) => s + measure(i), 0);
    const set = (i, value) => (records[i].pop[name] = value);
    if (p.op === "rank" || p.op === "percentile") {
      const sign = (p.order ?? (p.op === "rank" ? "desc" : "asc")) === "desc" ? -1 : 1;
      const sorted = [...g].sort((a, b) => sign * (measure(a) - measure(b)));
      sorted.forEach((i, k) => {
        const previous = sorted[k - 1];
        if (p.op === "rank")
          set(i, k > 0 && measure(previous) === measure(i) ? records[previous].pop[name] : k + 1);
      });
      if (p.op === "percentile")
        for (let k = sorted.length - 1, end = sorted.length; k >= 0; k--) {
          if (k + 1 < sorted.length && measure(sorted[k + 1]) !== measure(sorted[k])) end = k + 1;
          set(sorted[k], end / sorted.length);
        }
    } else if (p.op === "group_stat") {
      g.forEach((i) => set(i, sum / g.length));
    } else if (p.op === "budget_factor") {
      const budget = typeof p.budget === "number" ? p.budget : get(records[g[0]], p.budget);
      g.forEach((i) => set(i, sum > 0 ? Math.min(1, budget / sum) : 1));
    } else if (p.op === "normalize_to_max") {
      const max = Math.max(...g.map(measure));
      if (max > 0) g.forEach((i) => set(i, (measure(i) / max) * 100));
    } else if (p.op === "cumulative_share_class" || p.op === "cumulative_share") {
      if (!(sum > 0)) continue;
      const sorted = [...g].sort(
        (a, b) => measure(b) - measure(a) || (records[a].id < records[b].id ? -1 : 1),
      );
      let running = 0;
      for (const i of sorted) {
        if (p.op === "cumulative_share") {
          running += measure(i);
          set(i, running / sum);
        } else {
          const before = running / sum;
          set(i, p.labels[p.breaks.filter((b) => before >= b).length]);
          running += measure(i);
        }
      }
    }
  }
}

for (const step of order) {
  if (step.kind === "pop") {
    population(step.p);
    continue;
  }
  const { id, logic, output } = step.r;
  for (const record of records) {
    let value = jsonLogic.apply(logic, record);
    if (output.type === "number" && output.decimals !== undefined) value = round(value, output.decimals);
    record.out[id] = value;
  }
}

const out = [];
for (const r of records) {
  out.push(JSON.stringify({ id: r.id, out: r.out, pop: r.pop, errors: [] }));
  if (out.length === 4096) {
    process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join("\n") + "\n");
process.stderr.write(
  `naive-stats ${JSON.stringify({ records: records.length, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
