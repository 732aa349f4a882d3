// Accepts an uploaded file: stores it (hashing it on the way), then records the import and queues its job in one
// transaction; or, when the review has imported the very same bytes before, records it as waiting for a lead's
// answer (server/import/confirm-import.ts) and queues nothing.
import { createHash } from "node:crypto";
import { pipeline, type Readable, Transform } from "node:stream";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { SourceKind } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import { newId } from "../shared/ids";
import { type FileStorage, safeFileName } from "../storage/file-storage";
import type { DuplicateCheck } from "./overlap";
import type { Format } from "./types";

export const MAX_UPLOAD_BYTES = Number(process.env.SIFT_MAX_UPLOAD_MB ?? 1024) * 1024 * 1024;

export interface NewImport {
  fileName: string;
  body: Readable;
  source: { name: string; kind: SourceKind };
  /** The user's choice when detection from the content should be overridden. */
  requestedFormat?: Format;
  /** Import it even if it repeats an earlier import (`sift import --allow-duplicate`): nothing is asked. */
  allowDuplicate?: boolean;
}

/**
 * Imports whose records are in the review or about to be: the same bytes again are asked about. Not one still
 * waiting for its own answer, nor a failed, cancelled or withdrawn one, whose records are not there.
 */
const REPEATABLE_STATUSES = ["queued", "running", "succeeded"] as const;

function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

async function sameFileCheck(tx: Tx, reviewId: string, sha256: string): Promise<DuplicateCheck | null> {
  // One upload at a time per review from here to the insert, so two copies sent at once are not both new.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import-file:${reviewId}`}))`;
  const same = await tx.import.findMany({
    where: { reviewId, sha256, status: { in: [...REPEATABLE_STATUSES] } },
    select: { id: true, fileName: true, createdAt: true, recordCount: true, source: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (same.length === 0) return null;
  return {
    reason: "same_file",
    matched: null,
    total: null,
    imports: same.map((i) => ({
      id: i.id,
      fileName: i.fileName,
      source: i.source.name,
      createdAt: i.createdAt.toISOString(),
      records: i.recordCount,
    })),
  };
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

/** The review's source of that name, made when new; refused when the name is taken by a source of another kind. */
export async function sourceFor(tx: Tx, reviewId: string, source: NewImport["source"]) {
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
  const hash = createHash("sha256");
  // pipeline, not pipe: an aborted upload must fail the store instead of leaving it waiting for the end.
  const limited = pipeline(input.body, sizeLimit(maxBytes), hashing(hash), () => {});
  try {
    const { bytes } = await deps.storage.put(key, limited);
    if (bytes === 0) throw new AppError("INVALID_INPUT", "This file is empty.");
    const sha256 = hash.digest("hex");
    return await deps.db.$transaction(async (tx) => {
      const source = await sourceFor(tx, scope.reviewId, input.source);
      const check = input.allowDuplicate ? null : await sameFileCheck(tx, scope.reviewId, sha256);
      const now = new Date();
      const created = await tx.import.create({
        data: {
          id: importId,
          reviewId: scope.reviewId,
          sourceId: source.id,
          fileName,
          fileKey: key,
          byteSize: bytes,
          sha256,
          requestedFormat: input.requestedFormat ?? null,
          createdById: scope.actorId,
          ...(check ? { status: "awaiting_confirmation", duplicateCheck: check as object } : {}),
          ...(input.allowDuplicate ? { confirmedAt: now } : {}),
        },
      });
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.actorId,
        action: check ? "import.needs_confirmation" : "import.queued",
        entityType: "import",
        entityId: importId,
        data: { fileName, bytes, source: source.name, sha256, ...(check ? { reason: check.reason } : {}) },
      });
      if (!check) await deps.enqueueImport(tx, importId);
      return created;
    });
  } catch (err) {
    await deps.storage.delete(key).catch(() => {});
    throw err;
  }
}
