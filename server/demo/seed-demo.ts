// The demo review that `npm start` serves on a fresh machine, so a new user has something real to look at.

import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { runDedup } from "../dedup/run-dedup";
import { indexRecordsForSearch } from "../record-search/search-index";
import { createReview } from "../reviews/create-review";
import { DEFAULT_EXCLUSION_REASONS } from "../reviews/review-settings";
import { fileStorage } from "../storage/file-storage";
import { demoRecords } from "./records";
import { seedDemoAppraisal } from "./seed-appraisal";
import { seedDemoExtraction } from "./seed-extraction";
import { seedFullText } from "./seed-full-text";

export const DEMO_SLUG = "stem-cell-therapy-for-als";
export const DEMO_PASSWORD = "sift-demo-password";
export const DEMO_ACCOUNTS = [
  { email: "owner@sift.demo", name: "Olivia Owner", role: "owner" },
  { email: "reviewer1@sift.demo", name: "Rahul Reviewer", role: "reviewer" },
  { email: "reviewer2@sift.demo", name: "Rosa Reviewer", role: "reviewer" },
] as const;

const SOURCE_KINDS = { PubMed: "database", Embase: "database", "ClinicalTrials.gov": "register" } as const;

async function demoUser(db: Db, account: (typeof DEMO_ACCOUNTS)[number], passwordHash: string) {
  return db.user.upsert({
    where: { email: account.email },
    update: {},
    create: { email: account.email, name: account.name, passwordHash },
  });
}

/** Creates the demo review unless one exists; returns whether it did. */
export async function ensureDemoReview(db: Db): Promise<boolean> {
  if (await db.review.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [owner, ...reviewers] = await Promise.all(DEMO_ACCOUNTS.map((a) => demoUser(db, a, passwordHash)));
  const review = await createReview(db, owner!.id, {
    title: "Stem cell therapy for ALS",
    question:
      "What do clinical trials of mesenchymal (MSC) and neural stem/progenitor cells (NSC/NPC) in amyotrophic lateral " +
      "sclerosis show about safety and efficacy, and does the preclinical evidence that led to them justify them?",
    inclusionCriteria:
      "Clinical trials (any phase, randomised or not) and registry entries of MSC or NSC/NPC transplantation in people " +
      "with ALS; in vivo animal studies (e.g. SOD1-G93A) of the same cell types reporting onset, survival, motor " +
      "function or motor neuron counts.",
    exclusionCriteria:
      "Other diseases; drugs or gene therapies without cells; in vitro studies only; narrative reviews and editorials.",
    exclusionReasons: DEFAULT_EXCLUSION_REASONS,
    extractionTemplates: ["als_clinical", "als_preclinical"],
  });
  const importIds: string[] = [];
  await db.$transaction(async (tx) => {
    await tx.review.update({ where: { id: review.id }, data: { slug: DEMO_SLUG } });
    for (const reviewer of reviewers) {
      await tx.membership.create({ data: { reviewId: review.id, userId: reviewer.id, role: "reviewer" } });
    }
    for (const [name, kind] of Object.entries(SOURCE_KINDS)) {
      const records = demoRecords.filter((r) => r.source === name);
      if (records.length === 0) continue;
      const source = await tx.source.create({ data: { reviewId: review.id, name, kind } });
      const imported = await tx.import.create({
        data: {
          reviewId: review.id,
          sourceId: source.id,
          fileName: `demo-${name.toLowerCase().replace(/[^a-z]+/g, "-")}.ris`,
          format: "demo",
          status: "succeeded",
          recordCount: records.length,
          createdById: owner!.id,
          finishedAt: new Date(),
        },
      });
      importIds.push(imported.id);
      await tx.record.createMany({
        data: records.map(({ source: _source, ...r }) => ({
          ...r,
          reviewId: review.id,
          importId: imported.id,
          sourceId: source.id,
          raw: { ...r },
        })),
      });
      await recordAuditEvent(tx, {
        reviewId: review.id,
        actorId: owner!.id,
        action: "import.completed",
        entityType: "import",
        entityId: imported.id,
        data: { records: records.length, source: name },
      });
    }
  });
  // The same de-duplication and search indexing as after a real import, so the demo's deliberate duplicates show
  // up as such and its records are found by words.
  for (const importId of importIds) await runDedup(db, importId);
  await indexRecordsForSearch(db, { reviewId: review.id });
  await seedDemoAppraisal(
    db,
    review.id,
    owner!.id,
    reviewers.map((r) => r.id),
  );
  await seedFullText(
    db,
    review.id,
    owner!.id,
    reviewers.map((r) => r.id),
  );
  await seedDemoExtraction(
    db,
    review.id,
    owner!.id,
    reviewers.map((r) => r.id),
  );
  return true;
}

/** Deletes the demo review, then makes it again from scratch (the demo accounts keep their passwords). */
export async function resetDemoReview(db: Db): Promise<void> {
  const files = await db.report.findMany({
    where: { review: { slug: DEMO_SLUG }, fileKey: { not: null } },
    select: { fileKey: true },
  });
  await db.review.deleteMany({ where: { slug: DEMO_SLUG } });
  for (const { fileKey } of files) await fileStorage().delete(fileKey!);
  await ensureDemoReview(db);
}

export function demoAccountsText(): string {
  return DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(22)} password: ${DEMO_PASSWORD}`).join("\n");
}
