// Sure pairs chain into clusters (see plan-merges.ts), so one wrong link pulls two different documents
// together. Clusters are therefore grown strongest link first, and a link that would put two different
// DOIs or PMIDs into one cluster is demoted to review: identifiers that differ name different documents. The
// versions of one Cochrane review are the exception: their DOIs differ, their review number does not. So is a
// notice (a correction, a reply) merged with its article: its DOI is its own by nature, and the cluster's
// document is the article's.
import type { PreparedRecord } from "./normalise";
import type { CandidatePair } from "./types";
import { UnionFind } from "./union-find";

export interface Link {
  /** Record indexes. */
  i: number;
  j: number;
  pair: CandidatePair;
}

function compatible(x: string | null, y: string | null): boolean {
  return !x || !y || x === y;
}

export function demoteInconsistentMerges(links: readonly Link[], records: readonly PreparedRecord[]): void {
  const sets = new UnionFind(records.length);
  const doi = records.map((r) =>
    r.cochrane ? `cochrane:${r.cochrane.review}` : r.title.kind === "article" ? r.doi : null,
  );
  const pmid = records.map((r) => r.pmid);
  const sure = links.filter((l) => l.pair.decision === "merge").sort((x, y) => y.pair.score - x.pair.score);
  for (const { i, j, pair } of sure) {
    const ri = sets.find(i);
    const rj = sets.find(j);
    if (ri === rj) continue;
    if (!compatible(doi[ri]!, doi[rj]!) || !compatible(pmid[ri]!, pmid[rj]!)) {
      pair.decision = "review";
      pair.evidence = { ...pair.evidence, cluster: "would join records with different DOIs or PMIDs" };
      continue;
    }
    sets.union(ri, rj);
    const root = sets.find(ri);
    doi[root] = doi[ri] ?? doi[rj]!;
    pmid[root] = pmid[ri] ?? pmid[rj]!;
  }
}
