// What a trained model's scores become: the order in which a reviewer's open records are served, and the
// relevance a screen shows for each.

/** The `open` record indices, highest score first (ties by index, so a ranking is reproducible). */
export function rankOpen(scores: Float64Array, open: readonly number[]): number[] {
  return [...open].sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Relevance as a percentile of the ranking, 100 for the first of `count` records (`place` counts from 1). */
export function relevanceAt(place: number, count: number): number {
  return Math.round(100 * (1 - (place - 1) / Math.max(1, count)));
}
