// How much of a new file the review holds already, for the question asked before importing it: a record counts
// as present when an earlier record of the review shares its DOI or PMID, or its title (as de-duplication
// normalises it: markup, accents, spelling variants and MEDLINE's translation brackets set aside) and its year.
import { normaliseTitle } from "../dedup/title";

/** A file with at least this share of its records present asks before it is imported. */
export const OVERLAP_THRESHOLD = 0.9;
/** A normalised title this short ("Editorial", "Reply") names too many documents to match on with the year alone. */
const MIN_TITLE_CHARACTERS = 20;

/** The title-and-year key of a record, or null when it has too little to match on. */
export function titleYearKey(title: string, year: number | null): string | null {
  if (year === null) return null;
  const text = normaliseTitle(title).text;
  return text.length >= MIN_TITLE_CHARACTERS ? `${year} ${text}` : null;
}

export function mostlyPresent(matched: number, total: number): boolean {
  return total > 0 && matched >= OVERLAP_THRESHOLD * total;
}

/** Why an upload waits for a lead's answer, as stored on the import (`duplicate_check`) and shown on the screen. */
export interface DuplicateCheck {
  reason: "same_file" | "overlap";
  /** For an overlap: the new file's records already in the review, and its records. */
  matched: number | null;
  total: number | null;
  /** The earlier imports it repeats, most records matched first. */
  imports: {
    id: string;
    fileName: string;
    source: string;
    createdAt: string;
    /** Its records: matched by the new file's (overlap), or all of them (the same file). */
    records: number;
  }[];
}
