// Writes one review as a bundle: read inside one REPEATABLE READ snapshot, so a bundle taken while people work
// is still consistent, and fetched through server-side cursors, so memory does not grow with the review. The
// stored files the rows point at follow the rows, streamed from storage piece by piece.

import { PassThrough, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type pg from "pg";
import { AppError } from "../../errors/app-error";
import type { FileStorage } from "../../storage/file-storage";
import { siftVersion } from "../sift-version";
import { emitFile, referencedFiles } from "./bundle-files";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleHeader, type BundleLine } from "./bundle-format";
import { type BundlePlan, scopeCondition, USERS_TABLE } from "./bundle-plan";
import { appliedMigrations, currentPlan } from "./bundle-source";

const BATCH = 1000;

export interface BundleProgress {
  total: number;
  done: number;
}

async function countRows(client: pg.ClientBase, plan: BundlePlan, reviewId: string): Promise<number> {
  let total = 0;
  for (const table of plan.tables) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "${table.name}" t WHERE ${scopeCondition(plan, table.name)}`,
      [reviewId],
    );
    total += rows[0].n as number;
  }
  return total;
}

async function referencedUsers(client: pg.ClientBase, plan: BundlePlan, reviewId: string) {
  const selects = plan.tables.flatMap((table) =>
    table.foreignKeys
      .filter((fk) => fk.refTable === USERS_TABLE && fk.columns.length === 1)
      .map(
        (fk) => `SELECT t."${fk.columns[0]}" AS id FROM "${table.name}" t WHERE ${scopeCondition(plan, table.name)}`,
      ),
  );
  if (selects.length === 0) return [];
  const { rows } = await client.query<{ id: string; email: string; name: string }>(
    `SELECT u.id, u.email, u.name FROM users u WHERE u.id IN (${selects.join(" UNION ")}) ORDER BY u.email`,
    [reviewId],
  );
  return rows;
}

/**
 * Streams the bundle of `reviewId` into `out` (gzipped), with the files its rows point at read from `storage`.
 * `client` must be a connection of its own: the snapshot transaction is opened and closed here. Progress counts
 * rows and files.
 */
export async function writeBundle(
  client: pg.ClientBase,
  storage: FileStorage,
  reviewId: string,
  out: Writable,
  onProgress: (p: BundleProgress) => void | Promise<void> = () => {},
): Promise<{ rows: Record<string, number>; users: number; files: number }> {
  const lines = new PassThrough({ writableHighWaterMark: 1 << 20 });
  const written = pipeline(lines, createGzip(), out);
  const emit = async (line: BundleLine) => {
    // Racing the pipeline: if the destination fails, "drain" never comes and the error must end the wait.
    if (!lines.write(`${JSON.stringify(line)}\n`))
      await Promise.race([new Promise((r) => lines.once("drain", r)), written]);
  };
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const { rows: reviews } = await client.query(`SELECT id, slug, title FROM reviews WHERE id = $1`, [reviewId]);
    if (!reviews[0]) throw new AppError("NOT_FOUND", "That review does not exist.");
    const plan = await currentPlan(client);
    const files = await referencedFiles(client, plan, reviewId);
    const total = (await countRows(client, plan, reviewId)) + files.length;
    const header: BundleHeader = {
      kind: "header",
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      sift: siftVersion(),
      migrations: await appliedMigrations(client),
      exportedAt: new Date().toISOString(),
      review: reviews[0],
      tables: plan.tables.map((t) => t.name),
    };
    await emit(header);
    const users = await referencedUsers(client, plan, reviewId);
    for (const user of users) await emit({ kind: "user", user });
    const counts: Record<string, number> = {};
    let done = 0;
    await onProgress({ total, done });
    for (const table of plan.tables) {
      let count = 0;
      const order = table.primaryKeyColumns.map((c) => `x."${c}"`).join(", ") || "1";
      // The plan's columns only: derived columns (catalog.ts leaves them out) are made again where it is restored.
      const columns = Object.keys(table.columns)
        .map((c) => `t."${c}"`)
        .join(", ");
      await client.query(
        `DECLARE bundle_rows NO SCROLL CURSOR FOR SELECT to_jsonb(x) AS row FROM (SELECT ${columns} FROM "${table.name}" t WHERE ${scopeCondition(plan, table.name)}) x ORDER BY ${order}`,
        [reviewId],
      );
      for (;;) {
        const { rows } = await client.query<{ row: Record<string, unknown> }>(`FETCH ${BATCH} FROM bundle_rows`);
        for (const { row } of rows) await emit({ kind: "row", table: table.name, row });
        count += rows.length;
        done += rows.length;
        if (rows.length > 0) await onProgress({ total, done });
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE bundle_rows");
      counts[table.name] = count;
    }
    for (const file of files) {
      await emitFile(storage, file, emit);
      await onProgress({ total, done: ++done });
    }
    await emit({ kind: "end", users: users.length, rows: counts, files: files.length });
    await client.query("COMMIT");
    lines.end();
    await written;
    return { rows: counts, users: users.length, files: files.length };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    lines.destroy(err as Error);
    await written.catch(() => {});
    throw err;
  }
}
