// Pending pairs chain (A~B, B~C), and a person deciding them one pair at a time sees the same record again and
// again, so they are shown as groups: the connected components of the pending pairs, each pair's ends taken as
// the records they were merged into, if any (a pair whose record was merged since is about its kept record).
import { UnionFind } from "./union-find";

export interface PendingLink {
  id: string;
  aId: string;
  bId: string;
  score: number;
}

export interface PendingGroup {
  /** The records still in the review that the group would merge, in first-seen order. */
  recordIds: string[];
  /** Its pending pairs, by id. */
  pairIds: string[];
  /** The strongest pair's score: groups are reviewed surest first. */
  score: number;
}

/** `keptOf` maps a merged record to the record it was merged into; records absent from it are their own. */
export function groupPendingPairs(pairs: readonly PendingLink[], keptOf: ReadonlyMap<string, string>): PendingGroup[] {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const at = (id: string) => {
    const root = keptOf.get(id) ?? id;
    let i = index.get(root);
    if (i === undefined) {
      i = ids.length;
      index.set(root, i);
      ids.push(root);
    }
    return i;
  };
  const ends = pairs.map((p) => [at(p.aId), at(p.bId)] as const);
  const sets = new UnionFind(ids.length);
  for (const [a, b] of ends) sets.union(a, b);

  const groups = new Map<number, PendingGroup>();
  const seen = new Set<number>();
  for (const [k, pair] of pairs.entries()) {
    const [a, b] = ends[k]!;
    const root = sets.find(a);
    let group = groups.get(root);
    if (!group) {
      group = { recordIds: [], pairIds: [], score: 0 };
      groups.set(root, group);
    }
    group.pairIds.push(pair.id);
    group.score = Math.max(group.score, pair.score);
    for (const i of [a, b]) {
      if (seen.has(i)) continue;
      seen.add(i);
      group.recordIds.push(ids[i]!);
    }
  }
  return [...groups.values()].sort(
    (x, y) => y.score - x.score || (x.pairIds[0]! < y.pairIds[0]! ? -1 : x.pairIds[0]! > y.pairIds[0]! ? 1 : 0),
  );
}
