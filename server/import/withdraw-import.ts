// Withdrawing an import: its records leave the review with everything that hung off them, moved whole into
// withdrawn_rows (docs/decisions/0005-withdrawn-imports-are-archived.md), duplicate merges into them repaired, and
// studies left without a report taken out with their extraction and appraisal, all in one transaction with its
// audit event. Small imports are withdrawn while the lead waits; large ones by a job whose progress the page shows.
import type pg from "pg";
import { recordAuditEvent } from "../audit/record-audit-event";
import { readCatalog } from "../db/catalog";
import { type Db, poolOf, type Tx } from "../db/client";
import { repairMergesInto } from "../dedup/repair-merges";
import { AppError } from "../errors/app-error";
import { decisionsChanged } from "../events/decisions-changed";
import type { ActorScope } from "../shared/actor";
import { STAGES } from "../shared/stages";
import { type ArchivedTable, archivePlan } from "./archive-plan";
import { archiveStatement, deleteStatement, EMPTIED_STUDIES, WITHDRAWN_RECORDS } from "./withdraw-sql";
import { SAMPLE_OPEN, type WithdrawalImpact, withdrawalImpact } from "./withdrawal-impact";

/** Up to this many records, a withdrawal runs while the lead waits (well under a second); above, as a job. */
export const WITHDRAW_WHILE_WAITING = 2000;

export interface WithdrawInput {
  importId: string;
  reason: string;
  /** The downstream work the lead was shown (WithdrawalImpact.downstreamKey). */
  downstreamKey: string;
  /** The lead confirmed that the extraction and appraisal shown are undone. */
  confirmDownstream: boolean;
}

export interface WithdrawalJob {
  reviewId: string;
  actorId: string;
  importId: string;
  downstreamKey: string;
}

export type WithdrawalRequest = { status: "withdrawn"; records: number } | { status: "withdrawing" };

function checkDownstream(impact: WithdrawalImpact, shownKey: string, confirmed: boolean): void {
  if (impact.downstreamKey !== shownKey)
    throw new AppError(
      "STALE",
      "The studies this withdrawal affects have changed since you looked (extraction or appraisal was started or finished meanwhile). Look at what it changes again before withdrawing.",
    );
  if (impact.needsConfirmation && !confirmed)
    throw new AppError(
      "STUDY_HAS_WORK",
      "Records of this import feed studies with extraction or appraisal. Confirm that you understand what is undone before withdrawing it.",
    );
}

/** A lead asks to withdraw an import: refused with the reason when it cannot be, else done now or queued. */
export async function requestWithdrawal(
  deps: { db: Db; enqueueWithdrawal: (tx: Tx, job: WithdrawalJob) => Promise<void> },
  actor: ActorScope,
  input: WithdrawInput,
): Promise<WithdrawalRequest> {
  const { db } = deps;
  const reason = input.reason.trim();
  const impact = await withdrawalImpact(db, actor.reviewId, input.importId);
  if (impact.blocked) throw new AppError("STALE", impact.blocked);
  checkDownstream(impact, input.downstreamKey, input.confirmDownstream);
  const job: WithdrawalJob = {
    reviewId: actor.reviewId,
    actorId: actor.actorId,
    importId: input.importId,
    downstreamKey: input.downstreamKey,
  };
  if (impact.records <= WITHDRAW_WHILE_WAITING) {
    const done = await withdrawImport(db, job, { from: "succeeded", reason });
    return { status: "withdrawn", records: done.records };
  }
  await db.$transaction(async (tx) => {
    const marked = await tx.import.updateMany({
      where: { id: input.importId, reviewId: actor.reviewId, status: "succeeded" },
      data: {
        status: "withdrawing",
        withdrawalReason: reason,
        withdrawnById: actor.actorId,
        withdrawalProgress: 0,
        withdrawalError: null,
      },
    });
    if (marked.count !== 1) throw new AppError("STALE", "This import changed meanwhile; the list has been refreshed.");
    await recordAuditEvent(tx, {
      reviewId: actor.reviewId,
      actorId: actor.actorId,
      action: "import.withdrawal_requested",
      entityType: "import",
      entityId: input.importId,
      data: { fileName: impact.fileName, records: impact.records, reason },
    });
    await deps.enqueueWithdrawal(tx, job);
  });
  return { status: "withdrawing" };
}

interface RunOptions {
  /** The status the import must have: succeeded when done at once, withdrawing when a job was queued for it. */
  from: "succeeded" | "withdrawing";
  /** The reason given; a job reads the one stored with its request. */
  reason?: string;
  onProgress?: (percent: number) => Promise<void>;
}

/** The withdrawal itself, in one transaction; returns how many records left the review. */
export async function withdrawImport(db: Db, job: WithdrawalJob, options: RunOptions) {
  const { reviewId, importId } = job;
  const catalog = await readCatalogOnce(db);
  const fromRecords = archivePlan(catalog, "records", ["studies"]);
  const fromStudies = archivePlan(
    catalog,
    "studies",
    fromRecords.map((t) => t.name),
  );
  const steps = 3 + 2 * (fromRecords.length + fromStudies.length);
  let step = 0;
  const progress = async () => options.onProgress?.(Math.floor((++step / steps) * 100));
  const result = await db.$transaction(
    async (tx) => {
      // The same lock as the import's own job and as de-duplication of the review, so neither runs meanwhile.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${importId}`}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dedup:${reviewId}`}))`;
      const imp = await tx.import.findFirst({ where: { id: importId, reviewId } });
      if (!imp) throw new AppError("NOT_FOUND", "That import does not exist in this review.");
      if (imp.status !== options.from)
        throw new AppError("STALE", "This import changed meanwhile (it may have been withdrawn already).");
      // Screening, full-text changes and merges lock these rows too: they wait, then find the records gone.
      await tx.$executeRaw`SELECT 1 FROM records WHERE import_id = ${importId} ORDER BY id FOR UPDATE`;
      await tx.$executeRaw`SELECT 1 FROM duplicate_pairs p WHERE p.review_id = ${reviewId} AND (
          p.record_a_id IN (SELECT id FROM records WHERE import_id = ${importId})
          OR p.record_b_id IN (SELECT id FROM records WHERE import_id = ${importId})) ORDER BY p.id FOR UPDATE`;
      const impact = await withdrawalImpact(tx, reviewId, importId);
      if (impact.stoppingSampleOpen) throw new AppError("STALE", SAMPLE_OPEN);
      checkDownstream(impact, job.downstreamKey, true);
      await progress();
      const now = new Date();
      const merges = await repairMergesInto(tx, { reviewId, importId }, now);
      await progress();
      const rows: Record<string, number> = {};
      const move = async (tables: ArchivedTable[], chosen: string) => {
        for (const table of tables) {
          rows[table.name] = await tx.$executeRawUnsafe(
            archiveStatement(table, table === tables[0] ? chosen : undefined),
            reviewId,
            importId,
          );
          await progress();
        }
      };
      await move(fromRecords, WITHDRAWN_RECORDS);
      await move(fromStudies, EMPTIED_STUDIES);
      // Children first, so no cascade deletes a row that was not copied.
      for (const table of [...fromStudies].reverse().concat([...fromRecords].reverse())) {
        await tx.$executeRawUnsafe(deleteStatement(table), importId);
        await progress();
      }
      const reason = options.reason ?? imp.withdrawalReason;
      await tx.import.update({
        where: { id: importId },
        data: {
          status: "withdrawn",
          withdrawnAt: now,
          withdrawnById: job.actorId,
          withdrawalReason: reason,
          withdrawalProgress: 100,
          withdrawalError: null,
        },
      });
      await recordAuditEvent(tx, {
        reviewId,
        actorId: job.actorId,
        action: "import.withdrawn",
        entityType: "import",
        entityId: importId,
        data: {
          fileName: imp.fileName,
          reason,
          records: impact.records,
          decisions: impact.decisions,
          settled: impact.settled,
          reports: impact.reports,
          restoredDuplicates: merges.restored,
          repointedDuplicates: merges.repointed,
          fieldsCleared: merges.fieldsCleared,
          studiesRemoved: impact.studies.filter((s) => s.reportsLeft === 0).map((s) => s.label),
          rows,
        },
      });
      // No progress from here: the import's row is this transaction's now, and the job's writes would wait for it.
      return { records: impact.records, decisions: impact.decisions };
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  // Withdrawn decisions no longer teach the rankings: every reviewer's retrains.
  for (const stage of STAGES)
    if (result.decisions[stage] > 0) decisionsChanged({ db, reviewId, stage, reviewerIds: "all" });
  return { records: result.records };
}

async function readCatalogOnce(db: Db) {
  const client = await poolOf(db).connect();
  try {
    return await readCatalog(client);
  } finally {
    client.release();
  }
}

/** The job's run: a withdrawal that cannot go through (changed meanwhile) leaves the import as it was, with why. */
export async function runWithdrawal(db: Db, job: WithdrawalJob): Promise<void> {
  const report = (percent: number) =>
    db.import
      .updateMany({ where: { id: job.importId, status: "withdrawing" }, data: { withdrawalProgress: percent } })
      .then(() => {});
  try {
    await withdrawImport(db, job, { from: "withdrawing", onProgress: report });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await withdrawalStopped(db, job.importId, err.message);
  }
}

/** Puts an import whose withdrawal stopped for good back as it was, saying why. */
async function withdrawalStopped(db: Db, importId: string, reason: string): Promise<void> {
  await db.import.updateMany({
    where: { id: importId, status: "withdrawing" },
    data: { status: "succeeded", withdrawalProgress: 0, withdrawalError: reason, withdrawnById: null },
  });
}

/**
 * A withdrawal job that stopped without finishing (its worker died, or its last try failed), on the caller's
 * transaction: nothing of it was committed, so the import is as it was; it waits for the retry, or goes back.
 */
export async function withdrawalJobStopped(
  client: pg.ClientBase,
  importId: string,
  outcome: { retried: boolean; reason: string },
): Promise<void> {
  if (outcome.retried) return;
  await client.query(
    `UPDATE imports SET status = 'succeeded', withdrawal_progress = 0, withdrawn_by_id = NULL, withdrawal_error = $2
      WHERE id = $1 AND status = 'withdrawing'`,
    [importId, `The withdrawal could not be finished (${outcome.reason}); nothing was changed. Try again.`],
  );
}
