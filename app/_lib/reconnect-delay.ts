/**
 * How long a page waits before its next try to reconnect to the live updates: 1 s after the first loss, doubling
 * to 30 s, each spread over its upper half so that fifty browsers a server restart cut off do not return together.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(1000 * 2 ** attempt, 30_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}
