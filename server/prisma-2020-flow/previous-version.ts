// The previous version of an updated review, whose row switches the PRISMA diagram to the statement's form for
// updated reviews (Page et al., BMJ 2021;372:n71, Figure 1 for updated reviews: "Studies included in previous
// version of review", "Reports of studies included in previous version of review", and the totals). A lead enters
// the numbers, or reads them from the earlier review's Sift bundle; deleting the row switches back. Each change is
// audited in its transaction.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { PreviousVersion } from "./flow";

export const MAX_PREVIOUS = 1_000_000;

export async function readPreviousVersion(db: Pick<Db, "previousReviewVersion">, reviewId: string) {
  return db.previousReviewVersion.findUnique({
    where: { reviewId },
    select: { studies: true, reports: true, bundleTitle: true, updatedAt: true },
  });
}

async function save(db: Db, member: MemberScope, counts: PreviousVersion, bundleTitle: string | null) {
  if (counts.studies > counts.reports)
    throw new AppError(
      "INVALID_INPUT",
      `The previous version cannot have more studies (${counts.studies}) than reports of them (${counts.reports}): each study has at least one report.`,
    );
  const { reviewId, actorId } = member;
  return db.$transaction(async (tx) => {
    const data = { studies: counts.studies, reports: counts.reports, bundleTitle, updatedById: actorId };
    const saved = await tx.previousReviewVersion.upsert({
      where: { reviewId },
      create: { reviewId, ...data },
      update: data,
      select: { studies: true, reports: true, bundleTitle: true, updatedAt: true },
    });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "prisma.previous_version_set",
      entityType: "review",
      entityId: reviewId,
      data: { studies: counts.studies, reports: counts.reports, bundleTitle },
    });
    return saved;
  });
}

/** Numbers a lead entered from the previous version's report. */
export function setPreviousVersion(db: Db, member: MemberScope, counts: PreviousVersion) {
  return save(db, member, { studies: counts.studies, reports: counts.reports }, null);
}

/**
 * The numbers an earlier Sift review's bundle holds, as read by server/export/bundle/included-studies.ts: what it
 * included, its own previous version counted in.
 */
export function setPreviousVersionFromBundle(
  db: Db,
  member: MemberScope,
  bundle: { review: { id: string; title: string } } & PreviousVersion,
) {
  if (bundle.review.id === member.reviewId)
    throw new AppError("INVALID_INPUT", "That bundle is of this review itself, not of its previous version.");
  return save(db, member, bundle, bundle.review.title);
}

/** Back to the diagram for a new review. */
export async function clearPreviousVersion(db: Db, member: MemberScope) {
  const { reviewId, actorId } = member;
  return db.$transaction(async (tx) => {
    const deleted = await tx.previousReviewVersion.deleteMany({ where: { reviewId } });
    if (deleted.count === 0) throw new AppError("STALE", "The diagram is already in the form for a new review.");
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "prisma.previous_version_cleared",
      entityType: "review",
      entityId: reviewId,
    });
    return { cleared: true };
  });
}
