// A record's whole history, in order, from the audit trail: its import, duplicate merges and their undoing, every
// decision, change and undo, conflicts and their resolution, allocations to reviewers, its full text and its study.
// The events name the record in different ways (decisions, labels and team notes by entity id; merges, conflicts,
// full texts by the pair, conflict or report they are about; studies by report ids in their data, labels put on or
// taken off a selection, allocations and removals before screening by the record ids in theirs; study merges only
// by the studies merged), so each way is one index-backed query. Events that would tell a blinded member how a
// co-reviewer decided are left out here, on the server.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { type DependentWork, NO_WORK, undoLines } from "../screening/dependent-work";
import type { MemberScope } from "../shared/actor";
import type { Stage } from "../shared/stages";
import type { HistoryEvent, RecordRef } from "./history-events";
import type { RemovalReason } from "./removal-reasons";
import { type RecordVisibility, seesStage } from "./visibility";

/** What the record page already read about the record, which its history builds on. */
export interface HistorySubject {
  id: string;
  importId: string | null;
  importFileName: string | null;
  source: string;
  createdAt: Date;
  pairs: { id: string; recordAId: string; recordBId: string; automatic: boolean; createdAt: Date }[];
  conflicts: { id: string; stage: Stage; createdAt: Date }[];
  reportId: string | null;
  /** The study its report is in now. */
  studyId: string | null;
  /** Reports it had before a lead took back its title/abstract inclusion (their full text and study events stay). */
  formerReportIds: string[];
  stoppingExclusions: { stage: Stage; at: Date }[];
}

interface EventRow {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  created_at: Date;
  actor_id: string | null;
  actor: string | null;
}

type Verdict = "include" | "exclude" | "maybe";

async function auditRows(db: Db, reviewId: string, subject: HistorySubject): Promise<EventRow[]> {
  const about = (condition: Prisma.Sql) => Prisma.sql`
    SELECT e.id, e.action, e.entity_type, e.entity_id, e.data, e.created_at, e.actor_id, u.name AS actor
      FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.review_id = ${reviewId} AND ${condition}`;
  const parts = [
    about(Prisma.sql`e.entity_type = 'record' AND e.entity_id = ${subject.id}`),
    about(
      Prisma.sql`e.entity_type = 'duplicate_pair' AND e.entity_id = ANY(${subject.pairs.map((p) => p.id)}::text[])`,
    ),
    about(Prisma.sql`e.entity_type = 'conflict' AND e.entity_id = ANY(${subject.conflicts.map((c) => c.id)}::text[])`),
  ];
  // Among the review's label events only (audit_events_review_id_entity_type_idx), which are few.
  parts.push(
    about(
      Prisma.sql`e.entity_type = 'label'
        AND e.action IN ('label.added_to_records', 'label.removed_from_records', 'label.deleted')
        AND e.data -> 'recordIds' ? ${subject.id}`,
    ),
  );
  parts.push(
    about(
      Prisma.sql`e.entity_type = 'membership' AND e.action = 'screening.allocated'
        AND e.data -> 'recordIds' ? ${subject.id}`,
    ),
  );
  parts.push(
    about(
      Prisma.sql`e.entity_type = 'review'
        AND e.action IN ('records.removed_before_screening', 'records.restored_for_screening')
        AND e.data -> 'recordIds' ? ${subject.id}`,
    ),
  );
  if (subject.importId)
    parts.push(
      about(
        Prisma.sql`e.entity_type = 'import' AND e.entity_id = ${subject.importId} AND e.action = 'import.completed'`,
      ),
    );
  for (const reportId of [subject.reportId, ...subject.formerReportIds].filter((id) => id !== null)) {
    parts.push(about(Prisma.sql`e.entity_type = 'report' AND e.entity_id = ${reportId}`));
    parts.push(about(Prisma.sql`e.entity_type = 'study' AND e.data -> 'reportIds' ? ${reportId}`));
  }
  return db.$queryRaw<EventRow[]>`${Prisma.join(parts, " UNION ALL ")}`;
}

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * The study merges that carried one of the record's reports along. A merge names only the studies merged, so the
 * studies its reports were ever in are followed merge by merge, and then the merges are kept that happened while a
 * report was in one of the merged studies (not earlier or later, when the report was elsewhere).
 */
async function studyMerges(db: Db, reviewId: string, subject: HistorySubject, rows: EventRow[]): Promise<EventRow[]> {
  const studyRows = rows.filter((r) => r.entity_type === "study");
  const known = new Set<string>(subject.studyId ? [subject.studyId] : []);
  for (const row of studyRows) {
    if (row.entity_id !== "none") known.add(row.entity_id);
    const split = str(row.data?.newStudyId);
    if (split) known.add(split);
  }
  if (known.size === 0) return [];
  const merges = new Map<string, EventRow>();
  let asked = new Set<string>();
  while (known.size > asked.size) {
    const ask = [...known].filter((id) => !asked.has(id));
    asked = new Set(known);
    const found = await db.$queryRaw<EventRow[]>`
      SELECT e.id, e.action, e.entity_type, e.entity_id, e.data, e.created_at, e.actor_id, u.name AS actor
        FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.review_id = ${reviewId} AND e.entity_type = 'study' AND e.action = 'study.merged'
         AND e.data -> 'merged' ?| ${ask}::text[]`;
    for (const row of found) {
      merges.set(row.id, row);
      known.add(row.entity_id);
    }
  }
  const inStudy = new Map<string, string | null>();
  const kept: EventRow[] = [];
  const timeline = [...studyRows, ...merges.values()].sort(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id),
  );
  for (const row of timeline) {
    const reportIds = strings(row.data?.reportIds);
    if (row.action === "study.merged") {
      const merged = new Set(strings(row.data?.merged));
      const carried = [...inStudy].filter(([, study]) => study !== null && merged.has(study));
      for (const [reportId] of carried) inStudy.set(reportId, row.entity_id);
      if (carried.length > 0) kept.push(row);
    } else if (row.action === "study.created" || row.action === "study.reports_moved")
      for (const id of reportIds) inStudy.set(id, row.entity_id === "none" ? null : row.entity_id);
    else if (row.action === "study.split") for (const id of reportIds) inStudy.set(id, str(row.data?.newStudyId));
  }
  return kept;
}

interface Lookups {
  reasons: Map<string, string>;
  titles: Map<string, string>;
  studies: Map<string, string>;
  people: Map<string, string>;
}

/**
 * Names for the ids the events carry. A record named by a merge may since have left with a withdrawn import, so its
 * title is looked up among the archived rows too.
 */
async function loadLookups(
  db: Db,
  reviewId: string,
  ids: { recordIds: string[]; studyIds: string[]; userIds: string[] },
): Promise<Lookups> {
  const [live, gone, reasons, studies, people] = await Promise.all([
    db.record.findMany({ where: { id: { in: ids.recordIds }, reviewId }, select: { id: true, title: true } }),
    db.withdrawnRow.findMany({
      where: { id: { in: ids.recordIds }, reviewId, tableName: "records" },
      select: { id: true, data: true },
    }),
    db.exclusionReason.findMany({ where: { reviewId }, select: { id: true, label: true } }),
    db.study.findMany({ where: { id: { in: ids.studyIds }, reviewId }, select: { id: true, label: true } }),
    db.user.findMany({
      where: { id: { in: ids.userIds }, memberships: { some: { reviewId } } },
      select: { id: true, name: true },
    }),
  ]);
  const archivedTitle = (data: unknown) => str((data as Record<string, unknown> | null)?.title) ?? "";
  return {
    titles: new Map([
      ...gone.map((r) => [r.id, archivedTitle(r.data)] as const),
      ...live.map((r) => [r.id, r.title] as const),
    ]),
    reasons: new Map(reasons.map((r) => [r.id, r.label])),
    studies: new Map(studies.map((s) => [s.id, s.label])),
    people: new Map(people.map((p) => [p.id, p.name])),
  };
}

function ref(id: string, lookups: Lookups): RecordRef {
  return { id, title: lookups.titles.get(id) ?? "" };
}

/** The event as the page shows it, or null for an action the history does not tell (or one not about it). */
function fromAudit(row: EventRow, subject: HistorySubject, lookups: Lookups, me: string): HistoryEvent | null {
  const base = { id: row.id, at: row.created_at, actor: row.actor, mine: row.actor_id === me };
  const d = row.data ?? {};
  const reason = (id: unknown) => (typeof id === "string" ? (lookups.reasons.get(id) ?? null) : null);
  const pair = subject.pairs.find((p) => p.id === row.entity_id);
  const otherOf = (p: NonNullable<typeof pair>) => ref(p.recordAId === subject.id ? p.recordBId : p.recordAId, lookups);
  switch (row.action) {
    case "import.completed":
      return { ...base, kind: "imported", fileName: str(d.fileName) ?? subject.importFileName, source: subject.source };
    case "dedup.merged": {
      const kept = str(d.keptId) === subject.id || (pair ? pair.recordAId === subject.id : false);
      const other = kept ? str(d.removedId) : str(d.keptId);
      return { ...base, kind: "merged", automatic: false, kept, other: ref(other ?? "", lookups) };
    }
    case "dedup.merge_undone":
      return pair ? { ...base, kind: "merge_undone", other: otherOf(pair) } : null;
    case "dedup.not_duplicates":
      return pair ? { ...base, kind: "kept_apart", other: otherOf(pair) } : null;
    case "decision.recorded":
    case "decision.changed":
    case "decision.withdrawn":
    case "decision.restored": {
      const from = d.from as { verdict?: Verdict; reasonId?: string } | undefined;
      return {
        ...base,
        kind: "decision",
        stage: d.stage as Stage,
        action: row.action.slice("decision.".length) as "recorded",
        verdict: d.verdict as Verdict,
        reason: reason(d.reasonId),
        note: str(d.note) ?? "",
        from:
          row.action === "decision.changed" && from?.verdict
            ? { verdict: from.verdict, reason: reason(from.reasonId) }
            : null,
      };
    }
    case "outcome.reopened":
    case "outcome.overridden": {
      const from = d.from as { verdict?: Verdict; reasonId?: string } | undefined;
      const common = {
        ...base,
        stage: d.stage as Stage,
        from: from?.verdict ? { verdict: from.verdict, reason: reason(from.reasonId) } : null,
        note: str(d.note) ?? "",
        undone: undoLines({ ...NO_WORK, ...(d.undone as Partial<DependentWork> | undefined) }),
      };
      return row.action === "outcome.reopened"
        ? { ...common, kind: "reopened" }
        : { ...common, kind: "overridden", verdict: d.verdict as Verdict, reason: reason(d.reasonId) };
    }
    case "conflict.resolved":
      return {
        ...base,
        kind: "conflict_resolved",
        stage: d.stage as Stage,
        verdict: d.verdict as Verdict,
        reason: reason(d.reasonId),
        note: str(d.note) ?? "",
      };
    case "report.file_attached":
    case "report.link_set":
    case "report.not_retrieved":
    case "report.retrieval_undone":
      return {
        ...base,
        kind: "full_text",
        action: row.action.slice("report.".length) as "link_set",
        fileName: str(d.fileName),
        url: str(d.url),
        note: str(d.note) ?? "",
      };
    case "record.label_added":
    case "record.label_removed":
      return {
        ...base,
        kind: "label",
        action: row.action === "record.label_added" ? "added" : "removed",
        label: str(d.label) ?? "",
        selection: false,
      };
    case "label.added_to_records":
    case "label.removed_from_records":
      return {
        ...base,
        kind: "label",
        action: row.action === "label.added_to_records" ? "added" : "removed",
        label: str(d.label) ?? "",
        selection: true,
      };
    case "label.deleted":
      return { ...base, kind: "label", action: "deleted", label: str(d.name) ?? "", selection: false };
    case "records.removed_before_screening":
      return { ...base, kind: "removed_before_screening", reason: d.reason as RemovalReason, note: str(d.note) ?? "" };
    case "records.restored_for_screening":
      return { ...base, kind: "restored_for_screening" };
    case "record.note_added":
    case "record.note_edited":
    case "record.note_deleted":
      return {
        ...base,
        kind: "note",
        action: row.action.slice("record.note_".length) as "added",
        text: row.action === "record.note_deleted" ? "" : (str(d.text) ?? ""),
      };
    case "study.created":
      return { ...base, kind: "study", action: "created", study: str(d.label) };
    case "study.reports_moved":
      return row.entity_id === "none"
        ? { ...base, kind: "study", action: "removed_from", study: null }
        : { ...base, kind: "study", action: "moved", study: lookups.studies.get(row.entity_id) ?? null };
    case "study.split":
      return { ...base, kind: "study", action: "split", study: lookups.studies.get(str(d.newStudyId) ?? "") ?? null };
    case "study.merged":
      return { ...base, kind: "study", action: "merged", study: lookups.studies.get(row.entity_id) ?? null };
    case "screening.allocated": {
      const reviewerId = str(d.reviewerId) ?? "";
      return {
        ...base,
        kind: "allocated",
        stage: d.stage as Stage,
        reviewer: lookups.people.get(reviewerId) ?? "a reviewer",
        reviewerIsMe: reviewerId === me,
      };
    }
    default:
      return null;
  }
}

/** Whether a blinded member may see the event: their own always; others' only where the stage is open to them. */
function visibleTo(event: HistoryEvent, visibility: RecordVisibility): boolean {
  switch (event.kind) {
    case "decision":
      return event.mine || seesStage(visibility, event.stage);
    case "conflict_opened":
    case "conflict_resolved":
    case "stopping_rule":
    case "reopened":
    case "overridden":
    // Allocations go only to reviewers who have not decided, on records still open: who got one would tell a
    // blinded member who had decided already, so they show only where the stage is open to the reader.
    case "allocated":
      return seesStage(visibility, event.stage);
    case "full_text":
      return visibility.titleAbstract;
    case "study":
      return visibility.fullText;
    default:
      return true;
  }
}

/** The events, oldest first. `lookups` must name the records, reasons and studies the events refer to. */
export async function recordHistory(
  db: Db,
  member: MemberScope,
  subject: HistorySubject,
  visibility: RecordVisibility,
): Promise<HistoryEvent[]> {
  const about = await auditRows(db, member.reviewId, subject);
  const rows = [...about, ...(await studyMerges(db, member.reviewId, subject, about))];
  const recordIds = new Set(subject.pairs.flatMap((p) => [p.recordAId, p.recordBId]));
  const studyIds = new Set<string>();
  const userIds = new Set<string>();
  for (const row of rows) {
    if (typeof row.data?.reviewerId === "string") userIds.add(row.data.reviewerId);
    for (const key of ["keptId", "removedId"]) if (typeof row.data?.[key] === "string") recordIds.add(row.data[key]);
    if (row.entity_type === "study") studyIds.add(row.entity_id);
    if (typeof row.data?.newStudyId === "string") studyIds.add(row.data.newStudyId);
  }
  const named = await loadLookups(db, member.reviewId, {
    recordIds: [...recordIds],
    studyIds: [...studyIds],
    userIds: [...userIds],
  });
  const events: HistoryEvent[] = [];
  const at = (when: Date) => ({ at: when, actor: null, mine: false });
  // Without an import (records made by hand, or by the demo), the record's own creation stands for it.
  if (!rows.some((r) => r.action === "import.completed"))
    events.push({
      id: `added:${subject.id}`,
      ...at(subject.createdAt),
      kind: "imported",
      fileName: null,
      source: subject.source,
    });
  // Automatic merges are written per import (dedup.completed), not per pair: the pair row is their record.
  for (const pair of subject.pairs.filter((p) => p.automatic)) {
    const kept = pair.recordAId === subject.id;
    events.push({
      id: `merged:${pair.id}`,
      ...at(pair.createdAt),
      kind: "merged",
      automatic: true,
      kept,
      other: ref(kept ? pair.recordBId : pair.recordAId, named),
    });
  }
  for (const conflict of subject.conflicts)
    events.push({
      id: `conflict:${conflict.id}`,
      ...at(conflict.createdAt),
      kind: "conflict_opened",
      stage: conflict.stage,
    });
  for (const exclusion of subject.stoppingExclusions)
    events.push({
      id: `stopping:${exclusion.stage}`,
      ...at(exclusion.at),
      kind: "stopping_rule",
      stage: exclusion.stage,
    });
  for (const row of rows) {
    const event = fromAudit(row, subject, named, member.actorId);
    if (event) events.push(event);
  }
  return events
    .filter((e) => visibleTo(e, visibility))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}
