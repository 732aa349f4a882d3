// Which record of a group of duplicates stays in the review when the group is merged. Pure, so the screen's
// default and the server's check agree and the rule is tested on plain data.
import { FILLABLE_FIELDS, isEmptyValue } from "./fill-plan";
import { cochraneRecency } from "./normalise";
import { normaliseTitle } from "./title";

const text = (v: unknown) => (typeof v === "string" ? v : null);
const year = (c: KeptCandidate) => (typeof c.fields.year === "number" ? c.fields.year : null);

export interface KeptCandidate {
  id: string;
  title: string;
  abstract: string | null;
  doi: string | null;
  pmid: string | null;
  createdAt: Date;
  /** Screening decisions, an outcome or a full-text report hang off it. */
  hasWork: boolean;
  /** The record's fillable fields, counted for completeness. */
  fields: Record<string, unknown>;
}

/**
 * The order in which records are preferred, best first. Why each step:
 * 1. A record people already screened, or whose full text was sought, keeps that work counting; merging it away
 *    would set the work aside (PRISMA and screening only count kept records).
 * 2. An article beats a notice about it (erratum, comment, retraction): the article is what gets screened.
 *    Then the latest version of a Cochrane review, which supersedes the others (as automatic merges keep it).
 * 3. An abstract: title/abstract screening needs it, and nothing can make one up.
 * 4. A DOI or PMID: full-text retrieval and exports find the paper by them.
 * 5. More filled fields, so fewer need filling from the others.
 * 6. The earliest imported, so a record already seen in the review is not replaced by a later copy.
 */
export function compareForKeeping(x: KeptCandidate, y: KeptCandidate): number {
  const steps: ((c: KeptCandidate) => number)[] = [
    (c) => (c.hasWork ? 1 : 0),
    (c) => (normaliseTitle(c.title).kind === "article" ? 1 : 0),
    (c) => cochraneRecency({ doi: c.doi, pages: text(c.fields.pages), journal: text(c.fields.journal), year: year(c) }),
    (c) => (isEmptyValue(c.abstract) ? 0 : 1),
    (c) => (isEmptyValue(c.doi) && isEmptyValue(c.pmid) ? 0 : 1),
    (c) => FILLABLE_FIELDS.filter((f) => !isEmptyValue(c.fields[f])).length,
  ];
  for (const step of steps) {
    const d = step(y) - step(x);
    if (d !== 0) return d;
  }
  return x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** The group's members, the record to keep first. */
export function rankForKeeping<T extends KeptCandidate>(members: readonly T[]): T[] {
  return [...members].sort(compareForKeeping);
}
