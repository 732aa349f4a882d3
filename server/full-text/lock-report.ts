// Every change to a report locks its record's row first: full-text decisions lock the same row (decide.ts), so
// a report cannot lose its full text while a decision on it is being recorded.
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export async function lockReport(tx: Tx, reviewId: string, reportId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT rep.id FROM reports rep JOIN records r ON r.id = rep.record_id
     WHERE rep.id = ${reportId} AND rep.review_id = ${reviewId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "That report is not in this review.");
  return tx.report.findUniqueOrThrow({ where: { id: row.id } });
}

/** Once full-text decisions exist, the report must stay screenable: its full text can be replaced, not removed. */
export async function assertNoFullTextDecisions(tx: Tx, recordId: string, doing: string): Promise<void> {
  if ((await tx.screeningDecision.count({ where: { recordId, stage: "full_text" } })) > 0) {
    throw new AppError(
      "STALE",
      `Full-text screening of this report has started, so it cannot be ${doing}. Its PDF or link can still be replaced.`,
    );
  }
}
