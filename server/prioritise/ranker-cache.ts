// Building TF-IDF features is most of a retraining's cost, and a stage's records change only when an import or
// a merge changes which records it screens. So a worker keeps each stage's records and ranker while their
// fingerprint (a hash of the ids in order, computed by the database) stays the same, and a retraining after a
// decision reads one short string of labels instead of the whole stage.
import { createHash } from "node:crypto";
import type { TextRecord } from "./features";
import { createRanker, type Ranker } from "./model";

/** Records held across all cached rankers: bounds the worker's memory whatever the reviews' sizes. */
const MAX_RECORDS = 250_000;

export interface StageRecords {
  ids: string[];
  texts: TextRecord[];
}

interface Entry {
  fingerprint: string;
  ids: string[];
  ranker: Ranker;
}

const cache = new Map<string, Entry>();

/** The fingerprint PostgreSQL gives as md5(string_agg(id, ',' ORDER BY id)). */
export function fingerprintOf(ids: readonly string[]): string {
  return createHash("md5").update(ids.join(",")).digest("hex");
}

/**
 * `key`'s ids and ranker for records with this fingerprint, loaded with `load` only when not cached; null when
 * what `load` read no longer has that fingerprint (records changed in between: the caller reads again).
 */
export async function cachedRanker(
  key: string,
  fingerprint: string,
  load: () => Promise<StageRecords>,
): Promise<Entry | null> {
  const hit = cache.get(key);
  cache.delete(key); // re-inserted below, so the map's order is least recently used first
  if (hit?.fingerprint === fingerprint) {
    cache.set(key, hit);
    return hit;
  }
  const { ids, texts } = await load();
  if (fingerprintOf(ids) !== fingerprint) return null;
  const entry = { fingerprint, ids, ranker: createRanker("sift", texts) };
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
