// Duplicates as groups, for the Duplicates screen: the pending groups, surest first, and the merged groups (a kept
// record with every record merged into it, and which of its fields were filled from them).
import type { Db, Tx } from "../db/client";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { groupPendingPairs } from "./duplicate-groups";
import type { FillableField } from "./fill-plan";
import { rankForKeeping } from "./kept-record";
import { DEDUP_FIELDS } from "./types";

export const GROUP_RECORD = {
  ...DEDUP_FIELDS,
  pmcid: true,
  keywords: true,
  language: true,
  url: true,
  createdAt: true,
  duplicateOfId: true,
  source: { select: { name: true } },
  import: { select: { fileName: true } },
} as const;

/**
 * Which records carry work that merging them away would set aside: screening decisions, a settled or pending
 * outcome, a full-text report. Decisions are a blinded reviewer's secret, so only leads (who may merge) are told.
 */
export async function recordsWithWork(db: Tx, recordIds: readonly string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db.record.findMany({
    where: {
      id: { in: [...recordIds] },
      OR: [
        { decisions: { some: {} } },
        { report: { isNot: null } },
        { outcomes: { some: { status: { not: "awaiting" } } } },
      ],
    },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

async function loadPending(db: Db, reviewId: string) {
  const pairs = await db.duplicatePair.findMany({
    where: { reviewId, status: "pending" },
    select: {
      id: true,
      recordAId: true,
      recordBId: true,
      score: true,
      recordA: { select: { duplicateOfId: true } },
      recordB: { select: { duplicateOfId: true } },
    },
  });
  const keptOf = new Map<string, string>();
  for (const p of pairs) {
    if (p.recordA.duplicateOfId) keptOf.set(p.recordAId, p.recordA.duplicateOfId);
    if (p.recordB.duplicateOfId) keptOf.set(p.recordBId, p.recordB.duplicateOfId);
  }
  const links = pairs.map((p) => ({ id: p.id, aId: p.recordAId, bId: p.recordBId, score: p.score }));
  // A pair both of whose records now sit in one kept record has nothing left to decide.
  return groupPendingPairs(links, keptOf).filter((g) => g.recordIds.length >= 2);
}

export async function countPendingGroups(db: Db, reviewId: string): Promise<number> {
  return (await loadPending(db, reviewId)).length;
}

/**
 * A page of pending groups, surest first. Each lists its records (the one to keep by default first) and, for
 * context, the records already merged into them. The page is an offset into the sorted groups: deciding a group
 * removes it, so the next page is asked for again rather than remembered.
 */
export async function listPendingGroups(db: Db, member: MemberScope, page: { offset: number; take: number }) {
  const groups = await loadPending(db, member.reviewId);
  const shown = groups.slice(page.offset, page.offset + page.take);
  const ids = shown.flatMap((g) => g.recordIds);
  const [records, merged] = await Promise.all([
    db.record.findMany({ where: { id: { in: ids }, reviewId: member.reviewId }, select: GROUP_RECORD }),
    db.record.findMany({
      where: { duplicateOfId: { in: ids }, reviewId: member.reviewId },
      select: GROUP_RECORD,
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const lead = hasRole(member.role, "lead");
  const work = lead ? await recordsWithWork(db, ids) : new Set<string>();
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    total: groups.length,
    groups: shown.map((g) => {
      const members = g.recordIds
        .map((id) => byId.get(id))
        .filter((r) => r !== undefined)
        .map((r) => ({ ...r, hasWork: work.has(r.id), fields: r }));
      const ranked = rankForKeeping(members).map(({ fields: _fields, ...r }) => r);
      return {
        key: g.pairIds.toSorted()[0]!,
        pairIds: g.pairIds,
        score: g.score,
        records: ranked,
        alreadyMerged: merged.filter((m) => g.recordIds.includes(m.duplicateOfId!)),
      };
    }),
    nextOffset: page.offset + page.take < groups.length ? page.offset + page.take : null,
  };
}

/**
 * Kept records with what was merged into them, the latest merge first: each merged record with the pair that
 * merged it (for undo) and the kept record's fields filled from it.
 */
export async function listMergedGroups(db: Db, reviewId: string, page: { cursor?: string; take: number }) {
  const latest = await db.$queryRaw<{ id: string; at: Date }[]>`
    SELECT k.id, max(p.decided_at) AS at
      FROM records k
      JOIN records m ON m.duplicate_of_id = k.id
      JOIN duplicate_pairs p ON p.record_b_id = m.id AND p.status = 'merged'
     WHERE k.review_id = ${reviewId}
     GROUP BY k.id
     ORDER BY at DESC NULLS LAST, k.id`;
  const start = page.cursor ? latest.findIndex((k) => k.id === page.cursor) + 1 : 0;
  const keptIds = latest.slice(start, start + page.take).map((k) => k.id);
  const [kept, members, fills] = await Promise.all([
    db.record.findMany({ where: { id: { in: keptIds } }, select: GROUP_RECORD }),
    db.record.findMany({
      where: { duplicateOfId: { in: keptIds } },
      select: {
        ...GROUP_RECORD,
        pairsAsB: {
          where: { status: "merged" },
          select: { id: true, score: true, automatic: true, decidedAt: true, decidedBy: { select: { name: true } } },
        },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.recordFieldFill.findMany({
      where: { recordId: { in: keptIds } },
      select: { recordId: true, donorId: true, field: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const byId = new Map(kept.map((k) => [k.id, k]));
  return {
    groups: keptIds.map((id) => ({
      kept: byId.get(id)!,
      merged: members
        .filter((m) => m.duplicateOfId === id)
        .map(({ pairsAsB, ...m }) => ({
          ...m,
          pair: pairsAsB.find((p) => p !== undefined) ?? null,
          filled: fills.filter((f) => f.recordId === id && f.donorId === m.id).map((f) => f.field as FillableField),
        })),
    })),
    total: latest.length,
    nextCursor: start + page.take < latest.length ? keptIds.at(-1)! : null,
  };
}
