// The reports of a review (records included at title/abstract) with where their full text and its screening
// stand. Reports whose record is no longer included at title/abstract keep their file but are left out.

import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import type { OutcomeStatus, RetrievalStatus } from "../db/generated/enums.ts";
import { seesOthersDecisions } from "../reviews/stage-visibility";
import type { MemberScope } from "../shared/actor";

export const RETRIEVAL_STATUSES = ["sought", "retrieved", "not_retrieved"] as const;
export const FULL_TEXT_OUTCOMES = ["awaiting", "conflict", "included", "excluded"] as const;

export interface ReportFilter {
  status?: RetrievalStatus;
  outcome?: OutcomeStatus;
  cursor?: string;
  take: number;
}

const inScope = (reviewId: string): Prisma.ReportWhereInput => ({
  reviewId,
  record: { duplicateOfId: null, outcomes: { some: { stage: "title_abstract", status: "included" } } },
});

function outcomeWhere(outcome: OutcomeStatus): Prisma.ReportWhereInput {
  if (outcome !== "awaiting") return { record: { outcomes: { some: { stage: "full_text", status: outcome } } } };
  return { record: { outcomes: { none: { stage: "full_text", status: { not: "awaiting" } } } } };
}

async function counts(db: Db, reviewId: string) {
  const rows = await db.$queryRaw<{ status: RetrievalStatus; outcome: OutcomeStatus; n: number }[]>`
    SELECT rep.retrieval_status::text AS status, coalesce(ft.status::text, 'awaiting') AS outcome, count(*)::int AS n
      FROM reports rep
      JOIN records r ON r.id = rep.record_id AND r.duplicate_of_id IS NULL
      JOIN screening_outcomes ta ON ta.record_id = rep.record_id AND ta.stage = 'title_abstract' AND ta.status = 'included'
      LEFT JOIN screening_outcomes ft ON ft.record_id = rep.record_id AND ft.stage = 'full_text'
     WHERE rep.review_id = ${reviewId}
     GROUP BY 1, 2`;
  const byStatus = Object.fromEntries(RETRIEVAL_STATUSES.map((s) => [s, 0])) as Record<RetrievalStatus, number>;
  const byOutcome = Object.fromEntries(FULL_TEXT_OUTCOMES.map((s) => [s, 0])) as Record<OutcomeStatus, number>;
  for (const row of rows) {
    byStatus[row.status] += row.n;
    if (row.status === "retrieved") byOutcome[row.outcome] += row.n;
  }
  return { byStatus, byOutcome };
}

/**
 * Which records reached full text tells a blinded reviewer how their co-reviewers decided at title/abstract, so
 * while that stage is blinded only leads get the list; full-text outcomes follow the full-text stage's blinding.
 */
export async function listReports(db: Db, member: MemberScope, filter: ReportFilter) {
  const { reviewId } = member;
  if (!(await seesOthersDecisions(db, member, "title_abstract"))) return { visible: false as const };
  const showOutcomes = await seesOthersDecisions(db, member, "full_text");
  const where: Prisma.ReportWhereInput = {
    AND: [
      inScope(reviewId),
      filter.status ? { retrievalStatus: filter.status } : {},
      filter.outcome && showOutcomes ? outcomeWhere(filter.outcome) : {},
    ],
  };
  const rows = await db.report.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: filter.take + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      recordId: true,
      retrievalStatus: true,
      fileName: true,
      byteSize: true,
      url: true,
      retrievalNote: true,
      record: {
        select: {
          title: true,
          authors: true,
          year: true,
          journal: true,
          doi: true,
          pmid: true,
          outcomes: { where: { stage: "full_text" }, select: { status: true, reason: { select: { label: true } } } },
          _count: { select: { decisions: { where: { stage: "full_text" } } } },
        },
      },
    },
  });
  const more = rows.length > filter.take;
  const { byStatus, byOutcome } = await counts(db, reviewId);
  return {
    visible: true as const,
    showOutcomes,
    counts: { byStatus, byOutcome: showOutcomes ? byOutcome : null },
    items: rows.slice(0, filter.take).map(({ record: { outcomes, authors, _count, ...record }, ...report }) => ({
      ...report,
      record: { ...record, authors: authors.slice(0, 3), moreAuthors: Math.max(0, authors.length - 3) },
      fullTextOutcome: showOutcomes ? (outcomes[0]?.status ?? "awaiting") : null,
      fullTextReason: showOutcomes ? (outcomes[0]?.reason?.label ?? null) : null,
      /** Once true, the full text can be replaced but not removed; hidden like outcomes, since it counts others' work. */
      screeningStarted: showOutcomes ? _count.decisions > 0 : null,
    })),
    nextCursor: more ? rows[filter.take - 1]!.id : null,
  };
}
