/** A match of a query in a text: its score (higher is better) and the matched ranges to highlight. */
export interface FuzzyMatch {
  score: number;
  /** Half-open `[start, end)` ranges into the text, in order, merged where contiguous. */
  ranges: [number, number][];
}

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charAt(index - 1);
  const here = text.charAt(index);
  if (/[\s:._\-/·()（）]/.test(before)) return true;
  // camelCase boundaries, and every CJK character (each one is a word for the user).
  if (/[a-z]/.test(before) && /[A-Z]/.test(here)) return true;
  return /[\u3400-\u9fff]/.test(here);
}

/**
 * Fuzzy matching as VS Code's quick open does it: every query character must appear in order
 * (case-insensitive); contiguous runs, word starts and an early first match score higher. Spaces in
 * the query are ignored. Dynamic programming finds the best-scoring alignment, not the first one.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | undefined {
  const q = query.replace(/\s+/g, "").toLowerCase();
  if (q === "") return { score: 0, ranges: [] };
  const t = text.toLowerCase();
  const n = q.length;
  const m = t.length;
  if (n > m) return undefined;
  // best[i][j]: best score with q[0..i] matched and q[i] at t[j]; -Infinity when impossible.
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(m).fill(-Infinity);
    const back = new Int32Array(m).fill(-1);
    for (let j = i; j < m; j++) {
      if (t.charCodeAt(j) !== q.charCodeAt(i)) continue;
      const bonus = (isWordStart(text, j) ? 8 : 0) + (text.charAt(j) === query.charAt(i) ? 1 : 0);
      if (i === 0) {
        row[j] = 10 + bonus - Math.min(j, 10) * 0.5;
        continue;
      }
      const prev = best[i - 1]!;
      let bestPrev = -Infinity;
      let bestK = -1;
      for (let k = i - 1; k < j; k++) {
        if (prev[k] === -Infinity) continue;
        const s = prev[k]! + (k === j - 1 ? 15 : -Math.min(j - k - 1, 5));
        if (s > bestPrev) {
          bestPrev = s;
          bestK = k;
        }
      }
      if (bestK >= 0) {
        row[j] = bestPrev + 10 + bonus;
        back[j] = bestK;
      }
    }
    best.push(row);
    from.push(back);
  }
  const last = best[n - 1]!;
  let end = -1;
  for (let j = 0; j < m; j++) if (last[j]! > (end < 0 ? -Infinity : last[end]!)) end = j;
  if (end < 0 || last[end] === -Infinity) return undefined;
  const positions: number[] = [];
  for (let i = n - 1, j = end; i >= 0; i--) {
    positions.push(j);
    j = from[i]![j]!;
  }
  positions.reverse();
  const ranges: [number, number][] = [];
  for (const p of positions) {
    const lastRange = ranges.at(-1);
    if (lastRange && lastRange[1] === p) lastRange[1] = p + 1;
    else ranges.push([p, p + 1]);
  }
  // Shorter texts win ties: "Run Tests" before "Run All Tests" for "run tests".
  const score = last[end]! - m * 0.01;
  // The query typed as it stands in the text, spaces and all, beats any scattered alignment: with
  // spaces dropped, "Workspace: Back Up…" aligns more contiguously in "…from Backup…" than in itself.
  const whole = query.trim().toLowerCase();
  const at = whole.includes(" ") ? t.indexOf(whole) : -1;
  if (at >= 0) return { score: score + 100 + (at === 0 ? 50 : 0), ranges: [[at, at + whole.length]] };
  return { score, ranges };
}
