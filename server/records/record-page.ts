// Everything the record page shows about one record: every field and the raw fields as imported, where it came
// from, its duplicates, where it stands at each stage, its full text and study, and its history. What a blinded
// member may not see is never read into the answer: their own decisions always, the rest per stage.
import type { Db } from "../db/client";
import type { OutcomeStatus, RetrievalStatus, Verdict } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { STAGES, type Stage } from "../shared/stages";
import { recordHistory } from "./record-history";
import { type RecordVisibility, recordVisibility, seesStage } from "./visibility";

const NOT_FOUND = "That record is not in this review.";

export interface StageView {
  stage: Stage;
  /** Whether the caller sees others' decisions and the outcome here; without it, only their own decision. */
  visible: boolean;
  myDecision: { verdict: Verdict; reason: string | null; note: string } | null;
  outcome: OutcomeStatus | null;
  reason: string | null;
  /** By the stopping rule, unscreened. */
  automatic: boolean;
  decisions: { reviewer: string; verdict: Verdict; reason: string | null; note: string }[];
  conflict: { status: "open" | "resolved" | "withdrawn"; resolvedBy: string | null; note: string } | null;
  /** How a settled outcome was reached; a lead may reopen or override it (server/screening/reopen-override.ts). */
  settledBy: "agreement" | "resolution" | "override" | "stopping_rule" | null;
  override: { by: string; at: Date; note: string } | null;
  /**
   * Decisions at this stage a lead's change set aside (a reopening, or taking back the inclusion that brought the
   * record here): the caller's own always, as the screening screen shows them; others' only where `visible`.
   */
  superseded: {
    reviewer: string;
    mine: boolean;
    verdict: Verdict;
    reason: string | null;
    note: string;
    decidedAt: Date;
    /** The change; null where the stage is blinded to the caller, as the history leaves reopenings out there. */
    by: { kind: "reopen" | "override"; stage: Stage; actor: string; at: Date; note: string } | null;
  }[];
}

async function readRecord(db: Db, reviewId: string, recordId: string) {
  return db.record.findFirst({
    where: { id: recordId, reviewId },
    include: {
      source: { select: { id: true, name: true, kind: true } },
      import: { select: { id: true, fileName: true, createdAt: true } },
      duplicateOf: { select: { id: true, title: true } },
      duplicates: { select: { id: true, title: true }, orderBy: { id: "asc" } },
      pairsAsA: {
        select: { id: true, recordAId: true, recordBId: true, automatic: true, status: true, createdAt: true },
      },
      pairsAsB: {
        select: { id: true, recordAId: true, recordBId: true, automatic: true, status: true, createdAt: true },
      },
      report: { include: { study: { select: { id: true, label: true } } } },
      outcomes: { include: { reason: { select: { label: true } }, stoppingSample: { select: { excludedAt: true } } } },
      conflicts: { include: { resolvedBy: { select: { name: true } } } },
      decisions: {
        include: { reviewer: { select: { name: true } }, reason: { select: { label: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      outcomeChanges: {
        include: { actor: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      supersededDecisions: {
        include: {
          reviewer: { select: { name: true } },
          reason: { select: { label: true } },
          change: { include: { actor: { select: { name: true } } } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
}

type Found = NonNullable<Awaited<ReturnType<typeof readRecord>>>;

function stageView(found: Found, stage: Stage, visibility: RecordVisibility, me: string): StageView {
  const visible = seesStage(visibility, stage);
  const decisions = found.decisions.filter((d) => d.stage === stage);
  const mine = decisions.find((d) => d.reviewerId === me);
  const outcome = found.outcomes.find((o) => o.stage === stage);
  const conflict = found.conflicts.find((c) => c.stage === stage);
  const override = outcome?.overrideId ? found.outcomeChanges.find((c) => c.id === outcome.overrideId) : undefined;
  const settled = visible && (outcome?.status === "included" || outcome?.status === "excluded");
  return {
    stage,
    visible,
    myDecision: mine ? { verdict: mine.verdict, reason: mine.reason?.label ?? null, note: mine.note } : null,
    outcome: visible ? (outcome?.status ?? null) : null,
    reason: visible ? (outcome?.reason?.label ?? null) : null,
    automatic: visible && !!outcome?.stoppingSampleId,
    decisions: visible
      ? decisions.map((d) => ({
          reviewer: d.reviewer.name,
          verdict: d.verdict,
          reason: d.reason?.label ?? null,
          note: d.note,
        }))
      : [],
    conflict:
      visible && conflict
        ? { status: conflict.status, resolvedBy: conflict.resolvedBy?.name ?? null, note: conflict.note }
        : null,
    settledBy: !settled
      ? null
      : override
        ? "override"
        : outcome?.stoppingSampleId
          ? "stopping_rule"
          : conflict?.status === "resolved"
            ? "resolution"
            : "agreement",
    override: settled && override ? { by: override.actor.name, at: override.createdAt, note: override.note } : null,
    superseded: found.supersededDecisions
      .filter((d) => d.stage === stage && (visible || d.reviewerId === me))
      .map((d) => ({
        reviewer: d.reviewer.name,
        mine: d.reviewerId === me,
        verdict: d.verdict,
        reason: d.reason?.label ?? null,
        note: d.note,
        decidedAt: d.createdAt,
        by: !visible
          ? null
          : {
              kind: d.change.kind,
              stage: d.change.stage,
              actor: d.change.actor.name,
              at: d.change.createdAt,
              note: d.change.note,
            },
      })),
  };
}

export async function recordPage(db: Db, member: MemberScope, recordId: string) {
  const [visibility, found] = await Promise.all([
    recordVisibility(db, member),
    readRecord(db, member.reviewId, recordId),
  ]);
  if (!found) throw new AppError("NOT_FOUND", NOT_FOUND);
  const pairs = [...found.pairsAsA, ...found.pairsAsB];
  const history = await recordHistory(
    db,
    member,
    {
      id: found.id,
      importId: found.importId,
      importFileName: found.import?.fileName ?? null,
      source: found.source.name,
      createdAt: found.createdAt,
      pairs,
      conflicts: found.conflicts.map((c) => ({ id: c.id, stage: c.stage, createdAt: c.createdAt })),
      reportId: found.report?.id ?? null,
      studyId: found.report?.studyId ?? null,
      formerReportIds: found.outcomeChanges.flatMap((c) => {
        const id = (c.undone as { report?: { id?: unknown } | null }).report?.id;
        return typeof id === "string" ? [id] : [];
      }),
      stoppingExclusions: found.outcomes
        .filter((o) => o.status === "excluded" && o.stoppingSample?.excludedAt)
        .map((o) => ({ stage: o.stage, at: o.stoppingSample!.excludedAt! })),
    },
    visibility,
  );
  const otherTitles = new Map(
    (
      await db.record.findMany({
        where: { id: { in: pairs.map((p) => (p.recordAId === found.id ? p.recordBId : p.recordAId)) } },
        select: { id: true, title: true },
      })
    ).map((r) => [r.id, r.title]),
  );
  const report = found.report;
  return {
    record: {
      id: found.id,
      title: found.title,
      abstract: found.abstract,
      authors: found.authors,
      year: found.year,
      journal: found.journal,
      volume: found.volume,
      issue: found.issue,
      pages: found.pages,
      doi: found.doi,
      pmid: found.pmid,
      pmcid: found.pmcid,
      nctIds: found.nctIds,
      keywords: found.keywords,
      type: found.type,
      language: found.language,
      url: found.url,
      raw: found.raw as Record<string, unknown>,
      createdAt: found.createdAt,
    },
    source: found.source,
    import: found.import,
    duplicates: {
      mergedInto: found.duplicateOf,
      mergedHere: found.duplicates,
      pending: pairs
        .filter((p) => p.status === "pending")
        .map((p) => {
          const otherId = p.recordAId === found.id ? p.recordBId : p.recordAId;
          return { pairId: p.id, other: { id: otherId, title: otherTitles.get(otherId) ?? "" } };
        }),
    },
    stages: STAGES.map((stage) => stageView(found, stage, visibility, member.actorId)),
    fullText:
      visibility.titleAbstract && report
        ? {
            reportId: report.id,
            retrievalStatus: report.retrievalStatus as RetrievalStatus,
            fileName: report.fileName,
            url: report.url,
            note: report.retrievalNote,
            study: visibility.fullText ? report.study : null,
          }
        : null,
    visibility,
    history,
  };
}

export type RecordPage = Awaited<ReturnType<typeof recordPage>>;
