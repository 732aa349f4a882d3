// When an import is withdrawn, records of other imports that were merged into one of its records would point at a
// record that has left the review. Each such group gets a kept record of its own again, its earliest imported
// copy, and the group's other copies are merged into that one (a merged pair, undoable like any other), except a
// copy a person said is not a duplicate of it, which comes back as its own too. Run inside the withdrawal's
// transaction, after the import's records are locked and before its rows move out, set by set, so 100,000 records
// cost a few statements. Fields a group merge filled from a withdrawn record into a record that stays are cleared
// (unless changed since): the donated values leave the review with the record they came from.
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { newId } from "../shared/ids";
import { clearFilledFields } from "./field-fills";

export interface MergeRepair {
  /** Copies that are records of their own again, screened like any other. */
  restored: number;
  /** Copies now merged into a restored record of their group. */
  repointed: number;
  /** Fields of records that stay which had been filled from a withdrawn record, and are empty again. */
  fieldsCleared: number;
}

export async function repairMergesInto(
  tx: Tx,
  scope: { reviewId: string; importId: string },
  now: Date,
): Promise<MergeRepair> {
  const { reviewId, importId } = scope;
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE withdrawal_orphans ON COMMIT DROP AS
       SELECT r.id, r.duplicate_of_id AS old_root, NULL::text AS keeper
         FROM records r JOIN records w ON w.id = r.duplicate_of_id
        WHERE w.import_id = $1 AND r.import_id IS DISTINCT FROM $1`,
    importId,
  );
  await tx.$executeRawUnsafe(
    `UPDATE withdrawal_orphans o SET keeper = k.keeper
       FROM (SELECT old_root, min(id) AS keeper FROM withdrawal_orphans GROUP BY old_root) k
      WHERE k.old_root = o.old_root`,
  );
  // A person said these two are different records: the copy is not merged into the new kept one.
  await tx.$executeRawUnsafe(
    `UPDATE withdrawal_orphans o SET keeper = o.id
      WHERE o.keeper <> o.id AND EXISTS (
        SELECT 1 FROM duplicate_pairs p WHERE p.status = 'not_duplicates'
           AND ((p.record_a_id = o.keeper AND p.record_b_id = o.id) OR (p.record_a_id = o.id AND p.record_b_id = o.keeper)))`,
  );
  await tx.$executeRawUnsafe(
    `UPDATE records r SET duplicate_of_id = NULLIF(o.keeper, o.id) FROM withdrawal_orphans o WHERE r.id = o.id`,
  );
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM withdrawal_orphans WHERE keeper <> id ORDER BY id`,
  );
  if (rows.length > 0) {
    // A pair the two copies already had (waiting, say) is the merge now, written the way merges are: A is kept.
    await tx.$executeRawUnsafe(
      `DELETE FROM duplicate_pairs p USING withdrawal_orphans o
        WHERE o.keeper <> o.id AND p.record_a_id = o.id AND p.record_b_id = o.keeper`,
    );
    await tx.$executeRawUnsafe(
      `UPDATE duplicate_pairs p SET status = 'merged', automatic = true, decided_by_id = NULL, decided_at = $1
         FROM withdrawal_orphans o
        WHERE o.keeper <> o.id AND p.record_a_id = o.keeper AND p.record_b_id = o.id`,
      now,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO duplicate_pairs (id, review_id, record_a_id, record_b_id, score, evidence, status, automatic,
                                    decided_at, created_at)
       SELECT u.pair_id, $1, o.keeper, o.id, coalesce(old.score, 1),
              jsonb_build_object('repaired', 'merged into another copy when the record both were merged into was withdrawn'),
              'merged', true, $2, $2
         FROM unnest($3::text[], $4::text[]) AS u(record_id, pair_id)
         JOIN withdrawal_orphans o ON o.id = u.record_id
         LEFT JOIN duplicate_pairs old ON old.record_a_id = o.old_root AND old.record_b_id = o.id
       ON CONFLICT (record_a_id, record_b_id) DO NOTHING`,
      reviewId,
      now,
      rows.map((r) => r.id),
      rows.map(() => newId()),
    );
  }
  const cleared = await clearFilledFields(
    tx,
    Prisma.sql`f.donor_id IN (SELECT id FROM records WHERE import_id = ${importId})
               AND f.record_id NOT IN (SELECT id FROM records WHERE import_id = ${importId})`,
  );
  const counted = await tx.$queryRawUnsafe<Omit<MergeRepair, "fieldsCleared">[]>(
    `SELECT count(*) FILTER (WHERE keeper = id)::int AS restored, count(*) FILTER (WHERE keeper <> id)::int AS repointed
       FROM withdrawal_orphans`,
  );
  return { ...counted[0]!, fieldsCleared: cleared.length };
}
