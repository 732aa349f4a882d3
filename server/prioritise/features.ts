// TF-IDF features from a record's title, abstract and keywords, as sparse rows, by recipes that each follow a
// scikit-learn TfidfVectorizer configuration: ASReview v1's default and ELAS u4 (kept faithful for the benchmark's
// references) and Sift's.
import { PairTable } from "./pair-table";
import { ENGLISH_STOP_WORDS } from "./stop-words";
import { scanTokens, WordTable } from "./word-table";

export interface TextRecord {
  title: string;
  abstract: string;
  keywords?: readonly string[];
}

/** One record's features: term indices (in order of first appearance) and weights, L2-normalised. */
export interface SparseRow {
  idx: Int32Array;
  val: Float32Array;
}

export interface FeatureMatrix {
  rows: SparseRow[];
  /** Columns a weight vector needs: every term id handed out, including terms that now carry no weight. */
  columns: number;
  /** The vocabulary's size: terms that carry weight (in at least one record, not above max_df). */
  terms: number;
}

export interface FeatureRecipe {
  bigrams: boolean;
  keywordTerms: boolean;
  sublinearTf: boolean;
  /** scikit-learn's English stop word list, removed before bigrams are formed (as stop_words="english"). */
  stopWords: boolean;
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
  maxDf: 0.95,
};

/** ELAS u4's recipe with the record's keywords as terms of their own (chosen by leave-one-set-out, docs/ranker.md). */
export const SIFT_RECIPE: FeatureRecipe = { ...ELAS_U4_RECIPE, keywordTerms: true };

/** The words of `text` as scikit-learn's default token pattern finds them in lower case, stop words optionally dropped. */
export function tokenize(text: string, stopWords = true): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  scanTokens(lower, (start, end) => {
    const token = lower.slice(start, end);
    if (!stopWords || !ENGLISH_STOP_WORDS.has(token)) tokens.push(token);
  });
  return tokens;
}

/** A record's terms as ids with their counts in the record. */
export interface CountedTerms {
  ids: Int32Array;
  counts: Uint16Array;
}

/**
 * Hands out term ids and counts records' terms. Words and keywords are interned as strings; a bigram is the pair
 * of its words' ids in a typed-array table. Ids only grow, so counted records stay valid as records are added.
 */
export class Vocabulary {
  private readonly words = new WordTable();
  /** Per word (WordTable index): its term id, and 1 when it is a stop word the recipe drops. */
  private wordTerm = new Int32Array(1 << 11);
  private stop = new Uint8Array(1 << 11);
  private wordsWithTerm = 0;
  private readonly keywords = new Map<string, number>();
  private readonly bigrams = new PairTable();
  size = 0;
  // Counting one record's terms in a small hash table of its own (it stays in cache, as an array over all term ids
  // would not): a slot is taken when its stamp is the record's, and holds a term id and its place in `ids`.
  private slotStamp = new Int32Array(1 << 10);
  private slotId = new Int32Array(1 << 10);
  private slotPlace = new Int32Array(1 << 10);
  private stamp = 0;
  private ids = new Int32Array(256);
  private counts = new Uint16Array(256);
  private distinct = 0;

  constructor(readonly recipe: FeatureRecipe) {}

  private readonly nextId = () => this.size++;

  /** The term id of word `w` of the WordTable, giving it one when it is the word just added. */
  private wordTermId(w: number): number {
    if (w < this.wordsWithTerm) return this.wordTerm[w]!;
    if (w === this.wordTerm.length) {
      const wordTerm = new Int32Array(w * 2);
      wordTerm.set(this.wordTerm);
      this.wordTerm = wordTerm;
      const stop = new Uint8Array(w * 2);
      stop.set(this.stop);
      this.stop = stop;
    }
    this.wordTerm[w] = this.nextId();
    this.stop[w] = this.recipe.stopWords && ENGLISH_STOP_WORDS.has(this.words.words[w]!) ? 1 : 0;
    this.wordsWithTerm++;
    return this.wordTerm[w]!;
  }

  private add(id: number): void {
    const mask = this.slotId.length - 1;
    const h = Math.imul(id, 0x9e3779b1);
    let i = (h ^ (h >>> 16)) & mask;
    while (this.slotStamp[i] === this.stamp) {
      if (this.slotId[i] === id) {
        const place = this.slotPlace[i]!;
        if (this.counts[place]! < 0xffff) this.counts[place]!++;
        return;
      }
      i = (i + 1) & mask;
    }
    if (this.distinct === this.ids.length) {
      const ids = new Int32Array(this.distinct * 2);
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Uint16Array(this.distinct * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.slotStamp[i] = this.stamp;
    this.slotId[i] = id;
    this.slotPlace[i] = this.distinct;
    this.ids[this.distinct] = id;
    this.counts[this.distinct++] = 1;
    if (this.distinct * 2 > this.slotId.length) this.growSlots();
  }

  /** Doubles the record's table, placing the terms counted so far again. */
  private growSlots(): void {
    const size = this.slotId.length * 2;
    this.slotStamp = new Int32Array(size);
    this.slotId = new Int32Array(size);
    this.slotPlace = new Int32Array(size);
    for (let place = 0; place < this.distinct; place++) {
      const id = this.ids[place]!;
      const h = Math.imul(id, 0x9e3779b1);
      let i = (h ^ (h >>> 16)) & (size - 1);
      while (this.slotStamp[i] === this.stamp) i = (i + 1) & (size - 1);
      this.slotStamp[i] = this.stamp;
      this.slotId[i] = id;
      this.slotPlace[i] = place;
    }
  }

  count(record: TextRecord): CountedTerms {
    this.stamp++;
    this.distinct = 0;
    const text = `${record.title} ${record.abstract}`.toLowerCase();
    let previous = -1;
    scanTokens(text, (start, end, hash) => {
      const w = this.words.intern(text, start, end, hash);
      const id = this.wordTermId(w);
      if (this.stop[w]) return;
      this.add(id);
      if (this.recipe.bigrams && previous >= 0) this.add(this.bigrams.getOrAdd(previous, id, this.nextId));
      previous = id;
    });
    if (this.recipe.keywordTerms) {
      for (const keyword of record.keywords ?? []) {
        const k = keyword.trim().toLowerCase();
        if (!k) continue;
        let id = this.keywords.get(k);
        if (id === undefined) {
          id = this.nextId();
          this.keywords.set(k, id);
        }
        this.add(id);
      }
    }
    return { ids: this.ids.slice(0, this.distinct), counts: this.counts.slice(0, this.distinct) };
  }

  /** Each term id's text ("w1 w2" for a bigram, "kw:…" for a keyword). */
  texts(): string[] {
    const texts = new Array<string>(this.size);
    this.words.words.forEach((word, w) => {
      texts[this.wordTerm[w]!] = word;
    });
    for (const [keyword, id] of this.keywords) texts[id] = `kw:${keyword}`;
    this.bigrams.forEach((a, b, id) => {
      texts[id] = `${texts[a]} ${texts[b]}`;
    });
    return texts;
  }
}

// 1 + ln(count) for the counts nearly every term has, looked up instead of computed for each of millions of weights.
const SUBLINEAR = Float64Array.from({ length: 256 }, (_, c) => 1 + Math.log(c));
const sublinear = (count: number) => (count < 256 ? SUBLINEAR[count]! : 1 + Math.log(count));

/**
 * TF-IDF rows from counted records, as scikit-learn's TfidfVectorizer fitted on all of them (as ASReview does:
 * unlabelled text is known up front). One pass for the document frequencies, one for the weights; a row's
 * indices are its counted ids, so a term dropped by max_df stays in the row with weight 0.
 */
export function weigh(counted: readonly CountedTerms[], columns: number, recipe: FeatureRecipe): FeatureMatrix {
  const df = new Int32Array(columns);
  for (const { ids } of counted) for (let k = 0; k < ids.length; k++) df[ids[k]!]!++;
  const n = counted.length;
  // As scikit-learn: max_df as a fraction is compared with the document frequency unrounded.
  const maxDocs = recipe.maxDf * n;
  const idf = new Float64Array(columns);
  let terms = 0;
  for (let j = 0; j < columns; j++) {
    if (df[j] === 0 || df[j]! > maxDocs) continue;
    // Smoothed IDF, as scikit-learn: ln((1 + n) / (1 + df)) + 1.
    idf[j] = Math.log((1 + n) / (1 + df[j]!)) + 1;
    terms++;
  }
  let weights = new Float64Array(256);
  const rows = counted.map(({ ids, counts }) => {
    if (weights.length < ids.length) weights = new Float64Array(ids.length * 2);
    let squares = 0;
    for (let k = 0; k < ids.length; k++) {
      const tf = recipe.sublinearTf ? sublinear(counts[k]!) : counts[k]!;
      const v = tf * idf[ids[k]!]!;
      squares += v * v;
      weights[k] = v;
    }
    const norm = Math.sqrt(squares) || 1;
    const val = new Float32Array(ids.length);
    for (let k = 0; k < ids.length; k++) val[k] = weights[k]! / norm;
    return { idx: ids, val };
  });
  return { rows, columns, terms };
}

export function buildFeatures(records: readonly TextRecord[], recipe: FeatureRecipe): FeatureMatrix {
  const vocabulary = new Vocabulary(recipe);
  const counted = records.map((r) => vocabulary.count(r));
  return weigh(counted, vocabulary.size, recipe);
}
