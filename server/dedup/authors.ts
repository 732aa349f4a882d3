// Author names in the three shapes exports use ("Surname, Given", "Given Surname", "Surname GI") and in the
// broken shapes they also produce: "Lopez, Rubio M." for "Lopez Rubio, M.", "Kathryn, Liszewski M." for
// "Liszewski, M. K.". Matching therefore works on name words, not on one parsed surname.
import { decodeMarkup, foldText } from "./text-fold";

export interface AuthorName {
  /** Words of the family name, particles ("de", "van", "le") left out. */
  surname: string[];
  /** The whole family name run together, particles included: "Van Buskirk" and "VANBUSKIRK" meet here. */
  joined: string;
  /** Given names written in full, which swapped or mis-split names turn into surnames. */
  given: string[];
  /** First letter of the given names, full or initialled ("Suada" and "S." both give "s"); "" when none. */
  initial: string;
}

const PARTICLES = new Set([
  "de",
  "da",
  "di",
  "del",
  "della",
  "der",
  "den",
  "van",
  "von",
  "la",
  "le",
  "du",
  "dos",
  "das",
  "el",
  "al",
  "ten",
  "ter",
  "y",
  "st",
  "jr",
  "sr",
]);
/** One token of initials: "J", "JA", "J.", "H-J". */
const INITIALS = /^(?:[A-Z]\.?-?){1,3}$/;
const NOISE = /\[?\b(?:et al|and others|null|anonymous|no authors? listed)\b\.?\]?/gi;

function nameWords(text: string): string[] {
  return foldText(text)
    .replace(/['’`]/g, "")
    .split(/[^a-z]+/)
    .filter((w) => w && !PARTICLES.has(w));
}

/** Given-name words that are written out: "Bo Ryun" → bo, ryun; "J. A.", "JA", "H-J" are initials. */
function fullGivenWords(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[\s.]+/)) {
    if (token.length < 2 || /^[\p{Lu}-]{1,3}$/u.test(token)) continue;
    out.push(...nameWords(token));
  }
  return out;
}

export function parseAuthor(raw: string): AuthorName | null {
  const cleaned = decodeMarkup(raw).replace(NOISE, " ").replace(/\s+/g, " ").trim();
  if (!/[\p{L}]/u.test(cleaned)) return null;
  const comma = cleaned.indexOf(",");
  let surname: string;
  let given: string;
  if (comma >= 0) {
    surname = cleaned.slice(0, comma);
    given = cleaned.slice(comma + 1);
  } else {
    const parts = cleaned.split(" ");
    let initials = parts.length;
    while (initials > 1 && INITIALS.test(parts[initials - 1]!)) initials--;
    if (initials < parts.length) {
      // "Smith JA" (MEDLINE style) or "Smith J. A.": initials after the surname.
      surname = parts.slice(0, initials).join(" ");
      given = parts.slice(initials).join(" ");
    } else {
      const last = parts[parts.length - 1]!;
      // "John A. Smith" or "J. Smith": the last word is the surname.
      surname = last;
      given = parts.slice(0, -1).join(" ");
    }
  }
  const surnameWords = nameWords(surname);
  if (!surnameWords.length) return null;
  return {
    surname: surnameWords,
    joined: foldText(surname).replace(/[^a-z]/g, ""),
    given: fullGivenWords(given),
    initial: /[a-z]/.exec(foldText(given))?.[0] ?? "",
  };
}

/** Only the first names matter for comparison (see compareAuthors), so a 900-author list stops early. */
const MAX_PARSED = 20;

export function parseAuthors(raw: readonly string[]): AuthorName[] {
  const out: AuthorName[] = [];
  for (const name of raw) {
    const parsed = parseAuthor(name);
    if (parsed) out.push(parsed);
    if (out.length === MAX_PARSED) break;
  }
  return out;
}

/** The word blocking keys use for an author: the longest surname word, stable across most formats. */
export function surnameKey(author: AuthorName): string {
  let best = author.surname[0]!;
  for (const w of author.surname) if (w.length > best.length) best = w;
  return best;
}

function shareWord(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}

/**
 * Same person as far as names can tell: a shared surname word, one side's surname as the other's given, or a
 * surname that lost a letter to an export that could not write it (see surnamesNearlyAgree).
 */
export function sameAuthor(a: AuthorName, b: AuthorName): boolean {
  return (
    a.joined === b.joined ||
    shareWord(a.surname, b.surname) ||
    shareWord(a.surname, b.given) ||
    shareWord(a.given, b.surname) ||
    surnamesNearlyAgree(a, b)
  );
}

/** Below this many letters a surname one letter away is another common surname ("Li"/"Liu", "Wang"/"Wan"). */
const NEAR_SURNAME_LETTERS = 4;

/**
 * An export that cannot write a letter drops it ("Mulić" → "Muli", "M?ller" → "Mller") or spells it with an
 * extra letter ("Müller" → "Mueller", "Ø" → "Oe", "Å" → "Aa"), and a mistyped or mis-encoded letter replaces
 * it ("Mulic" / "Mulie"): one letter's difference. Short surnames one letter apart are different families,
 * so the shorter must have NEAR_SURNAME_LETTERS letters; a replaced letter, which also tells many real names
 * apart ("Hansen"/"Jansen" differ in the first, "Larsen"/"Larson" in the last but one), counts only past the
 * first letter, in names of five letters or more, and between people of the same initial. Initials that
 * disagree always mean two people.
 */
function surnamesNearlyAgree(a: AuthorName, b: AuthorName): boolean {
  const x = a.joined;
  const y = b.joined;
  const diff = x.length - y.length;
  if (diff > 1 || diff < -1 || Math.min(x.length, y.length) < NEAR_SURNAME_LETTERS) return false;
  if (a.initial && b.initial && a.initial !== b.initial) return false;
  if (diff !== 0) return oneLetterDropped(diff > 0 ? x : y, diff > 0 ? y : x);
  return x.length >= 5 && !!a.initial && a.initial === b.initial && x[0] === y[0] && oneLetterReplaced(x, y);
}

function oneLetterDropped(longer: string, shorter: string): boolean {
  let i = 0;
  while (i < shorter.length && longer.charCodeAt(i) === shorter.charCodeAt(i)) i++;
  for (let j = i; j < shorter.length; j++) if (longer.charCodeAt(j + 1) !== shorter.charCodeAt(j)) return false;
  return true;
}

function oneLetterReplaced(x: string, y: string): boolean {
  let differences = 0;
  for (let i = 0; i < x.length; i++) if (x.charCodeAt(i) !== y.charCodeAt(i) && ++differences > 1) return false;
  return differences === 1;
}

export interface AuthorAgreement {
  /** Share of the shorter list (first 15 names) found in the other list. */
  overlap: number;
  firstMatch: boolean;
}

const MAX_COMPARED = 15;

/**
 * Names (up to MAX_COMPARED) that two bylines share position by position, or 0 unless the whole shorter list
 * agrees so: a byline cut short by "et al." or a database's author limit keeps its order, while lists that
 * merely share their names (a team rotating who goes first) do not count.
 */
export function sharedByline(a: readonly AuthorName[], b: readonly AuthorName[]): number {
  const n = Math.min(a.length, b.length, MAX_COMPARED);
  for (let i = 0; i < n; i++) if (!sameAuthor(a[i]!, b[i]!)) return 0;
  return n;
}

export function compareAuthors(a: readonly AuthorName[], b: readonly AuthorName[]): AuthorAgreement | null {
  if (!a.length || !b.length) return null;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const n = Math.min(short.length, MAX_COMPARED);
  const m = Math.min(long.length, MAX_PARSED);
  let matched = 0;
  let used = 0; // bit set over the long list's first 31 names, so one name is not matched twice
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const bit = j < 31 ? 1 << j : 0;
      if (used & bit) continue;
      if (sameAuthor(short[i]!, long[j]!)) {
        matched++;
        used |= bit;
        break;
      }
    }
  }
  return { overlap: matched / n, firstMatch: sameAuthor(a[0]!, b[0]!) };
}
