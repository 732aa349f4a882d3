// Records that left the review with a withdrawn import live on only in withdrawn_rows (docs/decisions/0005). Leads
// reach them here: a list of the review's archived records with their import and the withdrawal (when, by whom,
// why), and a read-only page per record with its fields, raw fields and history up to and including the
// withdrawal, told from the audit trail as a live record's is. Leads see every stage, so nothing is blinded here.
import type { Db } from "../db/client";
import type { SourceKind } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { Stage } from "../shared/stages";
import type { HistoryEvent } from "./history-events";
import { recordHistory } from "./record-history";

const NOT_FOUND = "No record withdrawn with an import of this review has that id.";
const ALL_STAGES = { titleAbstract: true, fullText: true };

interface Withdrawal {
  import_id: string;
  file_name: string;
  import_created_at: Date;
  source_id: string;
  source: string;
  source_kind: SourceKind;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawn_by_id: string | null;
  reason: string | null;
}

const WITHDRAWAL_JOIN = `
  JOIN imports i ON i.id = w.import_id
  JOIN sources s ON s.id = i.source_id
  LEFT JOIN LATERAL (
    SELECT e.created_at, e.data, e.actor_id FROM audit_events e
     WHERE e.review_id = w.review_id AND e.entity_type = 'import' AND e.entity_id = w.import_id
       AND e.action = 'import.withdrawn'
     ORDER BY e.created_at DESC LIMIT 1) e ON true
  LEFT JOIN users u ON u.id = e.actor_id`;

const WITHDRAWAL_COLUMNS = `w.import_id, i.file_name, i.created_at AS import_created_at, s.id AS source_id,
  s.name AS source, s.kind::text AS source_kind, e.created_at AS withdrawn_at,
  u.name AS withdrawn_by, e.actor_id AS withdrawn_by_id, e.data->>'reason' AS reason`;

function withdrawalOf(row: Withdrawal) {
  return {
    import: { id: row.import_id, fileName: row.file_name, createdAt: row.import_created_at },
    source: { id: row.source_id, name: row.source, kind: row.source_kind },
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
    reason: row.reason ?? "",
  };
}

/** The review's archived records, the latest withdrawal first, a page at a time. */
export async function listWithdrawnRecords(db: Db, member: MemberScope, page: { offset: number; limit: number }) {
  const [rows, [total]] = await Promise.all([
    db.$queryRawUnsafe<(Withdrawal & { id: string; title: string | null; year: number | null })[]>(
      `SELECT w.id, w.data->>'title' AS title, (w.data->>'year')::int AS year, ${WITHDRAWAL_COLUMNS}
         FROM withdrawn_rows w ${WITHDRAWAL_JOIN}
        WHERE w.review_id = $1 AND w.table_name = 'records'
        ORDER BY e.created_at DESC NULLS LAST, w.id
        LIMIT $2 OFFSET $3`,
      member.reviewId,
      page.limit,
      page.offset,
    ),
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM withdrawn_rows WHERE review_id = ${member.reviewId} AND table_name = 'records'`,
  ]);
  return {
    total: Number(total?.n ?? 0),
    records: rows.map((r) => ({ id: r.id, title: r.title ?? "", year: r.year, ...withdrawalOf(r) })),
  };
}

type Columns = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" ? v : null);
const texts = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
/** to_jsonb writes a `timestamp` without its zone; Sift's timestamps are UTC. */
const when = (v: unknown) => {
  const at = String(v);
  return new Date(/(Z|[+-]\d\d:\d\d)$/.test(at) ? at : `${at}Z`);
};

/** Archived rows of `table` whose `column` names the record. */
async function archived(db: Db, reviewId: string, table: string, column: string, recordId: string) {
  const rows = await db.withdrawnRow.findMany({
    where: { reviewId, tableName: table, data: { path: [column], equals: recordId } },
    select: { id: true, data: true },
  });
  return rows.map((r) => ({ id: r.id, data: r.data as Columns }));
}

/** One archived record as its read-only page shows it. */
export async function withdrawnRecordPage(db: Db, member: MemberScope, recordId: string) {
  const [row] = await db.$queryRawUnsafe<(Withdrawal & { data: Columns })[]>(
    `SELECT w.data, ${WITHDRAWAL_COLUMNS} FROM withdrawn_rows w ${WITHDRAWAL_JOIN}
      WHERE w.review_id = $1 AND w.table_name = 'records' AND w.id = $2`,
    member.reviewId,
    recordId,
  );
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  const d = row.data;
  const [pairsA, pairsB, conflicts, reports] = await Promise.all([
    archived(db, member.reviewId, "duplicate_pairs", "record_a_id", recordId),
    archived(db, member.reviewId, "duplicate_pairs", "record_b_id", recordId),
    archived(db, member.reviewId, "conflicts", "record_id", recordId),
    archived(db, member.reviewId, "reports", "record_id", recordId),
  ]);
  const report = reports[0];
  const history = await recordHistory(
    db,
    member,
    {
      id: recordId,
      importId: row.import_id,
      importFileName: row.file_name,
      source: row.source,
      createdAt: when(d.created_at),
      pairs: [...pairsA, ...pairsB].map((p) => ({
        id: p.id,
        recordAId: String(p.data.record_a_id),
        recordBId: String(p.data.record_b_id),
        automatic: p.data.automatic === true,
        createdAt: when(p.data.created_at),
      })),
      conflicts: conflicts.map((c) => ({ id: c.id, stage: c.data.stage as Stage, createdAt: when(c.data.created_at) })),
      reportId: report?.id ?? null,
      studyId: text(report?.data.study_id),
      formerReportIds: [],
      stoppingExclusions: [],
    },
    ALL_STAGES,
  );
  const withdrawal = withdrawalOf(row);
  const withdrawn: HistoryEvent[] = withdrawal.withdrawnAt
    ? [
        {
          id: `withdrawn:${row.import_id}`,
          at: withdrawal.withdrawnAt,
          actor: withdrawal.withdrawnBy,
          mine: row.withdrawn_by_id === member.actorId,
          kind: "withdrawn",
          fileName: row.file_name,
          reason: withdrawal.reason,
        },
      ]
    : [];
  return {
    record: {
      id: recordId,
      title: text(d.title) ?? "",
      abstract: text(d.abstract) ?? "",
      authors: texts(d.authors),
      year: typeof d.year === "number" ? d.year : null,
      journal: text(d.journal),
      volume: text(d.volume),
      issue: text(d.issue),
      pages: text(d.pages),
      doi: text(d.doi),
      pmid: text(d.pmid),
      pmcid: text(d.pmcid),
      nctIds: texts(d.nct_ids),
      keywords: texts(d.keywords),
      type: text(d.type),
      language: text(d.language),
      url: text(d.url),
      raw: (d.raw ?? {}) as Record<string, unknown>,
      createdAt: when(d.created_at),
    },
    ...withdrawal,
    history: [...history.filter((e) => e.at <= (withdrawal.withdrawnAt ?? e.at)), ...withdrawn],
  };
}

export type WithdrawnRecordPage = Awaited<ReturnType<typeof withdrawnRecordPage>>;
