// A lead's answer to "this file is already here — import it anyway?": confirmed, the import is queued and read
// without asking again; cancelled, it is kept in the list as cancelled and its stored file is deleted. Only an
// import that is waiting for that answer takes one: any other (a forged or repeated answer, a stale page) is
// refused with what happened to it, and nothing changes.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { ImportStatus } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import type { FileStorage } from "../storage/file-storage";

const ALREADY: Partial<Record<ImportStatus, string>> = {
  cancelled: "This upload was cancelled already; nothing was imported. Upload the file again to import it.",
  queued: "This upload is being imported already; it will not be imported twice.",
  running: "This upload is being imported already; it will not be imported twice.",
  succeeded: "This upload has been imported already; it will not be imported twice.",
};

async function waitingImport(tx: Tx, scope: ActorScope, importId: string) {
  const [row] = await tx.$queryRaw<{ status: ImportStatus; file_name: string; file_key: string | null }[]>`
    SELECT status, file_name, file_key FROM imports WHERE id = ${importId} AND review_id = ${scope.reviewId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "That import does not exist in this review.");
  if (row.status !== "awaiting_confirmation")
    throw new AppError(
      "STALE",
      ALREADY[row.status] ?? "This upload is not waiting for an answer; nothing was changed.",
    );
  return row;
}

export async function confirmImport(
  deps: { db: Db; enqueueImport: (tx: Tx, importId: string) => Promise<void> },
  scope: ActorScope,
  importId: string,
) {
  await deps.db.$transaction(async (tx) => {
    const imp = await waitingImport(tx, scope, importId);
    await tx.import.update({
      where: { id: importId },
      data: { status: "queued", confirmedAt: new Date(), parsedCount: 0, bytesRead: 0, error: null },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "import.confirmed",
      entityType: "import",
      entityId: importId,
      data: { fileName: imp.file_name },
    });
    await deps.enqueueImport(tx, importId);
  });
  return { status: "queued" as const };
}

export async function cancelImport(deps: { db: Db; storage: FileStorage }, scope: ActorScope, importId: string) {
  const fileKey = await deps.db.$transaction(async (tx) => {
    const imp = await waitingImport(tx, scope, importId);
    await tx.import.update({
      where: { id: importId },
      data: { status: "cancelled", finishedAt: new Date(), fileKey: null, parsedCount: 0, bytesRead: 0 },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "import.cancelled",
      entityType: "import",
      entityId: importId,
      data: { fileName: imp.file_name },
    });
    return imp.file_key;
  });
  // Only once nothing points at it: a failed delete leaves a stray file, never a row without its file.
  if (fileKey) await deps.storage.delete(fileKey).catch(() => {});
  return { status: "cancelled" as const };
}
