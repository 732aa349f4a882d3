// Turning field text into record values; shared by the RIS, MEDLINE and Web of Science parsers.
import { cleanText, parseYear } from "../normalise";

/** The values cleaned, blanks dropped, in order. Repeats stay: two authors can share a name. */
export function cleanValues(values: string[]): string[] {
  return values.map(cleanText).filter(Boolean);
}

/** Each value split on the separator, then cleaned as cleanValues does. */
export function splitValues(values: string[], separator: RegExp): string[] {
  return cleanValues(values.flatMap((value) => value.split(separator)));
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The first of the date-ish values that holds a plausible year. */
export function firstYear(values: string[]): number | null {
  for (const value of values) {
    const year = parseYear(value);
    if (year !== null) return year;
  }
  return null;
}

/**
 * "start-end" from separate first and last pages. A value without a digit is dropped: Ovid writes
 * "SP - No" / "EP - Specified" when it has no pages.
 */
export function pageRange(first: string, last: string): string | null {
  const start = /\d/.test(first) ? cleanText(first) : "";
  const end = /\d/.test(last) ? cleanText(last) : "";
  if (start && end && !start.includes("-") && start !== end) return `${start}-${end}`;
  return start || null;
}
