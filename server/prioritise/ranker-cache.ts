// Building TF-IDF features is most of a retraining's cost, and a stage's records change only when an import or
// a merge changes which records it screens. So a worker keeps each stage's ranker while the records it ranks
// (their ids, in order) stay the same, and a retraining after a decision only trains and scores.
import { createHash } from "node:crypto";
import type { TextRecord } from "./features";
import { createRanker, type Ranker } from "./model";

/** Records held across all cached rankers: bounds the worker's memory whatever the reviews' sizes. */
const MAX_RECORDS = 250_000;

const cache = new Map<string, { fingerprint: string; records: number; ranker: Ranker }>();

function fingerprintOf(ids: readonly string[]): string {
  const hash = createHash("sha1");
  for (const id of ids) hash.update(id).update("\n");
  return hash.digest("hex");
}

/** The ranker of `key`'s records `ids`, built from `loadTexts()` (aligned with `ids`) only when not cached. */
export async function cachedRanker(key: string, ids: readonly string[], loadTexts: () => Promise<TextRecord[]>): Promise<Ranker> {
  const fingerprint = fingerprintOf(ids);
  const hit = cache.get(key);
  cache.delete(key); // re-inserted below, so the map's order is least recently used first
  if (hit?.fingerprint === fingerprint) {
    cache.set(key, hit);
    return hit.ranker;
  }
  const ranker = createRanker("sift", await loadTexts());
  cache.set(key, { fingerprint, records: ids.length, ranker });
  let held = 0;
  for (const entry of cache.values()) held += entry.records;
  for (const [oldest, entry] of cache) {
    if (held <= MAX_RECORDS || oldest === key) break;
    cache.delete(oldest);
    held -= entry.records;
  }
  return ranker;
}
