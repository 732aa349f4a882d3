// TF-IDF features from a record's title, abstract and keywords, as sparse rows. Two recipes: scikit-learn's
// default (what ASReview uses, kept faithful for the reference) and Sift's, which adds bigrams, keyword terms
// and sublinear term frequency.
import { ENGLISH_STOP_WORDS } from "./stop-words";

export interface TextRecord {
  title: string;
  abstract: string;
  keywords?: readonly string[];
}

/** One record's features: term indices (ascending) and weights, L2-normalised. */
export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

export interface FeatureMatrix {
  rows: SparseRow[];
  terms: number;
}

export interface FeatureRecipe {
  bigrams: boolean;
  keywordTerms: boolean;
  sublinearTf: boolean;
  /** Terms in fewer records are dropped (bigrams only: a unigram seen once can still match nothing else). */
  minBigramDf: number;
}

export const REFERENCE_RECIPE: FeatureRecipe = {
  bigrams: false,
  keywordTerms: false,
  sublinearTf: false,
  minBigramDf: 1,
};
export const SIFT_RECIPE: FeatureRecipe = { bigrams: true, keywordTerms: true, sublinearTf: true, minBigramDf: 2 };

// scikit-learn's default token pattern: runs of two or more word characters.
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).filter((t) => !ENGLISH_STOP_WORDS.has(t));
}

function recordTerms(record: TextRecord, recipe: FeatureRecipe): string[] {
  const words = tokenize(`${record.title} ${record.abstract}`);
  const terms = words.slice();
  if (recipe.bigrams) for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]} ${words[i]}`);
  if (recipe.keywordTerms) {
    for (const keyword of record.keywords ?? []) {
      const k = keyword.trim().toLowerCase();
      if (k) terms.push(`kw:${k}`);
    }
  }
  return terms;
}

/** Fits the vocabulary and IDF on all the records (as ASReview does: unlabelled text is known up front). */
export function buildFeatures(records: readonly TextRecord[], recipe: FeatureRecipe): FeatureMatrix {
  const counted = records.map((r) => {
    const counts = new Map<string, number>();
    for (const t of recordTerms(r, recipe)) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const counts of counted) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vocabulary = new Map<string, number>();
  for (const [t, n] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n < recipe.minBigramDf && t.includes(" ")) continue;
    vocabulary.set(t, vocabulary.size);
  }
  const n = records.length;
  const rows = counted.map((counts) => {
    const entries: [number, number][] = [];
    for (const [t, c] of counts) {
      const j = vocabulary.get(t);
      if (j === undefined) continue;
      const tf = recipe.sublinearTf ? 1 + Math.log(c) : c;
      // Smoothed IDF, as scikit-learn: ln((1 + n) / (1 + df)) + 1.
      entries.push([j, tf * (Math.log((1 + n) / (1 + df.get(t)!)) + 1)]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return { idx: Int32Array.from(entries, (e) => e[0]), val: Float64Array.from(entries, (e) => e[1] / norm) };
  });
  return { rows, terms: vocabulary.size };
}
