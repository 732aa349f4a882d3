// Which pairs get compared at all. Every record gets a handful of cheap keys; only records sharing a key are
// compared, and a pair is generated once however many keys it shares. Keys overlap on purpose: a typo in the
// first words still leaves the last words, the rarest words and the first author + year in common.
import type { PreparedRecord } from "./normalise";

/** Blocks up to this size are compared all-pairs; bigger ones (a common surname + year, "v1 p1") by window. */
export const MAX_BLOCK = 32;
/** In an oversized block, sorted by title, each record meets the WINDOW records either side of it. */
export const WINDOW = 10;

function titleKeys(r: PreparedRecord, documentFrequency: Int32Array, keys: string[]): void {
  const words = r.title.significant;
  if (!words.length) return;
  keys.push(`h:${words.slice(0, 3).join(" ")}`);
  if (words.length > 3) keys.push(`t:${words.slice(-3).join(" ")}`);
  // A title printed with its translation meets the records that carry only the translation.
  const translation = r.alternativeTitle?.significant;
  if (translation?.length) {
    keys.push(`h:${translation.slice(0, 3).join(" ")}`);
    if (translation.length > 3) keys.push(`t:${translation.slice(-3).join(" ")}`);
  }
  if (r.titleCompact.length >= 12) keys.push(`c:${r.titleCompact.slice(0, 12)}`);
  const tokens = r.titleTokens;
  // The two rarest words that some other record also has (a word no other record has, a typo for one,
  // can only keep the pair apart): insensitive to word order and to typos elsewhere in the title.
  let first = -1;
  let second = -1;
  for (const t of tokens) {
    const df = documentFrequency[t]!;
    if (df < 2) continue;
    if (first < 0 || df < documentFrequency[first]!) {
      second = first;
      first = t;
    } else if (second < 0 || df < documentFrequency[second]!) second = t;
  }
  if (second >= 0) keys.push(`r:${Math.min(first, second)}:${Math.max(first, second)}`);
}

export function blockingKeys(r: PreparedRecord, documentFrequency: Int32Array): string[] {
  const keys: string[] = [];
  if (r.doi) keys.push(`d:${r.doi}`);
  if (r.pmid) keys.push(`p:${r.pmid}`);
  for (const nct of r.nctIds) keys.push(`n:${nct}`);
  titleKeys(r, documentFrequency, keys);
  if (r.firstAuthorKey && r.year !== null) keys.push(`a:${r.firstAuthorKey}:${r.year}`);
  if (r.volume && r.pages && r.year !== null) keys.push(`v:${r.volume}:${r.pages.startDigits}:${r.year}`);
  // The versions of a Cochrane review share its number, whatever their titles, years and DOIs.
  if (r.cochrane) keys.push(`cd:${r.cochrane.review}`);
  return keys;
}

export function documentFrequencies(records: readonly PreparedRecord[], vocabularySize: number): Int32Array {
  const df = new Int32Array(vocabularySize);
  for (const r of records) for (const t of r.titleTokens) df[t]!++;
  return df;
}

const byTitle = (records: readonly PreparedRecord[]) => (x: number, y: number) =>
  records[x]!.titleCompact < records[y]!.titleCompact
    ? -1
    : records[x]!.titleCompact > records[y]!.titleCompact
      ? 1
      : x - y;

/** Records sharing their last words are neighbours when sorted from the end of the title backwards. */
const byTitleEnd = (records: readonly PreparedRecord[]) => (x: number, y: number) => {
  const a = records[x]!.titleCompact;
  const b = records[y]!.titleCompact;
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d) return d;
  }
  return a.length - b.length || x - y;
};

/**
 * Calls `visit(i, j)` once for every candidate pair (i < j, record indexes) with at least one incoming
 * record: existing records were compared with each other when they arrived.
 */
export function forEachCandidatePair(
  records: readonly PreparedRecord[],
  documentFrequency: Int32Array,
  visit: (i: number, j: number) => void,
): void {
  const blocks = new Map<string, number[]>();
  for (const r of records) {
    for (const key of blockingKeys(r, documentFrequency)) {
      const members = blocks.get(key);
      if (members) members.push(r.index);
      else blocks.set(key, [r.index]);
    }
  }

  // Per record, the blocks it sits in and its position there (positions matter in oversized blocks).
  const memberships: number[][] = records.map(() => []);
  const kept: number[][] = [];
  for (const [key, members] of blocks) {
    if (members.length < 2 || !members.some((m) => records[m]!.incoming)) continue;
    if (members.length > MAX_BLOCK) members.sort(key.startsWith("t:") ? byTitleEnd(records) : byTitle(records));
    const blockId = kept.length;
    kept.push(members);
    for (let pos = 0; pos < members.length; pos++) memberships[members[pos]!]!.push(blockId, pos);
  }
  blocks.clear();

  const lastVisitor = new Int32Array(records.length).fill(-1);
  for (const r of records) {
    const i = r.index;
    const list = memberships[i]!;
    for (let k = 0; k < list.length; k += 2) {
      const members = kept[list[k]!]!;
      const pos = list[k + 1]!;
      const from = members.length > MAX_BLOCK ? Math.max(0, pos - WINDOW) : 0;
      const to = members.length > MAX_BLOCK ? Math.min(members.length - 1, pos + WINDOW) : members.length - 1;
      for (let p = from; p <= to; p++) {
        const j = members[p]!;
        if (j <= i || lastVisitor[j] === i) continue;
        if (!r.incoming && !records[j]!.incoming) continue;
        lastVisitor[j] = i;
        visit(i, j);
      }
    }
  }
}
