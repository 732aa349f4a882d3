// How alike two cleaned titles are, by words and by characters.
import type { PreparedRecord } from "./normalise";
import { dice as diceCoefficient, editSimilarity, sharedCount } from "./similarity";

export interface TitleAgreement {
  /** The better of word-level (Dice) and character-level similarity, 0..1. */
  similarity: number;
  /** Share of the shorter title's significant words found in the longer one. */
  containment: number;
  /** Significant words in the shorter title: short titles prove less. */
  shorterWords: number;
}

/** Below this, character similarity is reported as 0: no decision depends on the exact value. */
const CHARACTER_FLOOR = 0.75;

/**
 * Word splits ("post-transplant", "posttransplant") and typos change whole words but few characters, so
 * character-level similarity catches what word overlap misses. It is the costliest step of a comparison,
 * so it is only computed where it could beat the word-level figure and matter: not for identical word
 * sets, not when the length difference alone caps it below that figure, and not for long titles sharing
 * under 70 % of their words (a typo costs one word; in the labelled sets no duplicate pair with less word
 * overlap than 0.75 gained anything from characters). Below the floor it comes back as 0.
 */
function characterSimilarity(
  ca: string,
  ta: readonly number[],
  cb: string,
  tb: readonly number[],
  dice: number,
): number {
  if (ca === cb) return 1;
  if (dice === 1) return 0;
  if (dice < 0.7 && Math.min(ta.length, tb.length) >= 5) return 0;
  const floor = Math.max(CHARACTER_FLOOR, dice);
  const shorter = Math.min(ca.length, cb.length);
  const longer = Math.max(ca.length, cb.length);
  if (shorter <= floor * longer) return 0;
  return editSimilarity(ca, cb, floor);
}

interface Title {
  compact: string;
  tokens: readonly number[];
}

const titleOf = (r: PreparedRecord): Title => ({ compact: r.titleCompact, tokens: r.titleTokens });

/**
 * null when either title is empty. A title printed with its translation ("Título [Title]") agrees with
 * either language: the better agreement counts.
 */
export function compareTitles(a: PreparedRecord, b: PreparedRecord): TitleAgreement | null {
  if (!a.title.text || !b.title.text) return null;
  if (!a.alternativeTitle && !b.alternativeTitle)
    return compareTexts(a.titleCompact, a.titleTokens, b.titleCompact, b.titleTokens);
  const left = [titleOf(a), ...(a.alternativeTitle ? [a.alternativeTitle] : [])];
  const right = [titleOf(b), ...(b.alternativeTitle ? [b.alternativeTitle] : [])];
  let best: TitleAgreement | null = null;
  for (const x of left)
    for (const y of right) {
      const agreement = compareTexts(x.compact, x.tokens, y.compact, y.tokens);
      if (!best || agreement.similarity > best.similarity) best = agreement;
    }
  return best;
}

function compareTexts(ca: string, ta: readonly number[], cb: string, tb: readonly number[]): TitleAgreement {
  const shared = sharedCount(ta, tb);
  const shorterWords = Math.min(ta.length, tb.length);
  const dice = diceCoefficient(shared, ta.length, tb.length);
  return {
    similarity: Math.max(dice, characterSimilarity(ca, ta, cb, tb, dice)),
    containment: shorterWords ? shared / shorterWords : 0,
    shorterWords,
  };
}
