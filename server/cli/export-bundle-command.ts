// `sift export bundle`: one review as one file, for a backup or to move it to another Sift.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import pg from "pg";
import type { Db } from "../db/client";
import { guardClient } from "../db/pg-pool";
import { writeBundle } from "../export/bundle/write-bundle";
import { reviewIdForSlug } from "../reviews/review-queries";
import { fileStorage } from "../storage/file-storage";

export async function exportBundle(
  db: Db,
  databaseUrl: string,
  options: { review: string; out?: string },
): Promise<void> {
  const reviewId = await reviewIdForSlug(db, options.review);
  const out = options.out ?? `${options.review}-${new Date().toISOString().slice(0, 10)}.sift.gz`;
  // Written beside the target and renamed at the end, so an interrupted export never leaves a half file
  // under the name a restore would be given.
  const partial = `${out}.partial`;
  const client = guardClient(new pg.Client({ connectionString: databaseUrl }), "bundle export");
  await client.connect();
  try {
    const result = await writeBundle(client, fileStorage(), reviewId, createWriteStream(partial));
    await rename(partial, out);
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        file: out,
        review: options.review,
        rows,
        people: result.users,
        files: result.files,
        tables: result.rows,
      }),
    );
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}
