// What a trained model's scores become: the order in which a reviewer's open records are served, and the
// relevance a screen shows for each.

/** Indices of the unlabelled records, highest score first (ties in input order, so a ranking is reproducible). */
export function rankUnlabelled(scores: Float64Array, labelled: ReadonlyMap<number, unknown>): number[] {
  const open: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!labelled.has(i)) open.push(i);
  return open.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Relevance as a percentile of the ranking, 100 for the first of `count` records (`place` counts from 1). */
export function relevanceAt(place: number, count: number): number {
  return Math.round(100 * (1 - (place - 1) / Math.max(1, count)));
}
