/**
 * Whole-number ticks from 0 to at most `max`, a step of 1, 2 or 5 × 10^k: the smallest such step that leaves
 * no more than five intervals, so a short axis (a dozen records, three includes) is not left with two ticks.
 */
export function axisTicks(max: number): number[] {
  if (max <= 0) return [0];
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const fit = [1, 2, 5].map((m) => m * magnitude).find((s) => max / s <= 5);
    if (fit) {
      step = fit;
      break;
    }
  }
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}
