// Reads one uploaded file into the review: streamed parsing, rows sent with COPY inside a single transaction,
// so the import appears whole or not at all, however the process ends. Progress is written beside it on
// another connection, where the browser can see it while the records themselves are still invisible.

import { once } from "node:events";
import { pipeline, Transform } from "node:stream";
import { finished } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { recordAuditEvent, recordAuditEventPg } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { announceReviewChange } from "../live/review-changes";
import { newId } from "../shared/ids";
import type { FileStorage } from "../storage/file-storage";
import { copyLine } from "./copy-text";
import { measureOverlap } from "./measure-overlap";
import type { DuplicateCheck } from "./overlap";
import { parseFile } from "./parse-file";
import { type Diagnostic, type Format, NotBibliographicError, type ParsedRecord } from "./types";

export interface ImportDeps {
  db: Db;
  pool: pg.Pool;
  storage: FileStorage;
  /** Queues what follows a read import (de-duplication, search indexing) inside its transaction (see server/jobs). */
  enqueueAfterImport: (client: pg.ClientBase, importId: string) => Promise<void>;
}

const MAX_STORED_DIAGNOSTICS = 1000;
const PROGRESS_EVERY_MS = 500;
/** How long an abandoned COPY may take to be refused by the server before its connection is thrown away. */
const COPY_ABORT_WAIT_MS = 10_000;

const RECORD_COLUMNS = [
  "id",
  "review_id",
  "import_id",
  "source_id",
  "title",
  "abstract",
  "authors",
  "year",
  "journal",
  "volume",
  "issue",
  "pages",
  "doi",
  "pmid",
  "pmcid",
  "nct_ids",
  "keywords",
  "type",
  "language",
  "url",
  "raw",
] as const;

/**
 * One record as a COPY line. Called for each record as the file is read, so the ids it gives sort in file order:
 * import order is ORDER BY id. The import bench writes the same lines through a raw COPY to compare.
 */
export function recordLine(
  r: ParsedRecord,
  scope: { reviewId: string; importId: string; sourceId: string },
  id = newId(),
): string {
  return copyLine([
    id,
    scope.reviewId,
    scope.importId,
    scope.sourceId,
    r.title,
    r.abstract,
    r.authors,
    r.year,
    r.journal,
    r.volume,
    r.issue,
    r.pages,
    r.doi,
    r.pmid,
    r.pmcid,
    r.nctIds,
    r.keywords,
    r.type,
    r.language,
    r.url,
    JSON.stringify(r.raw),
  ]);
}

/** Thrown when another worker holds the same import: the job is retried later rather than run twice at once. */
export class ImportBusyError extends Error {}

export type ImportOutcome =
  | { status: "succeeded"; format: Format; records: number; skipped: number }
  | { status: "failed"; error: string }
  | { status: "needs-confirmation"; check: DuplicateCheck }
  | { status: "already-done" };

export async function runImport(deps: ImportDeps, importId: string): Promise<ImportOutcome> {
  const { db, pool, storage } = deps;
  const imp = await db.import.findUnique({ where: { id: importId } });
  if (!imp) throw new Error(`import ${importId} does not exist`);
  // Only a queued import is read (running: a retry after a worker died); the others were read, answered or withdrawn.
  if (imp.status !== "queued" && imp.status !== "running") return { status: "already-done" };
  if (!imp.fileKey) throw new Error(`import ${importId} has no file`);

  let bytesRead = 0;
  let parsed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  let reporting: Promise<unknown> = Promise.resolve();
  const report = setInterval(() => {
    reporting = reporting.then(() =>
      db.import.update({ where: { id: importId }, data: { bytesRead, parsedCount: parsed } }).catch(() => {}),
    );
  }, PROGRESS_EVERY_MS);

  const client = await pool.connect();
  // A connection that drops mid-import fails the statement or the COPY in progress; the client's own error event
  // would otherwise go unheard and end the process.
  const onClientError = () => {};
  client.on("error", onClientError);
  let copy: ReturnType<typeof copyFrom> | undefined;
  let copied: Promise<void> | undefined;
  let copyError: Error | undefined;
  let reusable = true;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
      `import:${importId}`,
    ]);
    if (!rows[0].locked) throw new ImportBusyError(`import ${importId} is being read by another worker`);
    await db.import.update({
      where: { id: importId },
      data: { status: "running", bytesRead: 0, parsedCount: 0, error: null },
    });

    // pipeline, not pipe: a read error must reach the parser, or it would wait for the rest of the file forever.
    const file = pipeline(await storage.get(imp.fileKey), counter, () => {});
    const { format, events } = await parseFile(file, {
      format: (imp.requestedFormat as Format | null) ?? undefined,
      fileName: imp.fileName,
    });
    copy = client.query(copyFrom(`COPY records (${RECORD_COLUMNS.join(", ")}) FROM STDIN`));
    copy.on("error", (err: Error) => (copyError ??= err));
    copied = finished(copy);
    copied.catch(() => {}); // awaited below; until then a failed COPY is seen through copyError
    const scope = { reviewId: imp.reviewId, importId, sourceId: imp.sourceId };
    const diagnostics: Diagnostic[] = [];
    let skipped = 0;
    for await (const event of events) {
      if (copyError) throw copyError;
      if (event.kind === "record") {
        parsed++;
        if (!copy.write(recordLine(event.record, scope))) await once(copy, "drain");
      } else {
        skipped++;
        if (diagnostics.length < MAX_STORED_DIAGNOSTICS) diagnostics.push(event.diagnostic);
      }
    }
    copy.end();
    await copied;

    // Unless a lead has said to import it anyway, a file whose records are almost all here already is not.
    const check = imp.confirmedAt ? null : await measureOverlap(client, scope);
    if (check) {
      await client.query("ROLLBACK");
      clearInterval(report);
      await reporting;
      await markAwaitingConfirmation(db, imp, check, parsed);
      return { status: "needs-confirmation", check };
    }

    clearInterval(report);
    await reporting;
    if (skipped > diagnostics.length) {
      diagnostics.push({ line: 0, message: `…and ${skipped - diagnostics.length} more unreadable records` });
    }
    await client.query(
      `UPDATE imports SET status = 'succeeded', format = $2, record_count = $3, skipped_count = $4, diagnostics = $5,
              parsed_count = $3, bytes_read = byte_size, finished_at = now(), error = NULL WHERE id = $1`,
      [importId, format, parsed, skipped, JSON.stringify(diagnostics)],
    );
    await recordAuditEventPg(client, {
      reviewId: imp.reviewId,
      actorId: imp.createdById,
      action: "import.completed",
      entityType: "import",
      entityId: importId,
      data: { format, records: parsed, skipped, fileName: imp.fileName },
    });
    await announceReviewChange(client, {
      reviewId: imp.reviewId,
      stage: null,
      kind: "import",
      actorId: imp.createdById,
    });
    await deps.enqueueAfterImport(client, importId);
    await client.query("COMMIT");
    return { status: "succeeded", format, records: parsed, skipped };
  } catch (err) {
    // A connection still in COPY mode takes no other statement: a ROLLBACK sent now would wait behind the COPY
    // for ever, holding the connection and the job. The COPY is ended first (destroy sends CopyFail).
    if (copy && copied && !copyError && !copy.writableFinished) {
      copy.destroy(err as Error);
      const refused = await Promise.race([
        copied.then(
          () => true,
          () => true,
        ),
        sleep(COPY_ABORT_WAIT_MS, false),
      ]);
      if (!refused) reusable = false;
    }
    if (reusable)
      reusable = await client.query("ROLLBACK").then(
        () => true,
        () => false,
      );
    clearInterval(report);
    await reporting;
    if (err instanceof NotBibliographicError) {
      await markFailed(db, imp, err.message);
      return { status: "failed", error: err.message };
    }
    if (!(err instanceof ImportBusyError)) {
      await db.import
        .update({
          where: { id: importId },
          data: { status: "queued", error: `interrupted (${(err as Error).message}); it will be retried` },
        })
        .catch(() => {});
    }
    throw err;
  } finally {
    clearInterval(report);
    client.off("error", onClientError);
    // A connection that could not even roll back is closed rather than handed to the next import.
    client.release(!reusable);
  }
}

async function markAwaitingConfirmation(
  db: Db,
  imp: { id: string; reviewId: string; createdById: string; fileName: string },
  check: DuplicateCheck,
  parsed: number,
) {
  await db.$transaction(async (tx) => {
    await tx.import.update({
      where: { id: imp.id },
      data: {
        status: "awaiting_confirmation",
        duplicateCheck: check as object,
        parsedCount: parsed,
        bytesRead: 0,
        error: null,
      },
    });
    await recordAuditEvent(tx, {
      reviewId: imp.reviewId,
      actorId: imp.createdById,
      action: "import.needs_confirmation",
      entityType: "import",
      entityId: imp.id,
      data: { fileName: imp.fileName, reason: check.reason, matched: check.matched, total: check.total },
    });
  });
}

async function markFailed(
  db: Db,
  imp: { id: string; reviewId: string; createdById: string; fileName: string },
  error: string,
) {
  await db.$transaction(async (tx) => {
    await tx.import.update({
      where: { id: imp.id },
      data: { status: "failed", error, finishedAt: new Date(), bytesRead: 0, parsedCount: 0 },
    });
    await recordAuditEvent(tx, {
      reviewId: imp.reviewId,
      actorId: imp.createdById,
      action: "import.failed",
      entityType: "import",
      entityId: imp.id,
      data: { error, fileName: imp.fileName },
    });
  });
}

/**
 * An import whose job stopped without finishing it (its worker died, or its last try failed), on the caller's
 * transaction, which changes the job too: queued again when the job will run again, else failed with the reason
 * and its audit event. An import another worker is reading (its lock is taken) is left to that worker.
 */
export async function importStopped(
  client: pg.ClientBase,
  importId: string,
  outcome: { retried: boolean; reason: string },
): Promise<void> {
  const { rows } = await client.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS free`, [`import:${importId}`]);
  if (!rows[0].free) return;
  if (outcome.retried) {
    await client.query(
      `UPDATE imports SET status = 'queued', bytes_read = 0, parsed_count = 0, error = $2 WHERE id = $1 AND status = 'running'`,
      [importId, `interrupted (${outcome.reason}); it will be retried`],
    );
    return;
  }
  const error = `This import could not be finished (${outcome.reason}). Upload the file again to retry.`;
  const failed = await client.query<{ review_id: string; created_by_id: string; file_name: string }>(
    `UPDATE imports SET status = 'failed', error = $2, finished_at = now(), bytes_read = 0, parsed_count = 0
      WHERE id = $1 AND status IN ('queued', 'running') RETURNING review_id, created_by_id, file_name`,
    [importId, error],
  );
  const imp = failed.rows[0];
  if (!imp) return;
  await recordAuditEventPg(client, {
    reviewId: imp.review_id,
    actorId: imp.created_by_id,
    action: "import.failed",
    entityType: "import",
    entityId: importId,
    data: { error, fileName: imp.file_name },
  });
}
