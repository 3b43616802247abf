/**
 * The closest cell name, for the `xref/cell` fix. A fix must be certain, so a
 * candidate wins only when it is close, clearly closer than every other, and
 * has the same numbers: "Thôn 1" is never "corrected" to "Thôn 11".
 */

/** "Chi bộ Thôn 1" and "Thôn 1" are the same cell: the prefix is dropped before comparing. */
function core(folded: string): string {
  return folded.replace(/^chi bo\s+/, "");
}

function numbers(s: string): string {
  return (s.match(/\d+/g) ?? []).join(",");
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export interface NameCandidate {
  /** As written in CELLS: what the fix writes. */
  name: string;
  /** Folded. */
  key: string;
}

export function closestName(foldedName: string, candidates: readonly NameCandidate[]): string | null {
  const target = core(foldedName);
  const digits = numbers(target);
  const limit = Math.max(1, Math.floor(target.length / 4));
  let best: NameCandidate | null = null;
  let bestD = Infinity;
  let secondD = Infinity;
  for (const c of candidates) {
    const k = core(c.key);
    if (numbers(k) !== digits) continue;
    const d = editDistance(target, k, limit + 1);
    if (d < bestD) {
      secondD = bestD;
      bestD = d;
      best = c;
    } else if (d < secondD) secondD = d;
  }
  if (best === null || bestD > limit) return null;
  // A near tie means a person has to choose.
  return secondD - bestD >= 2 ? best.name : null;
}
