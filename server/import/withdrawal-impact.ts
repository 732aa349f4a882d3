// What withdrawing an import would change, counted before anything changes: the screen shows it, and the
// withdrawal itself checks it again under its locks. Leads only (server/api), since it counts every reviewer's
// decisions on the import's records.
import { createHash } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export interface AffectedStudy {
  id: string;
  label: string;
  reportsWithdrawn: number;
  /** Reports of other imports the study keeps; with none left the study leaves the review with its work. */
  reportsLeft: number;
  extractions: number;
  appraisals: number;
}

export interface WithdrawalImpact {
  importId: string;
  fileName: string;
  source: string;
  records: number;
  /** Of those, records that were themselves merged into another record as duplicates. */
  duplicatesRemoved: number;
  /** Records of other imports merged into these: each group gets a record of its own back, the rest merge into it. */
  mergedIntoThese: number;
  comeBackAsOwn: number;
  pendingPairs: number;
  /** Fields of records that stay which a merge filled from these records: emptied again (server/dedup/field-fills.ts). */
  donatedFields: number;
  decisions: { title_abstract: number; full_text: number };
  settled: { title_abstract: number; full_text: number };
  openConflicts: number;
  reports: number;
  pdfs: number;
  studies: AffectedStudy[];
  /** Studies whose extraction or appraisal the withdrawal touches: a lead must confirm, knowing what is undone. */
  needsConfirmation: boolean;
  /** Names the downstream work shown, so a withdrawal confirmed on a stale screen is refused. */
  downstreamKey: string;
  identified: { sourceBefore: number; sourceAfter: number; reviewBefore: number; reviewAfter: number };
  /** A stopping-rule sample is open: its urn counts these records, so nothing may leave the review meanwhile. */
  stoppingSampleOpen: boolean;
  /** Why it cannot be withdrawn now, if it cannot. */
  blocked: string | null;
}

const WITHDRAWABLE = "succeeded";
export const SAMPLE_OPEN =
  "A stopping-rule sample is open, and its arithmetic counts these records. Close the sample (Screening, “Can we stop?”) before withdrawing an import.";

export function downstreamKeyOf(studies: AffectedStudy[]): string {
  const work = studies
    .filter((s) => s.extractions + s.appraisals > 0)
    .map((s) => `${s.id}:${s.reportsLeft === 0 ? "removed" : "kept"}:${s.extractions}:${s.appraisals}`)
    .sort();
  return createHash("sha256").update(work.join("\n")).digest("hex").slice(0, 24);
}

function blockedReason(status: string): string | null {
  if (status === WITHDRAWABLE) return null;
  if (status === "withdrawing") return "This import is being withdrawn already.";
  if (status === "withdrawn") return "This import has been withdrawn already.";
  if (status === "queued" || status === "running")
    return "This file is still being read; it can be withdrawn once it has been imported.";
  return "Only an import whose records entered the review can be withdrawn.";
}

/** Counts the withdrawal of one import of the review; `db` may be a transaction that holds the withdrawal's locks. */
export async function withdrawalImpact(db: Db | Tx, reviewId: string, importId: string): Promise<WithdrawalImpact> {
  const imp = await db.import.findFirst({
    where: { id: importId, reviewId },
    select: { id: true, fileName: true, status: true, sourceId: true, source: { select: { name: true } } },
  });
  if (!imp) throw new AppError("NOT_FOUND", "That import does not exist in this review.");
  const [counts] = await db.$queryRaw<Record<string, number>[]>`
    WITH w AS (SELECT id, duplicate_of_id FROM records WHERE import_id = ${importId}),
    orphans AS (SELECT r.id, r.duplicate_of_id FROM records r JOIN w ON w.id = r.duplicate_of_id
                 WHERE r.import_id IS DISTINCT FROM ${importId})
    SELECT (SELECT count(*)::int FROM w) AS records,
           (SELECT count(*)::int FROM w WHERE duplicate_of_id IS NOT NULL) AS duplicates_removed,
           (SELECT count(*)::int FROM orphans) AS merged_into_these,
           (SELECT count(DISTINCT duplicate_of_id)::int FROM orphans) AS come_back,
           (SELECT count(*)::int FROM duplicate_pairs p WHERE p.review_id = ${reviewId} AND p.status = 'pending'
               AND (p.record_a_id IN (SELECT id FROM w) OR p.record_b_id IN (SELECT id FROM w))) AS pending_pairs,
           (SELECT count(*)::int FROM record_field_fills f JOIN w ON w.id = f.donor_id
             WHERE f.record_id NOT IN (SELECT id FROM w)) AS donated_fields,
           (SELECT count(*)::int FROM screening_decisions d JOIN w ON w.id = d.record_id
             WHERE d.stage = 'title_abstract') AS ta_decisions,
           (SELECT count(*)::int FROM screening_decisions d JOIN w ON w.id = d.record_id
             WHERE d.stage = 'full_text') AS ft_decisions,
           (SELECT count(*)::int FROM screening_outcomes o JOIN w ON w.id = o.record_id
             WHERE o.stage = 'title_abstract' AND o.status IN ('included', 'excluded')) AS ta_settled,
           (SELECT count(*)::int FROM screening_outcomes o JOIN w ON w.id = o.record_id
             WHERE o.stage = 'full_text' AND o.status IN ('included', 'excluded')) AS ft_settled,
           (SELECT count(*)::int FROM conflicts c JOIN w ON w.id = c.record_id WHERE c.status = 'open') AS open_conflicts,
           (SELECT count(*)::int FROM reports rep JOIN w ON w.id = rep.record_id) AS reports,
           (SELECT count(*)::int FROM reports rep JOIN w ON w.id = rep.record_id WHERE rep.file_key IS NOT NULL) AS pdfs,
           (SELECT count(*)::int FROM records r WHERE r.review_id = ${reviewId}) AS review_records,
           (SELECT count(*)::int FROM records r WHERE r.review_id = ${reviewId} AND r.source_id = ${imp.sourceId}) AS source_records,
           (SELECT count(*)::int FROM w JOIN records r ON r.id = w.id WHERE r.source_id = ${imp.sourceId}) AS source_withdrawn,
           (SELECT count(*)::int FROM stopping_samples ss WHERE ss.review_id = ${reviewId} AND ss.closed_at IS NULL) AS open_samples`;
  const c = counts!;
  const studies = await db.$queryRaw<AffectedStudy[]>`
    SELECT s.id, s.label,
           count(*) FILTER (WHERE rec.import_id = ${importId})::int AS "reportsWithdrawn",
           count(*) FILTER (WHERE rec.import_id IS DISTINCT FROM ${importId})::int AS "reportsLeft",
           (SELECT count(*)::int FROM extractions e WHERE e.study_id = s.id) AS extractions,
           (SELECT count(*)::int FROM appraisals a WHERE a.study_id = s.id) AS appraisals
      FROM studies s
      JOIN reports rep ON rep.study_id = s.id
      JOIN records rec ON rec.id = rep.record_id
     WHERE s.review_id = ${reviewId}
       AND s.id IN (SELECT rep2.study_id FROM reports rep2 JOIN records r2 ON r2.id = rep2.record_id
                     WHERE r2.import_id = ${importId} AND rep2.study_id IS NOT NULL)
     GROUP BY s.id, s.label
     ORDER BY s.label, s.id`;
  const records = c.records!;
  const stoppingSampleOpen = c.open_samples! > 0;
  const blocked = blockedReason(imp.status) ?? (stoppingSampleOpen ? SAMPLE_OPEN : null);
  return {
    importId: imp.id,
    fileName: imp.fileName,
    source: imp.source.name,
    records,
    duplicatesRemoved: c.duplicates_removed!,
    mergedIntoThese: c.merged_into_these!,
    comeBackAsOwn: c.come_back!,
    pendingPairs: c.pending_pairs!,
    donatedFields: c.donated_fields!,
    decisions: { title_abstract: c.ta_decisions!, full_text: c.ft_decisions! },
    settled: { title_abstract: c.ta_settled!, full_text: c.ft_settled! },
    openConflicts: c.open_conflicts!,
    reports: c.reports!,
    pdfs: c.pdfs!,
    studies,
    needsConfirmation: studies.some((s) => s.extractions + s.appraisals > 0),
    downstreamKey: downstreamKeyOf(studies),
    identified: {
      sourceBefore: c.source_records!,
      sourceAfter: c.source_records! - c.source_withdrawn!,
      reviewBefore: c.review_records!,
      reviewAfter: c.review_records! - records,
    },
    stoppingSampleOpen,
    blocked,
  };
}
