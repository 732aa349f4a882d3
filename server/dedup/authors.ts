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
    const last = parts[parts.length - 1]!;
    if (parts.length > 1 && /^(?:[A-Z]\.?-?){1,3}$/.test(last)) {
      // "Smith JA" (MEDLINE style): initials after the surname.
      surname = parts.slice(0, -1).join(" ");
      given = last;
    } else {
      // "John A. Smith" or "J. Smith": the last word is the surname.
      surname = last;
      given = parts.slice(0, -1).join(" ");
    }
  }
  const surnameWords = nameWords(surname);
  if (!surnameWords.length) return null;
  return { surname: surnameWords, joined: foldText(surname).replace(/[^a-z]/g, ""), given: fullGivenWords(given) };
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

/** Same person as far as names can tell: a shared surname word, or one side's surname as the other's given. */
export function sameAuthor(a: AuthorName, b: AuthorName): boolean {
  return (
    a.joined === b.joined ||
    shareWord(a.surname, b.surname) ||
    shareWord(a.surname, b.given) ||
    shareWord(a.given, b.surname)
  );
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
