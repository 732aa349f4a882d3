// Turns the field values of one BibTeX entry into plain text and its name lists into "Last, First" names.
// LaTeX (accents, commands, math, braces) and BibTeX name syntax go through @retorquere/bibtex-parser; values
// without any LaTeX skip it, because its LaTeX parser costs about 2 ms per abstract, which is minutes on a
// 100,000-entry file.
import { type Creator, parse } from "@retorquere/bibtex-parser";
import { cleanText } from "../normalise";
import type { BibtexField } from "./bibtex-fields";

const CREATOR_FIELDS = new Set(["author", "editor"]);
// Identifiers and links: their characters are data, not LaTeX ("_" in a URL, "<" in an old Wiley DOI).
const VERBATIM_FIELDS = new Set(["doi", "url", "eprint", "pmid", "pmcid", "isbn", "issn", "file", "urldate"]);

// Commands, math and ties; braces alone only protect case.
const NEEDS_LATEX = /[\\$~]/;
// The HTML the library marks commands up with (\textit → <i>, \url → <a>).
const MARKUP = /<\/?(?:i|b|em|strong|sup|sub|sc|code|span|a|u|br|div|p|pre)\b[^>]*>/g;

const LIBRARY_OPTIONS = {
  sentenceCase: false,
  caseProtection: false,
  applyCrossRef: false,
  unsupported: "ignore",
} as const;

export interface ConvertedFields {
  /** Field name → text, first occurrence of each name. */
  texts: Map<string, string>;
  /** Creator field name → names. */
  people: Map<string, string[]>;
}

export function convertFields(fields: BibtexField[]): ConvertedFields {
  const converted: ConvertedFields = { texts: new Map(), people: new Map() };
  const seen = new Set<string>();
  const forLibrary: { name: string; slot: string; value: string }[] = [];
  for (const { name, value } of fields) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (CREATOR_FIELDS.has(name)) {
      forLibrary.push({ name, slot: name, value });
    } else if (VERBATIM_FIELDS.has(name)) {
      converted.texts.set(name, cleanText(value.replace(/[{}]/g, "").replace(/\\(?=[^A-Za-z])/g, "")));
    } else {
      const simple = withoutExporterLatex(value);
      if (simple !== null) converted.texts.set(name, plainText(simple));
      // Neutral slot names give every value the same treatment: under its own name the library would split
      // keywords unconverted, turn months into numbers and so on.
      else forLibrary.push({ name, slot: `f${forLibrary.length}`, value });
    }
  }
  if (forLibrary.length > 0) convertWithLibrary(forLibrary, converted);
  return converted;
}

const SYMBOLS: Record<string, string> = { textless: "<", textgreater: ">" };

/**
 * The text of a value whose only LaTeX is what exporters add to plain text: escaped specials ("50\\%"),
 * Zotero's {\textless} and {\textgreater}, and case-protecting braces. Null when real LaTeX is left.
 */
function withoutExporterLatex(value: string): string | null {
  const text = value
    .replace(/\\([%&$#_])/g, "$1")
    .replace(/\{\\(textless|textgreater)\}|\\(textless|textgreater)(?:\{\}|\s*)/g, (_, braced, bare) => {
      return SYMBOLS[braced ?? bare]!;
    });
  return NEEDS_LATEX.test(text) ? null : text.replace(/[{}]/g, "");
}

function plainText(value: string): string {
  return cleanText(value.replace(/---/g, "—").replace(/--/g, "–").replace(/``/g, "“").replace(/''/g, "”"));
}

function convertWithLibrary(fields: { name: string; slot: string; value: string }[], into: ConvertedFields): void {
  const source = `@misc{k,\n${fields.map((f) => `${f.slot} = {${escapeForLatex(f.value)}},`).join("\n")}\n}`;
  let result: Record<string, unknown> | null = null;
  try {
    const library = parse(source, LIBRARY_OPTIONS);
    if (library.errors.length === 0 && library.entries.length === 1) result = library.entries[0]!.fields;
  } catch {
    // A construct the library cannot read: fall back below rather than lose the entry.
  }
  // One unreadable value should not cost the others (the authors above all) their conversion.
  if (!result && fields.length > 1) {
    for (const field of fields) convertWithLibrary([field], into);
    return;
  }
  for (const { name, slot, value } of fields) {
    const out = result?.[slot];
    if (CREATOR_FIELDS.has(name)) {
      into.people.set(
        name,
        Array.isArray(out) ? (out as Creator[]).map(creatorName).filter(Boolean) : roughNames(value),
      );
    } else {
      into.texts.set(name, typeof out === "string" ? libraryText(out) : roughText(value));
    }
  }
}

// The library builds accents as combining marks (e + U+0301); stored text is composed, as every other format's.
function libraryText(value: string | undefined): string {
  return cleanText(value?.replace(MARKUP, "").normalize("NFC"));
}

/** In LaTeX '%' starts a comment and '<' prints '¡'; exporters mean them literally. */
function escapeForLatex(value: string): string {
  return value
    .replace(/(?<!\\)%/g, "\\%")
    .replace(/</g, "\\textless{}")
    .replace(/>/g, "\\textgreater{}");
}

function creatorName(creator: Creator): string {
  if (creator.name) return libraryText(creator.name);
  const surname = libraryText([creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(" "));
  const given = libraryText(creator.firstName);
  return surname && given ? `${surname}, ${given}` : surname || given;
}

/** Text without commands and braces: the fallback for values the library rejects. */
function roughText(value: string): string {
  return cleanText(
    value
      .replace(/\\[A-Za-z]+\*?\s*/g, "")
      .replace(/\\(.)/g, "$1")
      .replace(/[{}$]/g, "")
      .replace(/~/g, " "),
  );
}

function roughNames(value: string): string[] {
  return value
    .split(/\s+and\s+/i)
    .map(roughText)
    .filter(Boolean);
}
