// What an earlier Sift review's bundle says it included, for the "Previous studies" box of an updated review's
// diagram (PRISMA 2020, Figure 1 for updated reviews): its studies and their reports, counted from the bundle's
// rows as its own diagram counted them (flow-sql.ts: a report of a record neither merged as a duplicate nor
// removed before screening, settled as included at full text; studies are those such reports are grouped in).
// If that review was itself an update, its previous version's studies and reports are part of its total.
import type { Readable } from "node:stream";
import { bundleLines } from "./read-bundle";
import { BundleDamagedError } from "./remap";

type Row = Record<string, unknown>;

export interface IncludedStudies {
  studies: number;
  reports: number;
}

/** Takes the bundle's rows one at a time, keeping only the columns the count needs. */
export function bundleIncludedCounter() {
  const notKept = new Set<string>();
  const includedRecords = new Set<string>();
  const reports: { recordId: string; studyId: string | null }[] = [];
  let earlier: IncludedStudies = { studies: 0, reports: 0 };
  return {
    add(table: string, row: Row) {
      const str = (key: string) => (typeof row[key] === "string" ? (row[key] as string) : null);
      if (table === "records" && str("duplicate_of_id")) notKept.add(str("id")!);
      else if (table === "record_removals") notKept.add(str("record_id")!);
      else if (table === "screening_outcomes" && str("stage") === "full_text" && str("status") === "included")
        includedRecords.add(str("record_id")!);
      else if (table === "reports") reports.push({ recordId: str("record_id")!, studyId: str("study_id") });
      else if (table === "previous_review_versions")
        earlier = { studies: Number(row.studies) || 0, reports: Number(row.reports) || 0 };
    },
    /** The bundle's total studies and reports included. */
    total(): IncludedStudies {
      const included = reports.filter((r) => includedRecords.has(r.recordId) && !notKept.has(r.recordId));
      const studies = new Set(included.map((r) => r.studyId).filter((s) => s !== null));
      return { studies: earlier.studies + studies.size, reports: earlier.reports + included.length };
    },
  };
}

/** The review a bundle is of, and what it included; a file that is not a whole bundle is refused. */
export async function includedInBundle(
  input: Readable,
): Promise<{ review: { id: string; title: string } } & IncludedStudies> {
  const counter = bundleIncludedCounter();
  let review: { id: string; title: string } | null = null;
  for await (const line of bundleLines(input)) {
    if (line.kind === "header") review = { id: line.review.id, title: line.review.title };
    else if (line.kind === "row") counter.add(line.table, line.row);
  }
  if (!review) throw new BundleDamagedError("it has no header");
  return { review, ...counter.total() };
}
