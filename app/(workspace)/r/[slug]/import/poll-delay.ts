/**
 * How long the import page waits before asking again about imports still changing: a second at first, so a short
 * import is seen finishing at once, then half again longer each time up to 8 s, so that a long import followed
 * by a team of fifty does not cost fifty requests a second.
 */
export function importPollDelay(pollsSoFar: number): number {
  return Math.min(Math.round(1000 * 1.5 ** pollsSoFar), 8000);
}
