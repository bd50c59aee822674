/**
 * Edit distance with adjacent transpositions (optimal string alignment):
 * "Madruo" is one edit from "maduro", "tpye" one from "type". Used for
 * did-you-mean on filter keys, project names and library words. Gives up
 * early (returns max + 1) once the distance must exceed `max`, since callers
 * only want near words and compare against many.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How far off a word of this length may be and still be "meant": one edit up to 5 letters, two beyond. */
export function allowedEdits(word: string): number {
  return [...word].length <= 5 ? 1 : 2;
}

/** The candidates within the allowed edits of `word`, nearest first (ties keep the candidates' order). */
export function nearest(word: string, candidates: Iterable<string>, max = allowedEdits(word)): string[] {
  const scored: Array<{ candidate: string; distance: number; order: number }> = [];
  let order = 0;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, max);
    if (distance <= max) scored.push({ candidate, distance, order: order++ });
  }
  return scored.sort((x, y) => x.distance - y.distance || x.order - y.order).map((s) => s.candidate);
}
