// Test-only: gives a review of the running e2e server one study with one report (title and abstract), since
// grouping reports into studies is another screen's work. Run with SIFT_HOME of that server:
//   npx tsx e2e/support/seed-study.ts <review-slug> <study label>
import { withDb } from "../../server/cli/with-db";

const [slug, label] = process.argv.slice(2);
if (!slug || !label) throw new Error("usage: seed-study.ts <review-slug> <study label>");

const studyId = await withDb(async (db) => {
  const review = await db.review.findUniqueOrThrow({ where: { slug } });
  const source = await db.source.create({ data: { reviewId: review.id, name: "Seeded", kind: "database" } });
  const record = await db.record.create({
    data: {
      reviewId: review.id,
      sourceId: source.id,
      title: `${label}: a randomised trial`,
      abstract: "Participants received autologous MSC-NTF cells intrathecally. The primary endpoint was not met.",
      year: 2024,
    },
  });
  const study = await db.study.create({ data: { reviewId: review.id, label } });
  await db.report.create({
    data: { reviewId: review.id, recordId: record.id, studyId: study.id, retrievalStatus: "retrieved" },
  });
  return study.id;
});
console.log(studyId);
