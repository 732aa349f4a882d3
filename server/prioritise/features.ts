// TF-IDF features from a record's title, abstract and keywords, as sparse rows, by recipes that each follow a
// scikit-learn TfidfVectorizer configuration: ASReview v1's default and ELAS u4 (kept faithful for the benchmark's
// references) and Sift's.
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
  /** scikit-learn's English stop word list, removed before bigrams are formed (as stop_words="english"). */
  stopWords: boolean;
  /** Terms in fewer records are dropped (bigrams only: a unigram seen once can still match nothing else). */
  minBigramDf: number;
  /** Terms in more than this fraction of the records are dropped (max_df). */
  maxDf: number;
}

/**
 * ASReview v1's default (v1.6.6 asreview/models/feature_extraction/tfidf.py: `TfidfVectorizer(ngram_range=(1,
 * ngram_max), stop_words=sklearn_stop_words)` with `ngram_max=1, stop_words="english"`) over title + " " + abstract.
 */
export const ASREVIEW_V1_RECIPE: FeatureRecipe = {
  bigrams: false,
  keywordTerms: false,
  sublinearTf: false,
  stopWords: true,
  minBigramDf: 1,
  maxDf: 1,
};

/**
 * ELAS u4 (v2.2 asreview/models/models.py: `feature_extractor="tfidf", feature_extractor_param={"ngram_range": (1,
 * 2), "sublinear_tf": True, "min_df": 1, "max_df": 0.95}`; feature_extractors.py's Tfidf merges title and
 * abstract with " " and leaves TfidfVectorizer's stop_words=None).
 */
export const ELAS_U4_RECIPE: FeatureRecipe = {
  bigrams: true,
  keywordTerms: false,
  sublinearTf: true,
  stopWords: false,
  minBigramDf: 1,
  maxDf: 0.95,
};

/** ELAS u4's recipe with the record's keywords as terms of their own (chosen by leave-one-set-out, docs/ranker.md). */
export const SIFT_RECIPE: FeatureRecipe = { ...ELAS_U4_RECIPE, keywordTerms: true };

// scikit-learn's default token pattern: runs of two or more word characters.
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

export function tokenize(text: string, stopWords = true): string[] {
  const tokens = text.toLowerCase().match(TOKEN) ?? [];
  return stopWords ? tokens.filter((t) => !ENGLISH_STOP_WORDS.has(t)) : tokens;
}

function recordTerms(record: TextRecord, recipe: FeatureRecipe): string[] {
  const words = tokenize(`${record.title} ${record.abstract}`, recipe.stopWords);
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
  // As scikit-learn: max_df as a fraction is compared with the document frequency unrounded.
  const maxDocs = recipe.maxDf * records.length;
  for (const [t, n] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n < recipe.minBigramDf && t.includes(" ")) continue;
    if (n > maxDocs) continue;
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
