// Records as a screener sees them. Blinding is enforced here, on the server: another reviewer's decision,
// reason or note, and any state that implies them, leave only when the viewer may see them.
import type { Db } from "../db/client";
import type { Stage } from "../db/generated/enums.ts";
import { seesOthersDecisions, type Viewer } from "./progress";
import { serveRecords } from "./serve";

const RECORD_FIELDS = {
  id: true, title: true, abstract: true, authors: true, year: true, journal: true, volume: true, issue: true, pages: true,
  doi: true, pmid: true, pmcid: true, nctIds: true, keywords: true, type: true, language: true, url: true,
  source: { select: { name: true } },
} as const;

async function viewOf(db: Db, reviewId: string, stage: Stage, viewer: Viewer, recordIds: string[]) {
  if (recordIds.length === 0) return [];
  const full = await seesOthersDecisions(db, reviewId, stage, viewer);
  const [records, decisions, outcomes, resolved] = await Promise.all([
    db.record.findMany({ where: { id: { in: recordIds }, reviewId }, select: { ...RECORD_FIELDS, report: { select: { id: true, fileName: true, url: true, retrievalStatus: true } } } }),
    db.screeningDecision.findMany({
      where: { recordId: { in: recordIds }, stage },
      select: { recordId: true, reviewerId: true, verdict: true, reasonId: true, note: true, reviewer: { select: { name: true } } },
    }),
    db.screeningOutcome.findMany({ where: { recordId: { in: recordIds }, stage }, select: { recordId: true, status: true } }),
    db.conflict.findMany({ where: { recordId: { in: recordIds }, stage, status: "resolved" }, select: { recordId: true } }),
  ]);
  const order = new Map(recordIds.map((id, i) => [id, i]));
  return records
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((record) => {
      const outcome = outcomes.find((o) => o.recordId === record.id)?.status ?? "awaiting";
      const mine = decisions.find((d) => d.recordId === record.id && d.reviewerId === viewer.userId) ?? null;
      // A blinded reviewer learns the others' side once a lead has resolved the record. Even whether it settled
      // by agreement would tell them how the other reviewer decided, so that stays hidden from them.
      const visible = full || resolved.some((c) => c.recordId === record.id);
      return {
        record,
        myDecision: mine && { verdict: mine.verdict, reasonId: mine.reasonId, note: mine.note },
        outcome: visible ? outcome : null,
        otherDecisions: visible
          ? decisions
              .filter((d) => d.recordId === record.id && d.reviewerId !== viewer.userId)
              .map((d) => ({ reviewer: d.reviewer.name, verdict: d.verdict, reasonId: d.reasonId, note: d.note }))
          : null,
      };
    });
}

/** The next records for this reviewer (one to screen now, the rest prefetched). */
export async function nextForReviewer(db: Db, reviewId: string, stage: Stage, viewer: Viewer, count: number) {
  const ids = await serveRecords(db, { reviewId, reviewerId: viewer.userId }, stage, count);
  return viewOf(db, reviewId, stage, viewer, ids);
}

/** The reviewer's own decisions, newest first, with the records (for going back over them). */
export async function myDecisions(db: Db, reviewId: string, stage: Stage, viewer: Viewer, page: { cursor?: string; take: number }) {
  const rows = await db.screeningDecision.findMany({
    where: { reviewId, stage, reviewerId: viewer.userId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: page.take + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: { id: true, recordId: true },
  });
  const more = rows.length > page.take;
  const items = await viewOf(db, reviewId, stage, viewer, rows.slice(0, page.take).map((r) => r.recordId));
  return { items, nextCursor: more ? rows[page.take - 1]!.id : null };
}

export async function recordForScreening(db: Db, reviewId: string, stage: Stage, viewer: Viewer, recordId: string) {
  const [item] = await viewOf(db, reviewId, stage, viewer, [recordId]);
  return item ?? null;
}
