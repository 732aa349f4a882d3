// The decision log (every decision, change, withdrawal, resolution, reopening and override from the audit trail)
// and the conflicts, read page by page.

import { closedRoundAgreements } from "../calibration/calibration-view";
import type { Db } from "../db/client";
import { agreementReport } from "../screening/agreement-report";
import type { Cell } from "./csv";
import {
  agreementRows,
  calibrationRoundRows,
  conflictRow,
  decisionLogRow,
  type LoggedEvent,
  loggedRecordId,
} from "./log-rows";

const PAGE = 500;
// A lead's reopening or override of a settled record (outcome.*) carries its verdict and the one before it under
// the same keys as a decision's, so the log's columns read it alike.
const DECISION_ACTIONS = [
  { action: { startsWith: "decision." } },
  { action: { startsWith: "conflict." } },
  { action: { startsWith: "outcome." } },
];

async function reasonLabels(db: Db, reviewId: string) {
  return new Map((await db.exclusionReason.findMany({ where: { reviewId } })).map((r) => [r.id, r.label]));
}

export function countDecisionLog(db: Db, reviewId: string) {
  return db.auditEvent.count({ where: { reviewId, OR: DECISION_ACTIONS } });
}

export async function* decisionLogRows(db: Db, reviewId: string): AsyncGenerator<Cell[]> {
  const reasons = await reasonLabels(db, reviewId);
  let cursor: string | undefined;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { reviewId, OR: DECISION_ACTIONS },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { actor: { select: { name: true, email: true } } },
    });
    const events = page.map((e) => ({ ...e, data: (e.data ?? {}) as Record<string, unknown> })) satisfies LoggedEvent[];
    const ids = [...new Set(events.map(loggedRecordId))];
    const titles = new Map(
      (await db.record.findMany({ where: { reviewId, id: { in: ids } }, select: { id: true, title: true } })).map(
        (r) => [r.id, r.title],
      ),
    );
    // Decisions on records that left with a withdrawn import stay in the log, titled from the withdrawal archive.
    const gone = ids.filter((id) => !titles.has(id));
    if (gone.length) {
      const archived = await db.withdrawnRow.findMany({
        where: { reviewId, tableName: "records", id: { in: gone } },
        select: { id: true, data: true },
      });
      for (const row of archived) titles.set(row.id, String((row.data as { title?: unknown }).title ?? ""));
    }
    for (const event of events) yield decisionLogRow(event, titles, reasons);
    if (page.length < PAGE) return;
    cursor = page.at(-1)!.id;
  }
}

export function countConflicts(db: Db, reviewId: string) {
  return db.conflict.count({ where: { reviewId } });
}

export async function* conflictRows(db: Db, reviewId: string): AsyncGenerator<Cell[]> {
  const reasons = await reasonLabels(db, reviewId);
  const label = (id: string | null) => (id ? (reasons.get(id) ?? null) : null);
  let cursor: string | undefined;
  for (;;) {
    const page = await db.conflict.findMany({
      where: { reviewId },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { record: { select: { title: true } }, resolvedBy: { select: { name: true } } },
    });
    const decisions = await db.screeningDecision.findMany({
      where: { reviewId, recordId: { in: page.map((c) => c.recordId) } },
      include: { reviewer: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    });
    for (const c of page) {
      yield conflictRow({
        ...c,
        title: c.record.title,
        decisions: decisions
          .filter((d) => d.recordId === c.recordId && d.stage === c.stage)
          .map((d) => ({ reviewer: d.reviewer.name, verdict: d.verdict, reason: label(d.reasonId), note: d.note })),
        reason: label(c.reasonId),
        resolvedBy: c.resolvedBy?.name ?? null,
      });
    }
    if (page.length < PAGE) return;
    cursor = page.at(-1)!.id;
  }
}

export async function agreementTable(db: Db, reviewId: string): Promise<Cell[][]> {
  const [report, rounds] = await Promise.all([agreementReport(db, reviewId), closedRoundAgreements(db, reviewId)]);
  return [...agreementRows(report), ...calibrationRoundRows(rounds)];
}
