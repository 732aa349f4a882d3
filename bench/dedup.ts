// De-duplication quality on labelled sets: `npx tsx bench/dedup.ts DIR [DIR...]` (default: every set under
// ../shared/fixtures/dedup). One JSON line per set. `--explain=FILE` writes the missed duplicates and the
// false merges with their evidence, for tuning.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { findDuplicates, planMerges } from "../server/dedup/find-duplicates";
import type { CandidatePair, DedupRecord } from "../server/dedup/types";
import { FIXTURES, type LabelledSet, readLabelledSet, scoreRemovals } from "./lib/dedup-sets";
import { printResult } from "./lib/stats";

const args = process.argv.slice(2);
const explainTo = args.find((a) => a.startsWith("--explain="))?.slice("--explain=".length);
let dirs = args.filter((a) => !a.startsWith("--"));
if (!dirs.length) {
  const root = path.join(FIXTURES, "dedup");
  dirs = existsSync(root)
    ? readdirSync(root)
        .sort()
        .map((d) => path.join(root, d))
    : [];
}
const missing = dirs.filter((d) => !existsSync(path.join(d, "records_pre_merged.csv")));
if (!dirs.length || missing.length) {
  console.log(
    `dedup: no labelled sets found (${missing.join(", ") || path.join(FIXTURES, "dedup")}); nothing to measure`,
  );
  process.exit(0);
}

function explain(set: LabelledSet, pairs: CandidatePair[], removals: { removedId: string; keptId: string }[]): string {
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
    const g = set.groupOf.get(r.removedId);
    if (g === undefined || g !== set.groupOf.get(r.keptId)) {
      lines.push(
        `FALSE MERGE\n  ${describe(byId.get(r.removedId))}\n  ${describe(byId.get(r.keptId))}\n  ${pairText(r.removedId, r.keptId)}`,
      );
    }
  }
  for (const p of pairs) {
    if (p.decision !== "review") continue;
    const g = set.groupOf.get(p.aId);
    const same = g !== undefined && g === set.groupOf.get(p.bId);
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
  const set = readLabelledSet(dir);
  const started = performance.now();
  const { pairs } = findDuplicates([], set.records);
  const { removals } = planMerges(pairs, set.records);
  const seconds = (performance.now() - started) / 1000;
  const sure = scoreRemovals(removals, set.groupOf, set.records.length, set.truthDuplicates);
  const everyReviewAccepted = planMerges(
    pairs.map((p) => ({ ...p, decision: "merge" as const })),
    set.records,
  ).removals;
  const withReview = scoreRemovals(everyReviewAccepted, set.groupOf, set.records.length, set.truthDuplicates);
  printResult("dedup", {
    set: path.basename(dir),
    records: set.records.length,
    seconds: Math.round(seconds * 1000) / 1000,
    truthDuplicates: set.truthDuplicates,
    ...sure,
    reviewPairs: pairs.filter((p) => p.decision === "review").length,
    removedWithReview: withReview.removed,
    tpWithReview: withReview.tp,
    fpWithReview: withReview.fp,
    sensitivityWithReview: withReview.sensitivity,
    specificityWithReview: withReview.specificity,
  });
  if (explainTo) explanations.push(`=== ${path.basename(dir)}\n${explain(set, pairs, removals)}`);
}
if (explainTo) writeFileSync(explainTo, explanations.join("\n\n") + "\n");
