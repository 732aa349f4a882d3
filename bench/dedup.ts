// De-duplication quality on labelled sets: `npx tsx bench/dedup.ts DIR [DIR...]`. Without DIRs: every set
// under ../shared/fixtures/dedup, then every set under the directory named by SIFT_DEDUP_EXTRA (held-out
// sets that may not be copied into the repo, e.g. ASySD's labelled test set, GPL-3:
// `SIFT_DEDUP_EXTRA=/work/dedup-extra npm run bench:dedup`). A set is either layout bench/lib/dedup-sets.ts
// reads. One JSON line per set: the automatic merges; the review pairs as an import stores them (one per two
// records left after the merges: what a person is asked) beside the borderline pairs they come from;
// "WithReview" every review pair accepted; "Decided" every review pair decided rightly, as a person would. `--explain=FILE` writes the missed duplicates and the
// false merges with their evidence, for tuning (only on sets that were tuned on already: a held-out set
// stays unseen).
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { findDuplicates, planMerges } from "../server/dedup/find-duplicates";
import { pairsToReview } from "../server/dedup/pairs-to-review";
import type { CandidatePair, DedupRecord, Removal } from "../server/dedup/types";
import {
  decideRightly,
  FIXTURES,
  isLabelledSet,
  type KeptTrashColumn,
  keptTrashColumns,
  type LabelledSet,
  readLabelledSet,
  sameDocument,
  scoreSet,
} from "./lib/dedup-sets";
import { printResult } from "./lib/stats";

const args = process.argv.slice(2);
const explainTo = args.find((a) => a.startsWith("--explain="))?.slice("--explain=".length);
const setsUnder = (root: string) =>
  existsSync(root)
    ? readdirSync(root)
        .sort()
        .map((d) => path.join(root, d))
        .filter(isLabelledSet)
    : [];
let dirs = args.filter((a) => !a.startsWith("--"));
if (!dirs.length) {
  dirs = setsUnder(path.join(FIXTURES, "dedup"));
  const extra = process.env.SIFT_DEDUP_EXTRA;
  const held = extra ? setsUnder(extra) : [];
  if (!held.length)
    console.log(
      extra
        ? `dedup: no labelled sets under SIFT_DEDUP_EXTRA=${extra}; held-out sets skipped`
        : "dedup: SIFT_DEDUP_EXTRA is not set; held-out sets skipped",
    );
  dirs.push(...held);
}
const missing = dirs.filter((d) => !isLabelledSet(d));
if (!dirs.length || missing.length) {
  console.log(
    `dedup: no labelled sets found (${missing.join(", ") || path.join(FIXTURES, "dedup")}); nothing to measure`,
  );
  process.exit(0);
}

function explain(set: LabelledSet, pairs: CandidatePair[], removals: readonly Removal[]): string {
  const byId = new Map(set.records.map((r) => [r.id, r]));
  const pairOf = new Map(pairs.map((p) => [`${p.aId}|${p.bId}`, p]));
  const describe = (r: DedupRecord | undefined) =>
    r
      ? `${r.id} | ${r.title} | ${r.year} | ${r.authors.slice(0, 3).join("; ")} | ${r.journal} | ${r.volume}(${r.issue}) ${r.pages}`
      : "?";
  const pairText = (a: string, b: string) => {
    const p = pairOf.get(`${a}|${b}`) ?? pairOf.get(`${b}|${a}`);
    return p ? `${p.decision} ${p.score} ${JSON.stringify(p.evidence)}` : "below review or never compared";
  };
  const lines: string[] = [];
  const mergedInto = new Map(removals.map((r) => [r.removedId, r.keptId]));
  for (const r of removals) {
    if (!sameDocument(set, r.removedId, r.keptId)) {
      lines.push(
        `FALSE MERGE\n  ${describe(byId.get(r.removedId))}\n  ${describe(byId.get(r.keptId))}\n  ${pairText(r.removedId, r.keptId)}`,
      );
    }
  }
  // The questions a person is asked, each shown by its strongest borderline pair.
  for (const { pair: p } of pairsToReview(pairs, removals)) {
    const same = sameDocument(set, p.aId, p.bId);
    lines.push(
      `REVIEW ${same ? "duplicate" : "distinct"}\n  ${describe(byId.get(p.aId))}\n  ${describe(byId.get(p.bId))}\n  ${pairText(p.aId, p.bId)}`,
    );
  }
  const members = new Map<number, string[]>();
  for (const [id, g] of set.groupOf) members.set(g, [...(members.get(g) ?? []), id]);
  for (const ids of members.values()) {
    const clusterOf = (id: string) => mergedInto.get(id) ?? id;
    const clusters = new Set(ids.map(clusterOf));
    if (clusters.size <= 1) continue;
    lines.push(`MISSED (${clusters.size} clusters for ${ids.length} records)`);
    for (const id of ids) lines.push(`  [${clusterOf(id)}] ${describe(byId.get(id))}`);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        if (clusterOf(ids[i]!) !== clusterOf(ids[j]!))
          lines.push(`    ${ids[i]} ~ ${ids[j]}: ${pairText(ids[i]!, ids[j]!)}`);
  }
  return lines.join("\n");
}

const explanations: string[] = [];
for (const dir of dirs) {
  // A kept/trash set carrying two truth columns is scored against each: they need not agree.
  const truths: (KeptTrashColumn | undefined)[] = keptTrashColumns(dir);
  for (const truth of truths.length ? truths : [undefined]) {
    const set = readLabelledSet(dir, truth);
    const started = performance.now();
    const { pairs } = findDuplicates([], set.records);
    const { removals } = planMerges(pairs, set.records);
    const seconds = (performance.now() - started) / 1000;
    const sure = scoreSet(removals, set);
    const everyReviewAccepted = planMerges(
      pairs.map((p) => ({ ...p, decision: "merge" as const })),
      set.records,
    ).removals;
    const withReview = scoreSet(everyReviewAccepted, set);
    const decided = scoreSet(planMerges(decideRightly(pairs, set), set.records).removals, set);
    const borderlinePairs = pairs.filter((p) => p.decision === "review").length;
    const reviewPairs = pairsToReview(pairs, removals).length;
    const percentOfRecords = (n: number) => Math.round((n / set.records.length) * 10000) / 100;
    printResult("dedup", {
      set: path.basename(dir) + (truth ? ` (truth: ${truth})` : ""),
      records: set.records.length,
      seconds: Math.round(seconds * 1000) / 1000,
      truthDuplicates: set.truthDuplicates,
      ...sure,
      reviewPairs,
      reviewPairsPercentOfRecords: percentOfRecords(reviewPairs),
      borderlinePairs,
      removedWithReview: withReview.removed,
      tpWithReview: withReview.tp,
      fpWithReview: withReview.fp,
      sensitivityWithReview: withReview.sensitivity,
      specificityWithReview: withReview.specificity,
      sensitivityDecided: decided.sensitivity,
      specificityDecided: decided.specificity,
    });
    if (explainTo) explanations.push(`=== ${path.basename(dir)}\n${explain(set, pairs, removals)}`);
  }
}
if (explainTo) writeFileSync(explainTo, explanations.join("\n\n") + "\n");
