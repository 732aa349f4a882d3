// The labels a retraining reads, one character per record in id order, so that after each decision it moves a
// few kilobytes rather than every record of the stage.

export const LABEL_CODE = { include: "i", exclude: "e", open: "o", neither: "-" } as const;

/**
 * Index → 1 (include) or 0 (exclude) for the labelled records, and the indices of the open ones (records that
 * still need the reviewer: the ones worth ranking).
 */
export function decodeLabels(codes: string): { labels: Map<number, 0 | 1>; open: number[] } {
  const labels = new Map<number, 0 | 1>();
  const open: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === LABEL_CODE.include) labels.set(i, 1);
    else if (code === LABEL_CODE.exclude) labels.set(i, 0);
    else if (code === LABEL_CODE.open) open.push(i);
  }
  return { labels, open };
}
