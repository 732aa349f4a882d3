import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/**
 * What the reviews list counts of a review: its unique records, as screening sees them. A merged duplicate is
 * not a record to screen, so the number does not grow when the same search is imported twice.
 */
export const UNIQUE_RECORDS = { where: { duplicateOfId: null } } as const;

export async function listReviewsForUser(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, removedAt: null },
    include: {
      review: {
        include: { _count: { select: { records: UNIQUE_RECORDS, memberships: { where: { removedAt: null } } } } },
      },
    },
    orderBy: { review: { updatedAt: "desc" } },
  });
  return memberships.map(({ role, review }) => ({
    id: review.id,
    slug: review.slug,
    title: review.title,
    question: review.question,
    role,
    records: review._count.records,
    members: review._count.memberships,
    updatedAt: review.updatedAt,
    archivedAt: review.archivedAt,
  }));
}

export async function getReview(db: Db, reviewId: string) {
  const review = await db.review.findUnique({
    where: { id: reviewId },
    include: {
      stageSettings: { orderBy: { stage: "asc" } },
      exclusionReasons: { where: { archivedAt: null }, orderBy: [{ stage: "asc" }, { position: "asc" }] },
      _count: { select: { records: true, imports: true, memberships: { where: { removedAt: null } } } },
    },
  });
  if (!review) throw new AppError("NOT_FOUND", "That review does not exist.");
  return review;
}

/** Resolves a review handle (its slug, as in URLs and the CLI) to its id; unknown handles are NOT_FOUND. */
export async function reviewIdForSlug(db: Db, slug: string): Promise<string> {
  const review = await db.review.findUnique({ where: { slug }, select: { id: true } });
  if (!review) throw new AppError("NOT_FOUND", `No review has the handle "${slug}".`);
  return review.id;
}
