// How the side-by-side view decides what to highlight. Differences of case and spacing are not differences;
// for free text (titles, abstracts, journals) neither is punctuation, so "Title." matches "title".

function fold(value: string): string {
  return value.normalize("NFKC").toLowerCase();
}

/** A word's identity for comparison: letters and digits only. */
function wordKey(word: string): string {
  return fold(word).replace(/[^\p{L}\p{N}]/gu, "");
}

function words(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

export function normalise(value: string, freeText = false): string {
  if (freeText) return words(value).map(wordKey).filter(Boolean).join(" ");
  return fold(value).replace(/\s+/g, " ").trim();
}

export function differs(a: string, b: string, freeText = false): boolean {
  return normalise(a, freeText) !== normalise(b, freeText);
}

export interface DiffWord {
  text: string;
  changed: boolean;
}

/**
 * The words of `text`, each marked changed when it is not part of the longest common word sequence shared with
 * `other`. Titles are short, so the quadratic table is cheap; long texts are compared whole instead.
 */
export function wordDiff(text: string, other: string): DiffWord[] {
  const mine = words(text);
  const theirs = words(other).map(wordKey);
  const keys = mine.map(wordKey);
  if (mine.length * theirs.length > 250_000) return mine.map((w) => ({ text: w, changed: false }));
  // lcs[i][j]: length of the longest common subsequence of keys[i..] and theirs[j..].
  const lcs = Array.from({ length: keys.length + 1 }, () => new Array<number>(theirs.length + 1).fill(0));
  for (let i = keys.length - 1; i >= 0; i--) {
    for (let j = theirs.length - 1; j >= 0; j--) {
      lcs[i]![j] = keys[i] === theirs[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffWord[] = [];
  let i = 0;
  let j = 0;
  while (i < keys.length) {
    const key = keys[i]!;
    if (j < theirs.length && key === theirs[j]) {
      out.push({ text: mine[i]!, changed: false });
      i++;
      j++;
    } else if (j < theirs.length && lcs[i]![j + 1]! >= lcs[i + 1]![j]!) {
      j++;
    } else {
      // Pure punctuation (a dash, a colon) never counts as a changed word.
      out.push({ text: mine[i]!, changed: key !== "" });
      i++;
    }
  }
  return out;
}
