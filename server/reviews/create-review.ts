import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { createFormInTx } from "../extraction/forms";
import { TEMPLATES } from "../extraction/templates";
import { effectiveReasonRequired, STAGES } from "../shared/stages";
import { recordCriteriaVersion } from "./criteria-versions";
import { type NewReview, NewReviewInput } from "./review-settings";
import { slugify } from "./slug";

async function uniqueSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (await tx.review.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Creates a review with its creator as owner, both stages configured and their exclusion reasons. */
export async function createReview(db: Db, ownerId: string, input: NewReview) {
  const review = NewReviewInput.parse(input);
  return db.$transaction(async (tx) => {
    const created = await tx.review.create({
      data: {
        slug: await uniqueSlug(tx, review.title),
        title: review.title,
        question: review.question,
        inclusionCriteria: review.inclusionCriteria,
        exclusionCriteria: review.exclusionCriteria,
        createdById: ownerId,
        memberships: { create: { userId: ownerId, role: "owner" } },
        stageSettings: {
          create: STAGES.map((stage) => ({
            stage,
            reviewersPerRecord: review.stages[stage].reviewersPerRecord,
            blinded: review.stages[stage].blinded,
            reasonRequired: effectiveReasonRequired(stage, review.stages[stage].reasonRequired),
            prioritise: review.stages[stage].prioritise ?? stage === "title_abstract",
            showRelevance: review.stages[stage].showRelevance ?? true,
          })),
        },
        exclusionReasons: {
          create: STAGES.flatMap((stage) =>
            [...new Set(review.exclusionReasons[stage])].map((label, position) => ({ stage, label, position })),
          ),
        },
      },
    });
    await recordAuditEvent(tx, {
      reviewId: created.id,
      actorId: ownerId,
      action: "review.created",
      entityType: "review",
      entityId: created.id,
      data: { title: created.title },
    });
    await recordCriteriaVersion(tx, { reviewId: created.id, actorId: ownerId });
    for (const template of new Set(review.extractionTemplates)) {
      await createFormInTx(
        tx,
        { reviewId: created.id, actorId: ownerId },
        { name: TEMPLATES[template].name, template },
      );
    }
    return created;
  });
}
