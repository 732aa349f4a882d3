// For the import integration tests: search exports written as RIS text, uploaded, read and de-duplicated the way a
// worker would, so the records, merges and pairs the tests act on are the ones real imports make.
import { Readable } from "node:stream";
import { inject } from "vitest";
import type { Db } from "../db/client";
import { poolOf } from "../db/client";
import type { SourceKind } from "../db/generated/enums.ts";
import { runDedup } from "../dedup/run-dedup";
import { enqueueAfterImportPg, enqueueInTransaction, jobQueue, QUEUES } from "../jobs/queue";
import { indexRecordsForSearch } from "../record-search/search-index";
import { fileStorage } from "../storage/file-storage";
import { makeUser } from "../test/integration";
import { createImport } from "./create-import";
import { runImport } from "./run-import";

export interface RisRecord {
  title: string;
  year?: number;
  doi?: string;
  pmid?: string;
  authors?: string[];
  journal?: string;
}

export function ris(records: RisRecord[]): string {
  return records
    .map((r) =>
      [
        "TY  - JOUR",
        `TI  - ${r.title}`,
        ...(r.authors ?? ["Doe, J."]).map((a) => `AU  - ${a}`),
        `PY  - ${r.year ?? 2020}`,
        `JO  - ${r.journal ?? "Journal of Testing"}`,
        ...(r.doi ? [`DO  - ${r.doi}`] : []),
        ...(r.pmid ? [`PM  - ${r.pmid}`] : []),
        "ER  - ",
        "",
      ].join("\n"),
    )
    .join("\n");
}

/** The process's storage, as the API's procedures use it (a cancelled upload's file is deleted from there). */
export const storage = fileStorage();

/** Starts the job queue (uploads and confirmations queue jobs in their transactions) for the test database. */
export async function startQueue(): Promise<void> {
  process.env.DATABASE_URL = inject("databaseUrl");
  await jobQueue();
}

/** Uploads the text as a file; the import is queued, or waits for an answer when it repeats an earlier one. */
export function upload(
  db: Db,
  scope: { reviewId: string; actorId: string },
  fileName: string,
  text: string | Buffer,
  source: { name: string; kind?: SourceKind } = { name: "PubMed" },
) {
  return createImport(
    { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
    scope,
    {
      fileName,
      body: Readable.from([Buffer.from(text)]),
      source: { name: source.name, kind: source.kind ?? "database" },
    },
  );
}

/** Reads a queued import, de-duplicates it against the review and indexes it for search, as the worker's jobs would. */
export async function readImport(db: Db, importId: string) {
  const outcome = await runImport(
    { db, pool: poolOf(db), storage, enqueueAfterImport: enqueueAfterImportPg },
    importId,
  );
  if (outcome.status === "succeeded") {
    await runDedup(db, importId);
    await indexRecordsForSearch(db, { importId });
  }
  return outcome;
}

/** Upload, read and de-duplicate: the import's id. */
export async function importText(
  db: Db,
  scope: { reviewId: string; actorId: string },
  fileName: string,
  text: string,
  source?: { name: string; kind?: SourceKind },
): Promise<string> {
  const created = await upload(db, scope, fileName, text, source);
  const outcome = await readImport(db, created.id);
  if (outcome.status !== "succeeded") throw new Error(`${fileName} was not imported: ${JSON.stringify(outcome)}`);
  return created.id;
}

/** A second reviewer in the review, so records need two decisions and can conflict. */
export async function secondReviewer(db: Db, reviewId: string) {
  const user = await makeUser(db, "reviewer2");
  await db.membership.create({ data: { reviewId, userId: user.id, role: "reviewer" } });
  return user;
}
