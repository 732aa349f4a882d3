// Which included reports look like reports of one study: a shared trial registration (NCT) number, directly
// or through a study link made at de-duplication, or the same first author and year with a similar title.
// Pure; the people grouping studies confirm, change or ignore each suggestion.
import { parseAuthors, surnameKey } from "../dedup/authors";
import { dice } from "../dedup/similarity";
import { words } from "../dedup/text-fold";
import { UnionFind } from "../dedup/union-find";
import { citedFamilyName } from "./cited-family-name";

export interface GroupingReport {
  reportId: string;
  recordId: string;
  studyId: string | null;
  title: string;
  authors: readonly string[];
  year: number | null;
  nctIds: readonly string[];
}

export interface GroupingLink {
  recordAId: string;
  recordBId: string;
  nctId: string;
}

export interface GroupSuggestion {
  /** Ungrouped reports to put together, or into `studyId` when the group already has a study. */
  reportIds: string[];
  studyId: string | null;
  reasons: string[];
}

const STOP = new Set([
  "the",
  "and",
  "for",
  "with",
  "from",
  "into",
  "of",
  "in",
  "on",
  "a",
  "an",
  "to",
  "by",
  "at",
  "or",
  "vs",
  "versus",
  "study",
  "trial",
  "patients",
]);
/** Dice overlap of significant title words at which two papers by the same first author in one year are one study. */
export const TITLE_THRESHOLD = 0.5;

function titleWords(title: string): Set<string> {
  return new Set(words(title).filter((w) => w.length > 2 && !STOP.has(w)));
}

export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return dice(shared, wa.size, wb.size);
}

function firstAuthorKey(authors: readonly string[]): string | null {
  const first = parseAuthors(authors.slice(0, 1))[0];
  return first ? surnameKey(first) : null;
}

export function suggestGroups(reports: readonly GroupingReport[], links: readonly GroupingLink[]): GroupSuggestion[] {
  const sets = new UnionFind(reports.length);
  const reasons = new Map<number, Set<string>>();
  const join = (a: number, b: number, reason: string) => {
    const before = [sets.find(a), sets.find(b)];
    sets.union(a, b);
    const root = sets.find(a);
    const merged = new Set([...(reasons.get(before[0]!) ?? []), ...(reasons.get(before[1]!) ?? []), reason]);
    reasons.set(root, merged);
  };

  const nctsOf = reports.map((r) => new Set(r.nctIds.map((n) => n.toUpperCase())));
  const indexOfRecord = new Map(reports.map((r, i) => [r.recordId, i]));
  for (const link of links) {
    const a = indexOfRecord.get(link.recordAId);
    const b = indexOfRecord.get(link.recordBId);
    if (a !== undefined) nctsOf[a]!.add(link.nctId.toUpperCase());
    if (b !== undefined) nctsOf[b]!.add(link.nctId.toUpperCase());
  }
  const byNct = new Map<string, number>();
  nctsOf.forEach((ncts, i) => {
    for (const nct of ncts) {
      const first = byNct.get(nct);
      if (first === undefined) byNct.set(nct, i);
      else join(first, i, `Both name ${nct}`);
    }
  });

  const byAuthorYear = new Map<string, number[]>();
  reports.forEach((r, i) => {
    const author = firstAuthorKey(r.authors);
    if (!author || r.year === null) return;
    const key = `${author}|${r.year}`;
    byAuthorYear.set(key, [...(byAuthorYear.get(key) ?? []), i]);
  });
  for (const members of byAuthorYear.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (titleSimilarity(reports[a]!.title, reports[b]!.title) >= TITLE_THRESHOLD) {
          join(a, b, "Same first author and year, similar title");
        }
      }
    }
  }

  const groups = new Map<number, number[]>();
  reports.forEach((_, i) => {
    const root = sets.find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const suggestions: GroupSuggestion[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const ungrouped = members.filter((i) => reports[i]!.studyId === null);
    const studies = new Set(members.map((i) => reports[i]!.studyId).filter((s): s is string => s !== null));
    // Reports already in two studies would need a merge, a person's call that a suggestion should not make.
    if (ungrouped.length === 0 || studies.size > 1) continue;
    if (studies.size === 0 && ungrouped.length < 2) continue;
    suggestions.push({
      reportIds: ungrouped.map((i) => reports[i]!.reportId),
      studyId: [...studies][0] ?? null,
      reasons: [...(reasons.get(root) ?? [])].sort(),
    });
  }
  return suggestions;
}

/** "Petrou 2016", "de Souza Batista 2019" (the family name as a citation gives it), or the registration number for a registry entry without authors. */
export function studyLabelFor(report: Pick<GroupingReport, "authors" | "year" | "nctIds" | "title">): string {
  const surname = report.authors[0] ? citedFamilyName(report.authors[0]) : null;
  if (surname) return report.year ? `${surname} ${report.year}` : surname;
  if (report.nctIds[0]) return report.nctIds[0];
  return report.title.slice(0, 60) || "Untitled study";
}
