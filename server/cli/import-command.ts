// `sift import`: the same import and de-duplication as uploads in the browser, run in this process.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { Db } from "../db/client";
import type { SourceKind } from "../db/generated/enums.ts";
import { runDedup } from "../dedup/run-dedup";
import { createImport } from "../import/create-import";
import { parseFile } from "../import/parse-file";
import { ImportBusyError, runImport } from "../import/run-import";
import { SOURCE_KINDS, SUGGESTED_SOURCES } from "../import/sources";
import { type Diagnostic, FORMATS, type Format } from "../import/types";
import { enqueueAfterImportPg, enqueueInTransaction, jobQueue, QUEUES, stopJobQueue } from "../jobs/queue";
import { indexRecordsForSearch } from "../record-search/search-index";
import { reviewIdForSlug } from "../reviews/review-queries";
import { fileStorage } from "../storage/file-storage";
import { CliError } from "./cli-error";

export function checkFormat(value: string | undefined): Format | undefined {
  if (value === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(value))
    throw new CliError(`unknown format "${value}"; use one of ${FORMATS.join(", ")}`);
  return value as Format;
}

/** Parses only, printing one JSON line per file; exit code 1 when a file could not be read at all. */
export async function dryRun(files: string[], format?: Format): Promise<void> {
  for (const file of files) {
    try {
      const parsed = await parseFile(createReadStream(file), { format, fileName: path.basename(file) });
      let records = 0;
      let skipped = 0;
      const diagnostics: Diagnostic[] = [];
      for await (const event of parsed.events) {
        if (event.kind === "record") records++;
        else {
          skipped++;
          diagnostics.push(event.diagnostic);
        }
      }
      console.log(JSON.stringify({ file, format: parsed.format, records, skipped, diagnostics }));
    } catch (err) {
      process.exitCode = 1;
      console.log(JSON.stringify({ file, error: (err as Error).message }));
    }
  }
}

async function waitUntilFinished(db: Db, importId: string) {
  for (;;) {
    const imp = await db.import.findUniqueOrThrow({ where: { id: importId } });
    if (imp.status !== "queued" && imp.status !== "running") return imp;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function importFiles(
  db: Db,
  pool: pg.Pool,
  options: {
    review: string;
    source: string;
    sourceKind?: string;
    format?: Format;
    actorEmail?: string;
    /** Import even a file the review holds already, instead of leaving it waiting for a lead's answer. */
    allowDuplicate?: boolean;
  },
  files: string[],
): Promise<void> {
  const reviewId = await reviewIdForSlug(db, options.review);
  const kind = (options.sourceKind ??
    SUGGESTED_SOURCES.find((s) => s.name.toLowerCase() === options.source.toLowerCase())?.kind ??
    "database") as SourceKind;
  if (!SOURCE_KINDS.includes(kind))
    throw new CliError(`unknown source kind "${kind}"; use one of ${SOURCE_KINDS.join(", ")}`);
  const actor = options.actorEmail
    ? await db.user.findUnique({ where: { email: options.actorEmail.toLowerCase() } })
    : await db.membership
        .findFirst({ where: { reviewId, role: "owner", removedAt: null }, orderBy: { createdAt: "asc" } })
        .then((m) => m && db.user.findUnique({ where: { id: m.userId } }));
  if (!actor) throw new CliError("no user to attribute the import to; pass --as EMAIL");
  const storage = fileStorage();
  await jobQueue();
  try {
    for (const file of files) {
      await stat(file).catch(() => {
        throw new CliError(`no such file: ${file}`);
      });
      const created = await createImport(
        { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
        { reviewId, actorId: actor.id },
        {
          fileName: path.basename(file),
          body: createReadStream(file),
          source: { name: options.source, kind },
          requestedFormat: options.format,
          allowDuplicate: options.allowDuplicate,
        },
      );
      // Run it here; if a running Sift's worker took the job first, wait for it instead.
      await runImport({ db, pool, storage, enqueueAfterImport: enqueueAfterImportPg }, created.id).catch((err) => {
        if (!(err instanceof ImportBusyError)) throw err;
      });
      const done = await waitUntilFinished(db, created.id);
      const dedup = done.status === "succeeded" ? await runDedup(db, created.id) : null;
      if (done.status === "succeeded") await indexRecordsForSearch(db, { importId: created.id });
      if (done.status !== "succeeded") process.exitCode = 1;
      // The review holds this file already: it waits for a lead's answer on the Import screen.
      const asked =
        done.status === "awaiting_confirmation"
          ? {
              error:
                "the review holds this file already; answer on the Import screen, or import with --allow-duplicate",
              duplicateCheck: done.duplicateCheck,
            }
          : {};
      console.log(
        JSON.stringify({
          file,
          importId: created.id,
          status: done.status,
          format: done.format,
          records: done.recordCount,
          skipped: done.skippedCount,
          ...(done.error ? { error: done.error } : {}),
          ...asked,
          ...(dedup ? { duplicatesMerged: dedup.merged, pairsToReview: dedup.toReview } : {}),
        }),
      );
    }
  } finally {
    await stopJobQueue();
  }
}
