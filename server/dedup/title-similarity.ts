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
function characterSimilarity(a: TitleForms, b: TitleForms, dice: number): number {
  if (a.titleCompact === b.titleCompact) return 1;
  if (dice === 1) return 0;
  if (dice < 0.7 && Math.min(a.titleTokens.length, b.titleTokens.length) >= 5) return 0;
  const floor = Math.max(CHARACTER_FLOOR, dice);
  const shorter = Math.min(a.titleCompact.length, b.titleCompact.length);
  const longer = Math.max(a.titleCompact.length, b.titleCompact.length);
  if (shorter <= floor * longer) return 0;
  return editSimilarity(a.titleCompact, b.titleCompact, floor);
}

/** A title as comparisons read it: a record's own, or the translation printed beside it. */
type TitleForms = Pick<PreparedRecord, "titleCompact" | "titleTokens">;

/**
 * null when either title is empty. A title printed with its translation ("Título [Title]") agrees with
 * either language: the better agreement counts.
 */
export function compareTitles(a: PreparedRecord, b: PreparedRecord): TitleAgreement | null {
  if (!a.title.text || !b.title.text) return null;
  const plain = compareForms(a, b);
  if (!a.alternativeTitle && !b.alternativeTitle) return plain;
  let best = plain;
  for (const x of [a, a.alternativeTitle])
    for (const y of [b, b.alternativeTitle]) {
      if (!x || !y || (x === a && y === b)) continue;
      const agreement = compareForms(x, y);
      if (agreement.similarity > best.similarity) best = agreement;
    }
  return best;
}

function compareForms(a: TitleForms, b: TitleForms): TitleAgreement {
  const ta = a.titleTokens;
  const tb = b.titleTokens;
  const shared = sharedCount(ta, tb);
  const shorterWords = Math.min(ta.length, tb.length);
  const dice = diceCoefficient(shared, ta.length, tb.length);
  return {
    similarity: Math.max(dice, characterSimilarity(a, b, dice)),
    containment: shorterWords ? shared / shorterWords : 0,
    shorterWords,
  };
}

/**
 * One title is the other's main title, the subtitle left out ("Diminished control in crowdsourcing" /
 * "Diminished control in crowdsourcing: an investigation of …"): databases and reference lists often print
 * only the part before the colon, and proceedings a spaced dash for the colon. Word overlap alone cannot see
 * it when the subtitle is long.
 */
export function subtitleDropped(a: PreparedRecord, b: PreparedRecord, titles: TitleAgreement | null): boolean {
  if (!titles || titles.containment < 1) return false;
  const [short, long] =
    a.title.significant.length <= b.title.significant.length ? [a.title, b.title] : [b.title, a.title];
  const n = short.significant.length;
  if (!n || long.mainWords !== n || long.significant.length === n) return false;
  for (let i = 0; i < n; i++) if (short.significant[i] !== long.significant[i]) return false;
  return true;
}
