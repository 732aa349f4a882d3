// The writing side of a bundle's files: which stored files the review's rows point at, and each one streamed
// into the bundle in base64 pieces, so a large PDF never sits whole in memory.
import { createHash } from "node:crypto";
import type pg from "pg";
import { AppError } from "../../errors/app-error";
import type { FileStorage } from "../../storage/file-storage";
import type { BundleLine } from "./bundle-format";
import { type BundlePlan, scopeCondition } from "./bundle-plan";

/** Raw bytes per chunk line: 48 KiB, a 64 KiB line once in base64. */
const CHUNK_BYTES = 48 * 1024;

export interface ReferencedFile {
  key: string;
  /** The first row pointing at it, to name in an error. */
  table: string;
  rowId: string;
}

/** Every distinct key the review's rows hold, read in the caller's snapshot so it matches the rows written. */
export async function referencedFiles(
  client: pg.ClientBase,
  plan: BundlePlan,
  reviewId: string,
): Promise<ReferencedFile[]> {
  const files = new Map<string, ReferencedFile>();
  for (const table of plan.tables) {
    for (const column of table.fileColumns) {
      const id = table.primaryKey ? `t."${table.primaryKey}"::text` : "NULL::text";
      const { rows } = await client.query<{ key: string; row_id: string | null }>(
        `SELECT t."${column}" AS key, min(${id}) AS row_id FROM "${table.name}" t
          WHERE ${scopeCondition(plan, table.name)} AND t."${column}" IS NOT NULL GROUP BY 1 ORDER BY 1`,
        [reviewId],
      );
      for (const row of rows)
        if (!files.has(row.key)) files.set(row.key, { key: row.key, table: table.name, rowId: row.row_id ?? "?" });
    }
  }
  return [...files.values()];
}

/**
 * Streams one file as its `file`, `chunk` and `file-end` lines. A file the rows name but storage lacks stops
 * the bundle: a backup silently missing a PDF would only be found out when it is needed.
 */
export async function emitFile(
  storage: FileStorage,
  file: ReferencedFile,
  emit: (line: BundleLine) => Promise<void>,
): Promise<void> {
  let body: AsyncIterable<Buffer>;
  try {
    body = await storage.get(file.key);
  } catch (err) {
    throw new AppError(
      "NOT_FOUND",
      `The file ${file.key} (of ${file.table} ${file.rowId}) cannot be read from storage (${(err as Error).message}), so the bundle would be incomplete. ` +
        "Export again if it was just replaced; otherwise attach the file again or restore it to storage first.",
    );
  }
  const hash = createHash("sha256");
  let bytes = 0;
  await emit({ kind: "file", key: file.key });
  for await (const chunk of body) {
    for (let at = 0; at < chunk.length; at += CHUNK_BYTES) {
      const piece = chunk.subarray(at, at + CHUNK_BYTES);
      hash.update(piece);
      bytes += piece.length;
      await emit({ kind: "chunk", data: piece.toString("base64") });
    }
  }
  await emit({ kind: "file-end", key: file.key, bytes, sha256: hash.digest("hex") });
}
