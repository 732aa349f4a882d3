// Titles as databases disagree about them: "[Clinical aspects of X]. [Japanese]" (MEDLINE's translated-title
// brackets), "X.[Erratum appears in ...]", "Erratum: X", "X (vol 360, pg 542, 2009)", "haemolytic" or
// "hemolytic". Cleaning reduces the first kind of difference to nothing and keeps the second kind (a notice
// is not the article it corrects) as a separate signal, `kind`.
import { decodeMarkup, words } from "./text-fold";

export type DocumentKind = "article" | "erratum" | "retraction" | "reply" | "comment";

export interface NormalisedTitle {
  /** Every word, spelling variants unified, joined by single spaces. */
  text: string;
  /** The same words without stop words: what token comparisons and blocking keys use. */
  significant: string[];
  kind: DocumentKind;
  /** Numerals in the title as arabic numbers ("Part II" → "2"): different numbers mean different papers. */
  numbers: readonly string[];
  /** Numbers that label a part, phase or series ("Part 2"), which a title never drops silently. */
  partNumbers: readonly string[];
  /**
   * MEDLINE marks a title translated from another language with brackets or a "[Chinese]" tag; a title
   * followed by its translation in brackets is one too.
   */
  translated: boolean;
  /** The title's translation, as other databases print it after the original: "Título [Title]" → "title". */
  alternative: string | null;
  /** Where the corrected article appeared, as a correction's title cites it ("(vol 360, pg 542, 2009)"). */
  cites: CitedPlace | null;
  /** Where the article's own corrections appeared, as MEDLINE notes them ("[Erratum appears in … 9(9):2205]"). */
  erratumAt: readonly CitedPlace[];
  /**
   * How many of `significant` come before the first subtitle separator ("Title: subtitle", "Title - subtitle",
   * "Question? Subtitle"): the main title, which is all some databases print. All of them without a subtitle.
   */
  mainWords: number;
}

export interface CitedPlace {
  volume: string;
  /** First page, digits only. */
  page: string;
}

/** Kind, pattern, and whether the pattern looks at the end of the title. */
const KIND_PATTERNS: [DocumentKind, RegExp, boolean][] = [
  [
    "retraction",
    /^(?:notice of retraction|retraction(?: note| notice)?|retracted(?: article)?|withdrawn|expression of concern)\b/i,
    false,
  ],
  ["erratum", /^(?:errat(?:um|a)|corrigend(?:um|a)|correction(?:s)?(?=\s*(?::|-|to\b|notice\b|$)))/i, false],
  ["reply", /^(?:in reply|reply|(?:the )?authors?'?s?'? (?:reply|response))\b/i, false],
  ["reply", /^response\s*(?::|to\s*(?::|["'“‘]|(?:the )?(?:letter|comment|editorial)))/i, false],
  ["reply", /(?:\s[-–—]|[:.])\s*(?:the\s+)?(?:authors?'?s?'?\s+)?(?:reply|response)\s*\.?$/i, true],
  ["reply", /\sauthors?'?s?'?\s+(?:reply|response)\s*\.?$/i, true],
  ["comment", /^(?:comments?|commentary)\s+(?:on|to|about)\b|^re:\s/i, false],
  ["comment", /\beditorial comment\s*\.?$/i, true],
];

// How Web of Science ("(vol 360, pg 542, 2009)") and Embase ("(N Engl J Med (2009) 360 (542-544))") mark
// a correction: the title of the corrected article followed by its citation.
const CORRECTION_CITATION = [
  /\s*\(\s*vol\.?\s*\d+[^()]*\bpg?\.?\s*[a-z]?\d+[^()]*\)\s*\.?$/i,
  /\s*\([^()]*\(\s*(?:1[89]|20)\d{2}\s*\)[^()]*\(\s*[a-z]?\d+(?:\s*-\s*[a-z]?\d+)?\s*\)\s*\)\s*\.?$/i,
];
// The same two conventions, read for the volume and first page they cite.
const CITED_PLACE = [
  /\(\s*vol\.?\s*(\d+)[^()]*\bpg?\.?\s*[a-z]?(\d+)/i,
  /\(\s*(?:1[89]|20)\d{2}\s*\)\s*(\d+)\s*(?:\(\s*\d+\s*\)\s*)?\(\s*[a-z]?(\d+)/i,
];
const ERRATUM_NOTE = /\[(?:published )?errat\w* (?:appears|in)\b[^\]]*?;\s*(\d+)\s*(?:\([^)]*\))?\s*:\s*[a-z]?(\d+)/gi;
const TRUNCATED_CITATION = /\s*\([^()]{12,}\([^()]*$/;
const LEADING_NOTICE =
  /^(?:(?:notice of retraction|retraction(?: note| notice)?|retracted(?: article)?|withdrawn|(?:errat(?:um|a)|corrigend(?:um|a)|corrections?)(?: to| notice)?|comments? (?:on|to)|commentary on|in reply(?: to)?|reply(?: to)?|response(?: to)?)\s*[:.-]|re:)\s*/i;
// "[Erratum appears in ...]", "[Comment in ...]": notes after the title about the article that is itself
// the record (a title of its own in brackets, "[Correction of hypokalaemia]", is not one).
const ANNOTATION =
  /\s*\[(?:(?:published )?errat\w* (?:appears|in)\b|comments? (?:in|on)\b|see comments?|retract\w*|corrected and republished|update[ds]? in\b|summary for patients)[^\]]*(?:\]|$)/gi;
const TRAILING_NOTICE =
  /(?:(?:\s[-–—]|[:.])\s*(?:(?:the\s+)?(?:authors?'?s?'?\s+)?(?:reply|response)|editorial comment)|\sauthors?'?s?'?\s+(?:reply|response))\s*\.?$/i;
const TRAILING_BRACKETS = /\s*\[[^[\]]*\]$/;
const TRAILING_NOTE =
  /\s*\((?:authors?'?s?'? transl(?:ation)?|multiple letters|letters?|editorial|abstract|meeting abstract|review|in press|e?pub ahead of print)\)$/i;
// Bracketed notes after a title that are neither a language nor a translation.
const TAG =
  /^(?:review|english abstract|letters?|editorial|comments?|news|in process citation|see comments?|case reports?|meta-analysis|clinical trial|randomized controlled trial|historical article|\d+ refs?|abstract|published erratum.*|comment on.*|article in .*)$/i;
/** Words a bracketed note needs to be taken for the title's translation rather than a tag ("[Review]"). */
const TRANSLATION_WORDS = 4;
const LANGUAGE =
  /^(?:article in |in )?(?:chinese|japanese|german|french|spanish|italian|portuguese|russian|polish|czech|slovak|hungarian|dutch|danish|swedish|norwegian|finnish|turkish|korean|hebrew|greek|romanian|croatian|serbian|slovenian|bulgarian|ukrainian|persian|arabic|lithuanian|latvian|estonian|icelandic|catalan)(?:\s*\(author'?s transl\))?$/i;

const STOP_WORDS = new Set(
  "a an the of in on for and or with to by at from as is are was were be been its it into via vs versus after during between among about than this that these those their our we do does not".split(
    " ",
  ),
);
// Roman numerals that are hardly ever words; "i", "v" and "x" count only after a part word ("Part I").
const ROMAN: Record<string, string> = {
  ii: "2",
  iii: "3",
  iv: "4",
  vi: "6",
  vii: "7",
  viii: "8",
  ix: "9",
  xi: "11",
  xii: "12",
};
const SHORT_ROMAN: Record<string, string> = { i: "1", v: "5", x: "10" };
const NONE: readonly string[] = Object.freeze([]);
const NO_PLACES: readonly CitedPlace[] = Object.freeze([]);
const PART_WORDS = new Set([
  "part",
  "phase",
  "series",
  "section",
  "chapter",
  "paper",
  "stage",
  "type",
  "grade",
  "class",
  "study",
  "experiment",
]);

// "with 2 canine models" / "with two canine models". "One" is left alone: it is more often not a number.
const NUMBER_WORDS: Record<string, string> = {
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
};

/**
 * British and American spellings of one word become the same string ("haemolytic", "randomised"), and
 * small numbers written out become digits.
 */
export function unifySpelling(word: string): string {
  if (word.length < 5) return NUMBER_WORDS[word] ?? word;
  let w = word.includes("ae") || word.includes("oe") ? word.replace(/ae|oe/g, "e") : word;
  if (w.length >= 6) {
    if (w.includes("is")) w = w.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1");
    if (w.endsWith("our")) w = `${w.slice(0, -3)}or`;
  }
  return w.endsWith("tre") ? w.replace(/([^aeiou])tre$/, "$1ter") : (NUMBER_WORDS[w] ?? w);
}

// Cheap tests that let most titles skip the notice patterns, each of which scans the whole title.
const MAY_END_IN_NOTICE = /repl|respon|comment/i;

function detectKind(title: string): DocumentKind {
  if (title.includes("(") && CORRECTION_CITATION.some((pattern) => pattern.test(title))) return "erratum";
  const mayEndInNotice = MAY_END_IN_NOTICE.test(title);
  for (const [kind, pattern, anchoredAtEnd] of KIND_PATTERNS)
    if ((!anchoredAtEnd || mayEndInNotice) && pattern.test(title)) return kind;
  return "article";
}

/** Removes notes and tags around the title proper; says whether one of them marked a translation. */
function stripNotes(
  title: string,
  kind: DocumentKind,
): { core: string; translated: boolean; alternative: string | null } {
  let t = title;
  if (t.includes("[")) t = t.replace(ANNOTATION, (note, offset: number) => (offset === 0 ? note : " ")).trim();
  if (kind === "erratum" && t.includes("(")) {
    for (const pattern of CORRECTION_CITATION) t = t.replace(pattern, "");
    // A correction's citation cut off by a field-length limit: "X (Proceedings of the ... (Januar".
    t = t.replace(TRUNCATED_CITATION, "");
  }
  t = t.replace(LEADING_NOTICE, "");
  if (MAY_END_IN_NOTICE.test(t)) t = t.replace(TRAILING_NOTICE, "");
  let translated = false;
  let alternative: string | null = null;
  for (;;) {
    t = t.replace(/[\s.,;:]+$/, "");
    if (t.endsWith("]")) {
      const bracket = TRAILING_BRACKETS.exec(t);
      if (bracket && bracket.index > 0) {
        const inner = bracket[0].trim().slice(1, -1).trim();
        if (LANGUAGE.test(inner)) translated = true;
        else if (!alternative && !TAG.test(inner) && words(inner).length >= TRANSLATION_WORDS) {
          alternative = inner;
          translated = true;
        }
        t = t.slice(0, bracket.index);
        continue;
      }
    }
    if (t.endsWith(")")) {
      const note = TRAILING_NOTE.exec(t);
      if (note && note.index > 0) {
        t = t.slice(0, note.index);
        continue;
      }
    }
    break;
  }
  if (t.startsWith("[")) {
    translated = true;
    t = t.slice(1).replace(/\]$/, "");
  }
  return { core: t, translated, alternative };
}

// Where a subtitle starts: a colon, a spaced dash (how conference proceedings print the colon), or a question
// mark followed by more words.
const SUBTITLE_SEPARATOR = /:|\s[-–—]\s|\?\s/;

// What MEDLINE and others put where a record has no title.
const NO_TITLE = /^\[?\s*(?:no title(?: available)?|untitled|not available)\s*\]?\.?$/i;

function citedPlace(title: string): CitedPlace | null {
  for (const pattern of CITED_PLACE) {
    const m = pattern.exec(title);
    if (m) return { volume: String(Number(m[1])), page: String(Number(m[2])) };
  }
  return null;
}

/** Title words without stop words. */
export function significantWords(all: readonly string[]): string[] {
  return all.filter((w) => !STOP_WORDS.has(w));
}

export function normaliseTitle(raw: string): NormalisedTitle {
  let decoded = decodeMarkup(raw).replace(/\s+/g, " ").trim();
  if (NO_TITLE.test(decoded)) decoded = "";
  const kind = detectKind(decoded);
  const cites = kind === "erratum" && decoded.includes("(") ? citedPlace(decoded) : null;
  const erratumAt = decoded.includes("[")
    ? [...decoded.matchAll(ERRATUM_NOTE)].map((m) => ({ volume: String(Number(m[1])), page: String(Number(m[2])) }))
    : NO_PLACES;
  const { core, translated, alternative } = stripNotes(decoded, kind);
  const all = words(core).map(unifySpelling);
  const text = all.join(" ");
  const significant = significantWords(all);
  const separator = SUBTITLE_SEPARATOR.exec(core);
  const mainWords = separator
    ? significantWords(words(core.slice(0, separator.index)).map(unifySpelling)).length
    : significant.length;
  // Digit runs rather than words, so that a typo gluing a number to a word ("2rthio") keeps the number.
  const numbers = new Set<string>();
  for (const digits of text.match(/\d+/g) ?? []) numbers.add(String(Number(digits)));
  const partNumbers = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    const w = all[i]!;
    const afterPartWord = i > 0 && PART_WORDS.has(all[i - 1]!);
    let n = /^\d+$/.test(w) ? String(Number(w)) : ROMAN[w];
    // "Part A" and "Part B" are parts too.
    if (n === undefined && afterPartWord && w.length === 1) n = SHORT_ROMAN[w] ?? w;
    if (n === undefined) continue;
    numbers.add(n);
    if (afterPartWord) partNumbers.add(n);
  }
  return {
    text,
    significant,
    kind,
    numbers: numbers.size ? [...numbers].sort() : NONE,
    partNumbers: partNumbers.size ? [...partNumbers].sort() : NONE,
    translated,
    alternative: alternative === null ? null : words(alternative).map(unifySpelling).join(" "),
    cites,
    erratumAt: erratumAt.length ? erratumAt : NO_PLACES,
    mainWords,
  };
}
