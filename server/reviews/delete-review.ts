import { recordAuditEvent } from "../audit/record-audit-event";
import { type Db, poolOf } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { FileStorage } from "../storage/file-storage";

/**
 * Every stored file the review's rows name: each table with a `file_key` column holds the review's id in
 * `review_id` (delete-review.int.test.ts holds every such table to that), read from the catalog so that a table
 * added later is not forgotten.
 */
async function storedFiles(db: Db, reviewId: string): Promise<string[]> {
  const pool = poolOf(db);
  const { rows: tables } = await pool.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = current_schema() AND c.column_name = 'file_key'
        AND EXISTS (SELECT 1 FROM information_schema.columns r WHERE r.table_schema = c.table_schema
                      AND r.table_name = c.table_name AND r.column_name = 'review_id')
      ORDER BY 1`,
  );
  const keys = new Set<string>();
  for (const { table_name } of tables) {
    const { rows } = await pool.query<{ file_key: string }>(
      `SELECT DISTINCT file_key FROM "${table_name}" WHERE review_id = $1 AND file_key IS NOT NULL`,
      [reviewId],
    );
    for (const row of rows) keys.add(row.file_key);
  }
  return [...keys];
}

/**
 * Deletes the review with everything in it and its stored files (owners only), once the owner has typed its title.
 * The review's own audit trail goes with it, so the deletion is recorded outside any review: who, which review, and
 * how many files. Files are removed after the rows are gone; one that cannot be removed is logged, not kept
 * waiting on, as no row names it any more.
 */
export async function deleteReview(
  db: Db,
  storage: FileStorage,
  scope: MemberScope,
  confirmTitle: string,
): Promise<{ slug: string; title: string; files: number }> {
  if (scope.role !== "owner") throw new AppError("FORBIDDEN", "Only an owner can delete a review.");
  const review = await db.review.findUniqueOrThrow({ where: { id: scope.reviewId } });
  if (confirmTitle.trim() !== review.title.trim())
    throw new AppError("CONFIRM_REQUIRED", `Type the review's title, “${review.title}”, exactly to delete it.`);
  const files = await storedFiles(db, scope.reviewId);
  await db.$transaction(async (tx) => {
    await tx.review.delete({ where: { id: scope.reviewId } });
    await recordAuditEvent(tx, {
      reviewId: null,
      actorId: scope.actorId,
      action: "review.deleted",
      entityType: "review",
      entityId: scope.reviewId,
      data: { slug: review.slug, title: review.title, files: files.length },
    });
  });
  for (const key of files) {
    await storage
      .delete(key)
      .catch((err) => console.error(`sift: could not remove ${key} of deleted review ${review.slug}:`, err));
  }
  console.info(`sift: review ${review.slug} (${scope.reviewId}) deleted by ${scope.actorId}, ${files.length} files`);
  return { slug: review.slug, title: review.title, files: files.length };
}
