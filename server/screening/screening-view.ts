// Records as a screener sees them. Blinding is enforced here, on the server: another reviewer's decision,
// reason or note, and any state that implies them, leave only when the member may see them.

import { type Db, poolOf } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import type { OutcomeStatus, RetrievalStatus, Verdict } from "../db/generated/enums.ts";
import { rows } from "../db/sql";
import type { ParsedRecord } from "../import/types";
import { seesOthersDecisions } from "../reviews/stage-visibility";
import { stageSql } from "../screening-queue/eligibility";
import { serveRecords } from "../screening-queue/serve";
import type { MemberScope } from "../shared/actor";
import type { Stage } from "../shared/stages";
import { seesOthers } from "../shared/visibility";
import { type ClosedBecause, closedRecordRefusal, openRecordColumns } from "./closed-record";

interface ViewRow extends Omit<ParsedRecord, "raw"> {
  id: string;
  source_name: string;
  report: { id: string; fileName: string | null; url: string | null; retrievalStatus: RetrievalStatus } | null;
  outcome: OutcomeStatus;
  resolved: boolean;
  closed_because: ClosedBecause | null;
  decisions: { reviewerId: string; reviewer: string; verdict: Verdict; reasonId: string | null; note: string }[];
  earlier: { verdict: Verdict; reasonId: string | null; note: string; reopenedAt: string } | null;
}

/** The records with everything a screener may see, in one statement (records are read once per decision). */
async function viewOf(db: Db, member: MemberScope, stage: Stage, recordIds: string[], full?: boolean) {
  const { reviewId } = member;
  if (recordIds.length === 0) return [];
  full ??= await seesOthersDecisions(db, member, stage);
  // A report exists exactly when the record was included at title/abstract, so to a reviewer blinded there it is
  // shown only once that is known by other means: a lead resolved the record, or retrieved its full text for
  // full-text screening.
  const seesTitleAbstract = stage === "title_abstract" ? full : await seesOthersDecisions(db, member, "title_abstract");
  // Decisions at full text freeze a record's title/abstract decisions; a reviewer blinded there learns that only
  // from a full-text decision of their own. Otherwise they are offered the change, and the server refuses it.
  const seesFullText = stage === "full_text" || (await seesOthersDecisions(db, member, "full_text"));
  const s = stageSql(stage);
  const found = await rows<ViewRow>(
    poolOf(db),
    Prisma.sql`
    SELECT r.id, r.title, r.abstract, COALESCE(r.authors, '{}') AS authors, r.year, r.journal, r.volume, r.issue, r.pages,
           r.doi, r.pmid, r.pmcid, COALESCE(r.nct_ids, '{}') AS "nctIds", COALESCE(r.keywords, '{}') AS keywords, r.type, r.language, r.url, src.name AS source_name,
           CASE WHEN rep.id IS NULL THEN NULL
                WHEN NOT ${seesTitleAbstract} AND rep.retrieval_status <> 'retrieved'
                 AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.record_id = r.id AND c.stage = 'title_abstract' AND c.status = 'resolved')
                THEN NULL
                ELSE json_build_object('id', rep.id, 'fileName', rep.file_name, 'url', rep.url, 'retrievalStatus', rep.retrieval_status) END AS report,
           COALESCE(o.status, 'awaiting')::text AS outcome,
           COALESCE(f.resolved, false) AS resolved,
           CASE WHEN f.full_text_started AND NOT ${seesFullText}
                 AND NOT EXISTS (SELECT 1 FROM screening_decisions d
                                  WHERE d.record_id = r.id AND d.stage = 'full_text' AND d.reviewer_id = ${member.actorId})
                THEN NULL ELSE ${closedRecordRefusal(stage)} END AS closed_because,
           COALESCE((SELECT json_agg(json_build_object('reviewerId', d.reviewer_id, 'reviewer', u.name, 'verdict', d.verdict,
                                                       'reasonId', d.reason_id, 'note', d.note) ORDER BY d.created_at, d.id)
                       FROM screening_decisions d JOIN users u ON u.id = d.reviewer_id
                      WHERE d.record_id = r.id AND d.stage = ${s}), '[]') AS decisions,
           -- The caller's own decision from a round a lead reopened (reopen-override.ts), never anyone else's.
           (SELECT json_build_object('verdict', sd.verdict, 'reasonId', sd.reason_id, 'note', sd.note, 'reopenedAt', oc.created_at)
              FROM superseded_decisions sd JOIN outcome_changes oc ON oc.id = sd.change_id
             WHERE sd.record_id = r.id AND sd.stage = ${s} AND sd.reviewer_id = ${member.actorId}
             ORDER BY oc.created_at DESC LIMIT 1) AS earlier
      FROM records r
      JOIN sources src ON src.id = r.source_id
      LEFT JOIN reports rep ON rep.record_id = r.id
      LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
      CROSS JOIN LATERAL (SELECT ${openRecordColumns(stage)}) f
     WHERE r.id = ANY(${recordIds}::text[]) AND r.review_id = ${reviewId}`,
  );
  const order = new Map(recordIds.map((id, i) => [id, i]));
  return found
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map(({ source_name, report, outcome, resolved, closed_because, decisions, earlier, ...fields }) => {
      const mine = decisions.find((d) => d.reviewerId === member.actorId) ?? null;
      // A blinded reviewer learns the others' side once a lead has resolved the record. Even whether it settled
      // by agreement would tell them how the other reviewer decided, so that stays hidden from them.
      const visible = full || resolved;
      return {
        record: { ...fields, source: { name: source_name }, report },
        myDecision: mine && { verdict: mine.verdict, reasonId: mine.reasonId, note: mine.note },
        /** A lead reopened the record after the caller had decided it: their decision then, to decide again. */
        myEarlierDecision: earlier && {
          verdict: earlier.verdict,
          reasonId: earlier.reasonId,
          note: earlier.note,
          reopenedAt: new Date(`${earlier.reopenedAt}Z`),
        },
        outcome: visible ? outcome : null,
        /**
         * Why no decision on the record can be made or changed at this stage any more (the server would refuse
         * it), or null; only as far as the member may know it (see seesFullText above).
         */
        closedBecause: closed_because,
        otherDecisions: visible
          ? decisions
              .filter((d) => d.reviewerId !== member.actorId)
              .map((d) => ({ reviewer: d.reviewer, verdict: d.verdict, reasonId: d.reasonId, note: d.note }))
          : null,
      };
    });
}

/** The next records for this reviewer (one to screen now, the rest prefetched). */
export async function nextForReviewer(db: Db, member: MemberScope, stage: Stage, count: number) {
  const served = await serveRecords(db, member, stage, count);
  return viewOf(db, member, stage, served.ids, seesOthers(member.role, served.blinded));
}

/** The reviewer's own decisions, newest first, with the records (for going back over them). */
export async function myDecisions(db: Db, member: MemberScope, stage: Stage, page: { cursor?: string; take: number }) {
  const { reviewId } = member;
  const rows = await db.screeningDecision.findMany({
    where: { reviewId, stage, reviewerId: member.actorId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: page.take + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: { id: true, recordId: true },
  });
  const more = rows.length > page.take;
  const items = await viewOf(
    db,
    member,
    stage,
    rows.slice(0, page.take).map((r) => r.recordId),
  );
  return { items, nextCursor: more ? rows[page.take - 1]!.id : null };
}

export async function recordForScreening(db: Db, member: MemberScope, stage: Stage, recordId: string) {
  const [item] = await viewOf(db, member, stage, [recordId]);
  return item ?? null;
}
