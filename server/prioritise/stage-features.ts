// A stage's features kept up to date as its records change: each record's counted terms are kept by id, so an
// import or a merge counts only the records it added, and the weights (which depend on every record through the
// document frequencies) are recomputed from the counts in one pass. Equal to building from scratch on the same
// records, up to the order term ids were handed out in.
import {
  type CountedTerms,
  type FeatureMatrix,
  type FeatureRecipe,
  type TextRecord,
  Vocabulary,
  weigh,
} from "./features";

export class StageFeatures {
  private readonly vocabulary: Vocabulary;
  private counted = new Map<string, CountedTerms>();

  constructor(readonly recipe: FeatureRecipe) {
    this.vocabulary = new Vocabulary(recipe);
  }

  /** Of these record ids, those whose text has not been counted: the only texts `update` needs. */
  missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.counted.has(id));
  }

  /**
   * The features of exactly these records, in this order. `texts` holds at least the records `missing` named;
   * records no longer listed are forgotten (their terms keep their ids, with no weight).
   */
  update(ids: readonly string[], texts: ReadonlyMap<string, TextRecord>): FeatureMatrix {
    const next = new Map<string, CountedTerms>();
    const rows = ids.map((id) => {
      let counted = this.counted.get(id);
      if (!counted) {
        const text = texts.get(id);
        if (!text) throw new Error(`no text for record ${id}, which has not been counted`);
        counted = this.vocabulary.count(text);
      }
      next.set(id, counted);
      return counted;
    });
    this.counted = next;
    return weigh(rows, this.vocabulary.size, this.recipe);
  }

  /** Each term id's text, to read a row. */
  termTexts(): string[] {
    return this.vocabulary.texts();
  }
}
