// Test set-up: reports whose records are included at full text, written directly (as full-text screening
// would leave them), so studies and appraisal can be tested on their own.
import type { Db } from "../db/client";

export interface ReportSeed {
  title: string;
  authors?: string[];
  year?: number;
  nctIds?: string[];
  /** Included at title/abstract only: not a report to group yet. */
  fullText?: "included" | "excluded" | "none";
}

export async function includedReports(db: Db, reviewId: string, seeds: readonly ReportSeed[]) {
  const source = await db.source.create({ data: { reviewId, name: `Source ${Math.random()}`, kind: "database" } });
  const reports = [];
  for (const seed of seeds) {
    const record = await db.record.create({
      data: {
        reviewId,
        sourceId: source.id,
        title: seed.title,
        authors: seed.authors ?? [],
        year: seed.year ?? null,
        nctIds: seed.nctIds ?? [],
      },
    });
    await db.screeningOutcome.create({
      data: { reviewId, recordId: record.id, stage: "title_abstract", status: "included", settledAt: new Date() },
    });
    const fullText = seed.fullText ?? "included";
    if (fullText !== "none") {
      await db.screeningOutcome.create({
        data: { reviewId, recordId: record.id, stage: "full_text", status: fullText, settledAt: new Date() },
      });
    }
    reports.push(await db.report.create({ data: { reviewId, recordId: record.id, retrievalStatus: "retrieved" } }));
  }
  return reports;
}
