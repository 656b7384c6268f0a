// Typo suggestions for every command language in trainer (the trainer's own argv and, later, the
// sandbox's AWS CLI subset). One implementation so "did you mean" behaves the same everywhere.

/** Edit distance between two strings, counting an adjacent swap ("teh" → "the") as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) d[i]![0] = i;
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/**
 * The candidates close enough to `input` to suggest, nearest first (ties keep the candidates' order).
 * "Close enough" follows npm's rule of thumb: fewer edits than 40 % of the longer word, and a prefix
 * of a candidate ("prog" → "progress") always counts.
 */
export function closestMatches(input: string, candidates: readonly string[], limit = 3): string[] {
  const needle = input.toLowerCase();
  if (needle.length === 0) return [];
  const scored: { candidate: string; distance: number; order: number }[] = [];
  candidates.forEach((candidate, order) => {
    const hay = candidate.toLowerCase();
    const distance = hay.startsWith(needle) ? 0.5 : editDistance(needle, hay);
    if (distance < Math.max(needle.length, hay.length) * 0.4 || distance === 0.5) {
      scored.push({ candidate, distance, order });
    }
  });
  scored.sort((x, y) => x.distance - y.distance || x.order - y.order);
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** The single best suggestion, if any candidate is close enough. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  return closestMatches(input, candidates, 1)[0];
}
