// Counting records' terms is most of the cost of building features, and a stage's records change only when an
// import, a merge or a withdrawal changes which records it screens. So a worker keeps each stage's ranker while
// its fingerprint (a hash of the ids in order, computed by the database) stays the same, and a retraining after
// a decision reads one short string of labels instead of the whole stage. When the records change, the stage's
// features are updated: only the records new to it are read and counted (stage-features.ts).
import { createHash } from "node:crypto";
import { SIFT_RECIPE, type TextRecord } from "./features";
import { type Ranker, siftRanker } from "./model";
import { StageFeatures } from "./stage-features";

/** Records held across all cached rankers: bounds the worker's memory whatever the reviews' sizes. */
const MAX_RECORDS = 250_000;

export interface StageSource {
  /** The stage's record ids in id order. */
  ids(): Promise<string[]>;
  /** The texts of these records. */
  texts(ids: string[]): Promise<ReadonlyMap<string, TextRecord>>;
}

interface Entry {
  fingerprint: string;
  ids: string[];
  ranker: Ranker;
  features: StageFeatures;
}

const cache = new Map<string, Entry>();

/** The fingerprint PostgreSQL gives as md5(string_agg(id, ',' ORDER BY id)). */
export function fingerprintOf(ids: readonly string[]): string {
  return createHash("md5").update(ids.join(",")).digest("hex");
}

/**
 * `key`'s ids and ranker for records with this fingerprint, read from `source` only when not cached (and then
 * only the texts of records not counted before); null when the ids read no longer have that fingerprint (records
 * changed in between: the caller reads again).
 */
export async function cachedRanker(key: string, fingerprint: string, source: StageSource): Promise<Entry | null> {
  const hit = cache.get(key);
  if (hit?.fingerprint === fingerprint) {
    cache.delete(key); // re-inserted, so the map's order is least recently used first
    cache.set(key, hit);
    return hit;
  }
  const ids = await source.ids();
  if (fingerprintOf(ids) !== fingerprint) return null;
  const features = hit?.features ?? new StageFeatures(SIFT_RECIPE);
  const texts = new Map(await source.texts(features.missing(ids)));
  // Another retraining of the stage may have updated the features meanwhile and forgotten records this one needs.
  const forgotten = features.missing(ids).filter((id) => !texts.has(id));
  if (forgotten.length > 0) for (const [id, text] of await source.texts(forgotten)) texts.set(id, text);
  const entry = { fingerprint, ids, ranker: siftRanker(features.update(ids, texts)), features };
  cache.delete(key);
  cache.set(key, entry);
  let held = 0;
  for (const e of cache.values()) held += e.ids.length;
  for (const [oldest, e] of cache) {
    if (held <= MAX_RECORDS || oldest === key) break;
    cache.delete(oldest);
    held -= e.ids.length;
  }
  return entry;
}
