// Journal names come full ("Journal of the American Society of Nephrology"), abbreviated ("J Am Soc Nephrol"),
// with or without a subtitle, with a conference appended ("Pediatric Nephrology.Conference: 44th ...") or with
// a translation in brackets ("Zhongguo zhen jiu [Chinese acupuncture & moxibustion]"). Abbreviations keep each
// word's beginning and the word order, so two names agree when one's words are prefixes of the other's, in order.

import { decodeMarkup, foldText } from "./text-fold";
import { unifySpelling } from "./title";

/** One or more spellings of the name, each as significant words. */
export type NormalisedJournal = string[][];

// Articles, conjunctions and prepositions, which abbreviations leave out, in the languages of most journals
// indexed in MEDLINE: "Cir Cir" is "Cirugía y Cirujanos", "Arq Bras Cardiol" "Arquivos Brasileiros de
// Cardiologia", "G Ital Cardiol" "Giornale Italiano di Cardiologia", "Dtsch Med Wochenschr" "Deutsche
// Medizinische Wochenschrift", "Ned Tijdschr Geneeskd" "Nederlands Tijdschrift voor Geneeskunde".
const STOP = new Set(
  [
    "the of and for in on a an", // English
    "de la le les l d du des et en au aux", // French
    "y del el los las e da do dos das", // Spanish, Portuguese
    "di dei degli delle della dell il lo i ed", // Italian, Catalan
    "der die das des dem den und fur fuer zur zum im", // German
    "voor van het en", // Dutch
    "och og", // Scandinavian
    "w z na", // Polish
    "ve", // Turkish
  ]
    .join(" ")
    .split(" "),
);

function journalWords(text: string): string[] {
  return foldText(text)
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map(unifySpelling);
}

export function normaliseJournal(raw: string | null): NormalisedJournal {
  if (!raw) return [];
  let text = decodeMarkup(raw);
  // A conference appended to the journal name says where the abstract appeared, not which journal it is.
  text = text.replace(/[.:;,\s]*\bconference\b.*$/i, "");
  const variants: string[][] = [];
  const brackets = /[[(]([^\])]*)[\])]/g;
  for (const m of text.matchAll(brackets)) {
    const inner = journalWords(m[1]!);
    // Parenthesised ISSNs and places ("(00392499)", "(Bethesda, Md. : 1985)") are not names.
    if (inner.length && !inner.some((w) => /\d/.test(w))) variants.push(inner);
  }
  const unbracketed = text.replace(brackets, " ");
  const main = journalWords(unbracketed);
  // "Cladistics : the international journal of ...", "Stroke; a journal of cerebral circulation": the
  // subtitle is often left out.
  const beforeSubtitle = journalWords(unbracketed.split(/\s*[:;]\s*|\s+[-–]\s+/)[0]!);
  if (beforeSubtitle.length && beforeSubtitle.length < main.length) variants.unshift(beforeSubtitle);
  if (main.length) variants.unshift(main);
  return variants;
}

/**
 * An abbreviation is the word's beginning ("Nephrol") or, ISO 4's contractions, some of its letters in order
 * from the first ("Natl" National, "Jpn" Japanese, "Dtsch" Deutsche, "Wkly" Weekly, "Hlth" Health).
 */
function wordsAgree(a: string, b: string): boolean {
  return a.length <= b.length ? abbreviates(a, b) : abbreviates(b, a);
}

function abbreviates(short: string, long: string): boolean {
  if (long.startsWith(short)) return true;
  if (short.length < 3 || short.charCodeAt(0) !== long.charCodeAt(0)) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    const c = short.charCodeAt(i);
    while (j < long.length && long.charCodeAt(j) !== c) j++;
    if (j++ === long.length) return false;
  }
  return true;
}

/** 1: same journal; 0.7: one name is the start of the other (a subtitle or section); 0: different. */
function compareNames(a: string[], b: string[]): number {
  if (a.join("") === b.join("")) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!wordsAgree(short[0]!, long[0]!)) return 0;
  let j = 0;
  let skipped = 0;
  for (const word of short) {
    while (j < long.length && !wordsAgree(word, long[j]!)) {
      j++;
      skipped++;
    }
    if (j === long.length) return 0;
    j++;
  }
  const unmatchedTail = long.length - j;
  if (skipped === 0 && unmatchedTail === 0) return 1;
  return unmatchedTail > 0 && skipped === 0 ? 0.7 : 0;
}

/** null when either record has no journal. */
export function compareJournals(a: NormalisedJournal, b: NormalisedJournal): number | null {
  if (!a.length || !b.length) return null;
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, compareNames(x, y));
  return best;
}
