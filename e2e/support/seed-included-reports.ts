// Test-only: gives a review of the running e2e server reports included at full text (outcomes written
// directly, as full-text screening would leave them), so the studies and appraisal screens can be driven on
// their own. Run with SIFT_HOME of that server:
//   npx tsx e2e/support/seed-included-reports.ts <review-slug>
import { withDb } from "../../server/cli/with-db";

const [slug] = process.argv.slice(2);
if (!slug) throw new Error("usage: seed-included-reports.ts <review-slug>");

const RECORDS = [
  {
    title:
      "Mesenchymal stem cells secreting neurotrophic factors in ALS: a randomised, placebo-controlled phase 2 trial",
    authors: ["Berry, J. D.", "Cudkowicz, M. E."],
    year: 2019,
    nctIds: ["NCT02017912"],
    abstract: "Forty-eight participants were randomised 3:1 to intrathecal and intramuscular MSC-NTF cells or placebo.",
  },
  {
    title: "Phase 2 study of MSC-NTF cells in ALS (registry entry)",
    authors: [],
    year: 2013,
    nctIds: ["NCT02017912"],
    abstract: "Randomised, double-blind, placebo-controlled multicentre study.",
  },
  {
    title: "Human neural stem cell grafts ameliorate motor neuron disease in SOD-1 transgenic rats",
    authors: ["Xu, L.", "Yan, J."],
    year: 2006,
    nctIds: [],
    abstract:
      "Human spinal cord-derived neural stem cells were grafted into the lumbar cord of presymptomatic SOD1-G93A rats.",
  },
];

await withDb(async (db) => {
  const review = await db.review.findUniqueOrThrow({ where: { slug } });
  const source = await db.source.create({ data: { reviewId: review.id, name: "Seeded", kind: "database" } });
  for (const data of RECORDS) {
    const record = await db.record.create({ data: { ...data, reviewId: review.id, sourceId: source.id } });
    for (const stage of ["title_abstract", "full_text"] as const) {
      await db.screeningOutcome.create({
        data: { reviewId: review.id, recordId: record.id, stage, status: "included", settledAt: new Date() },
      });
    }
    await db.report.create({ data: { reviewId: review.id, recordId: record.id, retrievalStatus: "retrieved" } });
  }
});
