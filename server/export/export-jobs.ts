// Asking for an export (a row and its job, queued in one transaction) and running that job.
import { PassThrough } from "node:stream";
import type pg from "pg";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ChosenRecords } from "../records/browse-input";
import { resolveChosenRecords } from "../records/chosen-records";
import { seesStage } from "../records/visibility";
import type { ActorScope, MemberScope } from "../shared/actor";
import { hasRole, type Role } from "../shared/roles";
import type { Stage } from "../shared/stages";
import { type ExportFormat, type ExportKind, KIND_RULES, RECORD_FILTERS, type RecordFilter } from "./export-kinds";
import { type ExportDeps, exportFileName, writeExportFile } from "./run-export";

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  stage?: Stage | null;
  filter?: RecordFilter;
  /** A selection's records: its filters (but the ids ticked off), or the ids ticked. */
  chosen?: ChosenRecords;
}

/** What a selection export keeps of its records: only what says which they are, read again when it runs. */
function chosenOptions(chosen: ChosenRecords): ChosenRecords {
  return chosen.filters
    ? { filters: chosen.filters, ...(chosen.exceptIds?.length ? { exceptIds: [...new Set(chosen.exceptIds)] } : {}) }
    : { recordIds: [...new Set(chosen.recordIds)] };
}

/** Progress is written at most this often, so a large export does not spend its time updating its own row. */
const PROGRESS_EVERY_MS = 500;

export function assertMayExport(role: Role, kind: ExportKind): void {
  const { minRole, label } = KIND_RULES[kind];
  if (!hasRole(role, minRole))
    throw new AppError("FORBIDDEN", `${label} exports are for the review's leads and owners.`);
}

export async function requestExport(
  db: Db,
  scope: MemberScope,
  input: ExportRequest,
  enqueue: (tx: Tx, exportId: string) => Promise<void>,
) {
  const rules = KIND_RULES[input.kind];
  assertMayExport(scope.role, input.kind);
  if (!rules.formats.includes(input.format)) {
    throw new AppError(
      "INVALID_INPUT",
      `${rules.label} can be exported as ${rules.formats.join(", ").toUpperCase()}, not ${input.format.toUpperCase()}.`,
    );
  }
  const stage = rules.staged ? (input.stage ?? "title_abstract") : null;
  const filter = input.kind === "records" ? (input.filter ?? "all") : undefined;
  if (filter && !RECORD_FILTERS.includes(filter))
    throw new AppError("INVALID_INPUT", "Choose all, included or excluded records.");
  let options: object = filter ? { filter } : {};
  let audited: object = filter ? { filter } : {};
  if (input.kind === "selection") {
    if (!input.chosen) throw new AppError("INVALID_INPUT", "Choose the records to export first.");
    // Refused now (hidden, stale or forged filters, records not in the review) so the person asking sees why.
    const { total } = await resolveChosenRecords(db, scope, input.chosen);
    const chosen = chosenOptions(input.chosen);
    if (total === 0)
      throw new AppError(
        "INVALID_INPUT",
        chosen.filters
          ? "No record matches this search and these filters, so there is nothing to export."
          : "Choose the records to export first.",
      );
    options = chosen;
    audited = {
      records: total,
      ...(chosen.filters ? { filters: chosen.filters, exceptIds: chosen.exceptIds ?? [] } : {}),
    };
  }
  return db.$transaction(async (tx) => {
    const created = await tx.export.create({
      data: {
        reviewId: scope.reviewId,
        requestedById: scope.actorId,
        kind: input.kind,
        format: input.format,
        stage,
        options,
      },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "export.requested",
      entityType: "export",
      entityId: created.id,
      data: { kind: input.kind, format: input.format, stage, ...audited },
    });
    await enqueue(tx, created.id);
    // Without its options: a selection's may hold thousands of ids the caller has just sent.
    const { options: _options, ...asked } = created;
    return asked;
  });
}

export async function listMyExports(db: Db, { reviewId, actorId }: ActorScope) {
  const rows = await db.export.findMany({
    where: { reviewId, requestedById: actorId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      kind: true,
      format: true,
      stage: true,
      options: true,
      status: true,
      total: true,
      done: true,
      fileName: true,
      byteSize: true,
      error: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  return rows.map(({ byteSize, options, ...r }) => ({
    ...r,
    byteSize: Number(byteSize),
    filter: (options as { filter?: RecordFilter }).filter ?? null,
  }));
}

/** Runs a queued export; one that already finished is left alone, so a repeated job is harmless. */
export async function runExport(deps: ExportDeps, exportId: string): Promise<void> {
  const { db, storage } = deps;
  const job = await db.export.findUnique({ where: { id: exportId }, include: { review: { select: { slug: true } } } });
  if (!job || job.status === "succeeded" || job.status === "failed") return;
  const fileName = exportFileName(
    job.review.slug,
    job.kind as ExportKind,
    job.format as ExportFormat,
    job.stage,
    job.createdAt,
  );
  const key = `reviews/${job.reviewId}/exports/${job.id}/${fileName}`;
  await db.export.update({ where: { id: exportId }, data: { status: "running", done: 0, error: null } });
  try {
    const membership = await db.membership.findFirst({
      where: { reviewId: job.reviewId, userId: job.requestedById, removedAt: null },
    });
    if (!membership) throw new AppError("FORBIDDEN", "You are no longer a member of this review.");
    assertMayExport(membership.role, job.kind as ExportKind);
    const stage = job.stage ?? "title_abstract";
    const setting = await db.reviewStageSetting.findUnique({
      where: { reviewId_stage: { reviewId: job.reviewId, stage } },
    });
    const member: MemberScope = { reviewId: job.reviewId, actorId: job.requestedById, role: membership.role };
    // A selection is read again as its filters select now, as the browser would show it to this member now.
    const choice =
      job.kind === "selection" ? await resolveChosenRecords(db, member, job.options as ChosenRecords) : undefined;
    if (choice?.total === 0)
      throw new AppError(
        "STALE",
        "None of the chosen records is in this review any more, so there is nothing to export.",
      );
    const visibility = choice
      ? seesStage(choice.visibility, stage)
        ? "full"
        : "none"
      : hasRole(membership.role, "lead") || !setting?.blinded
        ? "full"
        : "resolved-only";
    const body = new PassThrough();
    const stored = storage.put(key, body, undefined);
    stored.catch((err) => body.destroy(err));
    let done = 0;
    let lastWrite = 0;
    const written = writeExportFile(
      deps,
      {
        reviewId: job.reviewId,
        kind: job.kind as ExportKind,
        format: job.format as ExportFormat,
        stage: job.stage,
        filter: (job.options as { filter?: RecordFilter }).filter ?? "all",
        visibility,
        choice,
      },
      body,
      async (total) => {
        await db.export.update({ where: { id: exportId }, data: { total } });
        return {
          total,
          tick: async () => {
            done++;
            if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
            lastWrite = Date.now();
            await db.export.update({ where: { id: exportId }, data: { done } });
          },
        };
      },
    ).catch((err) => {
      body.destroy(err);
      throw err;
    });
    const [{ bytes }] = await Promise.all([stored, written]);
    await db.export.update({
      where: { id: exportId },
      data: { status: "succeeded", done, fileKey: key, fileName, byteSize: bytes, finishedAt: new Date() },
    });
  } catch (err) {
    await storage.delete(key).catch(() => {});
    const message = err instanceof AppError ? err.message : "The export failed on the server. Try again.";
    if (!(err instanceof AppError)) console.error("sift: export failed:", err);
    await db.export.update({
      where: { id: exportId },
      data: { status: "failed", error: message, finishedAt: new Date() },
    });
  }
}

/**
 * An export whose job stopped without finishing it (its worker died), on the transaction that changes the job:
 * queued again when the job will run again, else failed, so no export shows "running" with nobody making it.
 */
export async function exportStopped(
  client: pg.ClientBase,
  exportId: string,
  outcome: { retried: boolean; reason: string },
): Promise<void> {
  if (outcome.retried) {
    await client.query(`UPDATE exports SET status = 'queued', done = 0 WHERE id = $1 AND status = 'running'`, [
      exportId,
    ]);
  } else {
    await client.query(
      `UPDATE exports SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
      [exportId, "The export could not be finished. Try again."],
    );
  }
}
