/** Edit distance (insertions, deletions, substitutions) between two short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `wanted`, best first: those within a third of its length in edits (at
 * least 2), case-insensitively, at most `limit` of them. "Did you mean" material, not a search.
 */
export function closest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = wanted.toLowerCase();
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { name: string; distance: number }[] = [];
  for (const name of candidates) {
    if (name === wanted) continue;
    const distance = editDistance(target, name.toLowerCase());
    if (distance <= allowed) scored.push({ name, distance });
  }
  return scored
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
    .slice(0, limit)
    .map((s) => s.name);
}
