// Turns sure pairs into removals. Pairs chain (A=B, B=C), so records are first grouped into clusters; each
// cluster keeps its most complete record and every other member merges into that one, which makes "the
// record it merged into" a single, well-defined record.
import { cochraneRecency } from "./normalise";
import { normaliseTitle } from "./title";
import type { CandidatePair, DedupRecord, Removal } from "./types";
import { UnionFind } from "./union-find";

const filled = (value: unknown) =>
  Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && String(value).trim() !== "";

/** Filled fields, a DOI and an abstract counting double: they are what later steps (full text, screening) need. */
export function completeness(r: DedupRecord): number {
  let score = 0;
  for (const value of [r.title, r.authors, r.year, r.journal, r.volume, r.issue, r.pages, r.pmid, r.nctIds, r.type])
    if (filled(value)) score++;
  if (filled(r.doi)) score += 2;
  if (filled(r.abstract)) score += 2;
  return score;
}

/** A correction, reply or comment merged with its article must not be the record that stays for screening. */
const isNotice = (r: DedupRecord) => normaliseTitle(r.title ?? "").kind !== "article";

/** Versions of one Cochrane review merge into the latest, which supersedes the others. */
const recency = (r: DedupRecord) => cochraneRecency(r);

/**
 * `records` in arrival order (existing first, then incoming): between equally complete records the earlier
 * one is kept. Only "merge" pairs are used; "review" pairs wait for a person.
 */
export function planMerges(pairs: readonly CandidatePair[], records: readonly DedupRecord[]): { removals: Removal[] } {
  const position = new Map<string, number>();
  for (const [i, r] of records.entries()) position.set(r.id, i);
  const sets = new UnionFind(records.length);
  const bestScore = new Map<number, number>();
  for (const pair of pairs) {
    if (pair.decision !== "merge") continue;
    const a = position.get(pair.aId);
    const b = position.get(pair.bId);
    if (a === undefined || b === undefined || a === b) continue;
    sets.union(a, b);
    for (const x of [a, b]) bestScore.set(x, Math.max(bestScore.get(x) ?? 0, pair.score));
  }

  const clusters = new Map<number, number[]>();
  for (const member of bestScore.keys()) {
    const root = sets.find(member);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(member);
    else clusters.set(root, [member]);
  }

  const removals: Removal[] = [];
  const ordered = [...clusters.values()].map((members) => members.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
  for (const members of ordered) {
    // An article beats any notice; then the latest version of a Cochrane review; then the most complete
    // record; then the earliest.
    const rank = (m: number) =>
      (isNotice(records[m]!) ? -1e9 : 0) + recency(records[m]!) * 100 + completeness(records[m]!);
    let kept = members[0]!;
    let keptRank = rank(kept);
    for (const m of members) {
      const r = rank(m);
      if (r > keptRank) [kept, keptRank] = [m, r];
    }
    for (const m of members) {
      if (m !== kept)
        removals.push({ removedId: records[m]!.id, keptId: records[kept]!.id, pairScore: bestScore.get(m)! });
    }
  }
  return { removals };
}
