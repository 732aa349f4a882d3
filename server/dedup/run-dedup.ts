// Compares one import's records with the review's records from earlier imports and stores the outcome: sure
// duplicates merged, borderline pairs left for a person. Imports of one review are compared one at a time,
// so each sees every earlier import's records.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { carryLabels } from "../labels/merged-labels";
import { newId } from "../shared/ids";
import { findDuplicates, planMerges } from "./find-duplicates";
import { pairsToReview } from "./pairs-to-review";
import { DEDUP_FIELDS, type DedupRecord, type Removal } from "./types";

async function loadRecords(tx: Tx, where: object): Promise<DedupRecord[]> {
  return tx.record.findMany({ where, select: DEDUP_FIELDS, orderBy: { createdAt: "asc" } });
}

/**
 * Points each removed record at the record it merged into, one statement per batch: a statement per merge cost
 * ~30 s for 25,000 merges. Batches keep each statement's arrays to a few MB.
 */
async function mergeInto(tx: Tx, removals: readonly Removal[]): Promise<void> {
  for (let i = 0; i < removals.length; i += MERGE_BATCH) {
    const batch = removals.slice(i, i + MERGE_BATCH);
    await tx.$executeRaw`UPDATE records r SET duplicate_of_id = m.kept_id
        FROM unnest(${batch.map((b) => b.removedId)}::text[], ${batch.map((b) => b.keptId)}::text[]) AS m(removed_id, kept_id)
       WHERE r.id = m.removed_id`;
  }
}
const MERGE_BATCH = 10_000;

interface PairRow {
  recordAId: string;
  recordBId: string;
  score: number;
  evidence: unknown;
  /** Merged automatically now; otherwise left for a person. */
  merged: boolean;
}

/** The pairs found, one INSERT per batch: Prisma's createMany took ~37 s for 25,000 pairs with their evidence. */
async function writePairs(tx: Tx, reviewId: string, now: Date, rows: readonly PairRow[]): Promise<void> {
  const at = now.toISOString(); // stored as UTC, as Prisma stores times
  for (let i = 0; i < rows.length; i += MERGE_BATCH) {
    const batch = rows.slice(i, i + MERGE_BATCH);
    await tx.$executeRaw`INSERT INTO duplicate_pairs (id, review_id, record_a_id, record_b_id, score, evidence, status,
                                        automatic, decided_at, created_at)
      SELECT p.id, ${reviewId}, p.a, p.b, p.score, p.evidence::jsonb,
             (CASE WHEN p.merged THEN 'merged' ELSE 'pending' END)::duplicate_pair_status, p.merged,
             CASE WHEN p.merged THEN ${at}::timestamp END, ${at}::timestamp
        FROM unnest(${batch.map(() => newId())}::text[], ${batch.map((r) => r.recordAId)}::text[],
                    ${batch.map((r) => r.recordBId)}::text[], ${batch.map((r) => r.score)}::float8[],
                    ${batch.map((r) => JSON.stringify(r.evidence))}::text[], ${batch.map((r) => r.merged)}::boolean[])
             AS p(id, a, b, score, evidence, merged)
      ON CONFLICT DO NOTHING`;
  }
}

export async function runDedup(db: Db, importId: string): Promise<{ merged: number; toReview: number } | null> {
  return db.$transaction(
    async (tx) => {
      const imp = await tx.import.findUniqueOrThrow({ where: { id: importId } });
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dedup:${imp.reviewId}`}))`;
      const fresh = await tx.import.findUniqueOrThrow({ where: { id: importId } });
      if (fresh.dedupedAt || fresh.status !== "succeeded") return null;

      const existing = await loadRecords(tx, {
        reviewId: imp.reviewId,
        duplicateOfId: null,
        import: { dedupedAt: { not: null } },
      });
      const incoming = await loadRecords(tx, { importId });
      const { pairs, studyLinks } = findDuplicates(existing, incoming);
      const { removals } = planMerges(pairs, [...existing, ...incoming]);
      const borderline = pairsToReview(pairs, removals);
      const now = new Date();

      await mergeInto(tx, removals);
      // A record merged away may be an older one with labels (a Cochrane review's earlier version, say); most are
      // new and have none, so only the few that do are carried, by kept record.
      const labelled = new Set(
        (
          await tx.recordLabel.findMany({
            where: { recordId: { in: removals.map((r) => r.removedId) } },
            select: { recordId: true },
            distinct: ["recordId"],
          })
        ).map((l) => l.recordId),
      );
      const donorsOf = new Map<string, string[]>();
      for (const r of removals.filter((r) => labelled.has(r.removedId)))
        donorsOf.set(r.keptId, [...(donorsOf.get(r.keptId) ?? []), r.removedId]);
      let labelsCarried = 0;
      for (const [keptId, donorIds] of donorsOf) labelsCarried += (await carryLabels(tx, keptId, donorIds)).length;
      const byPair = new Map(pairs.map((p) => [`${p.aId}|${p.bId}`, p]));
      const evidenceFor = (a: string, b: string) =>
        byPair.get(`${a}|${b}`)?.evidence ?? byPair.get(`${b}|${a}`)?.evidence ?? {};
      await writePairs(tx, imp.reviewId, now, [
        ...removals.map((r) => ({
          recordAId: r.keptId,
          recordBId: r.removedId,
          score: r.pairScore,
          evidence: evidenceFor(r.keptId, r.removedId),
          merged: true,
        })),
        ...borderline.map(({ a, b, pair }) => ({
          recordAId: a,
          recordBId: b,
          score: pair.score,
          evidence: pair.evidence,
          merged: false,
        })),
      ]);
      await tx.studyLink.createMany({
        data: studyLinks.map((l) => ({ reviewId: imp.reviewId, recordAId: l.aId, recordBId: l.bId, nctId: l.nctId })),
        skipDuplicates: true,
      });
      const toReview = borderline.length;
      await tx.import.update({ where: { id: importId }, data: { dedupedAt: now } });
      await recordAuditEvent(tx, {
        reviewId: imp.reviewId,
        actorId: null,
        action: "dedup.completed",
        entityType: "import",
        entityId: importId,
        data: {
          compared: incoming.length,
          against: existing.length,
          merged: removals.length,
          toReview,
          studyLinks: studyLinks.length,
          labelsCarried,
        },
      });
      return { merged: removals.length, toReview };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
