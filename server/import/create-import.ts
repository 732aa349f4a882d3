// Accepts an uploaded file: stores it, then records the import and queues its job in one transaction.
import { pipeline, type Readable, Transform } from "node:stream";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { SourceKind } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import { newId } from "../shared/ids";
import { type FileStorage, safeFileName } from "../storage/file-storage";
import type { Format } from "./types";

export const MAX_UPLOAD_BYTES = Number(process.env.SIFT_MAX_UPLOAD_MB ?? 1024) * 1024 * 1024;

export interface NewImport {
  fileName: string;
  body: Readable;
  source: { name: string; kind: SourceKind };
  /** The user's choice when detection from the content should be overridden. */
  requestedFormat?: Format;
}

function sizeLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max)
        done(new AppError("INVALID_INPUT", `This file is larger than the ${Math.round(max / 1048576)} MB limit.`));
      else done(null, chunk);
    },
  });
}

async function sourceFor(tx: Tx, reviewId: string, source: NewImport["source"]) {
  const name = source.name.trim();
  if (!name) throw new AppError("INVALID_INPUT", "Name the source these records come from (e.g. PubMed).");
  const where = { reviewId_name: { reviewId, name } };
  let existing = await tx.source.findUnique({ where });
  if (!existing) {
    // Two uploads may name the same new source at once: ON CONFLICT DO NOTHING waits for the other's insert and
    // lets it win, and the read after it (a new snapshot, at READ COMMITTED) finds the one row either way.
    await tx.source.createMany({ data: [{ reviewId, name, kind: source.kind }], skipDuplicates: true });
    existing = await tx.source.findUniqueOrThrow({ where });
  }
  if (existing.kind !== source.kind) {
    throw new AppError(
      "INVALID_INPUT",
      `"${name}" is already a source of this review of another kind (${existing.kind}).`,
    );
  }
  return existing;
}

export async function createImport(
  deps: { db: Db; storage: FileStorage; enqueueImport: (tx: Tx, importId: string) => Promise<void> },
  scope: { reviewId: string; actorId: string },
  input: NewImport,
  maxBytes = MAX_UPLOAD_BYTES,
) {
  const importId = newId();
  const fileName = input.fileName.trim().slice(0, 255) || "upload";
  const key = `reviews/${scope.reviewId}/imports/${importId}/${safeFileName(fileName)}`;
  // pipeline, not pipe: an aborted upload must fail the store instead of leaving it waiting for the end.
  const limited = pipeline(input.body, sizeLimit(maxBytes), () => {});
  try {
    const { bytes } = await deps.storage.put(key, limited);
    if (bytes === 0) throw new AppError("INVALID_INPUT", "This file is empty.");
    return await deps.db.$transaction(async (tx) => {
      const source = await sourceFor(tx, scope.reviewId, input.source);
      const created = await tx.import.create({
        data: {
          id: importId,
          reviewId: scope.reviewId,
          sourceId: source.id,
          fileName,
          fileKey: key,
          byteSize: bytes,
          requestedFormat: input.requestedFormat ?? null,
          createdById: scope.actorId,
        },
      });
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.actorId,
        action: "import.queued",
        entityType: "import",
        entityId: importId,
        data: { fileName, bytes, source: source.name },
      });
      await deps.enqueueImport(tx, importId);
      return created;
    });
  } catch (err) {
    await deps.storage.delete(key).catch(() => {});
    throw err;
  }
}
