// De-duplication speed and quality at scale: `npx tsx bench/dedup-synthetic.ts [N=100000]` builds N records
// from the real records in ../shared/fixtures (see lib/synthetic-records.ts) and times findDuplicates +
// planMerges on them as one import.
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { findDuplicates, planMerges } from "../server/dedup/find-duplicates";
import { FIXTURES, scoreRemovals } from "./lib/dedup-sets";
import { readSeedWorks } from "./lib/real-records";
import { printResult } from "./lib/stats";
import { buildSyntheticSet } from "./lib/synthetic-records";

const size = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(size) || size < 2) {
  console.error("usage: tsx bench/dedup-synthetic.ts [N=100000]");
  process.exit(2);
}
if (!existsSync(FIXTURES)) {
  console.log(`dedup-synthetic: ${FIXTURES} is absent, so there are no real records to build from; nothing to measure`);
  process.exit(0);
}
const seeds = readSeedWorks();
if (!seeds.length) {
  console.log("dedup-synthetic: no seed records found under the shared fixtures; nothing to measure");
  process.exit(0);
}

const set = buildSyntheticSet(seeds, size);
const started = performance.now();
const { pairs } = findDuplicates([], set.records);
const { removals } = planMerges(pairs, set.records);
const seconds = (performance.now() - started) / 1000;
const figures = scoreRemovals(removals, set.groupOf, set.records.length, set.truthDuplicates);

printResult("dedup-synthetic", {
  records: set.records.length,
  seedWorks: seeds.length,
  seconds: Math.round(seconds * 100) / 100,
  recordsPerSecond: Math.round(set.records.length / seconds),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  truthDuplicates: set.truthDuplicates,
  removed: figures.removed,
  sensitivity: figures.sensitivity,
  specificity: figures.specificity,
  reviewPairs: pairs.length - pairs.filter((p) => p.decision === "merge").length,
});
