// Restores a bundle as a new review, all in one transaction: a damaged or incompatible bundle leaves the
// database exactly as it was, and the stored files it carries are written under new keys and removed again if
// the restore fails. The file is read twice: once to check it whole and give every row and file its new id,
// once to insert.
import type { Readable } from "node:stream";
import type pg from "pg";
import { recordAuditEventPg } from "../../audit/record-audit-event";
import { AppError } from "../../errors/app-error";
import { indexRecordsForSearchPg } from "../../record-search/search-index";
import { newId } from "../../shared/ids";
import type { FileStorage } from "../../storage/file-storage";
import type { BundleHeader, BundleUser, Row } from "./bundle-format";
import { type BundlePlan, ROOT_TABLE, type TablePlan } from "./bundle-plan";
import { appliedMigrations, currentPlan } from "./bundle-source";
import { bundleLines, checkCompatible } from "./read-bundle";
import { BundleDamagedError, type DeferredReference, type IdMaps, remapRow } from "./remap";
import { FileSections, RestoredFiles, restoredKey } from "./restore-files";
import { restoredSlug } from "./restored-slug";
import { restoredTitle } from "./restored-title";

const BATCH = 500;

export interface RestoreOptions {
  /** The new review's slug; by default the original's, with a number added when it is taken. */
  slug?: string;
  /** Who restores it, for the audit trail. */
  actorId: string | null;
  /** An account here that becomes an owner of the restored review (needed when no owner can sign in here). */
  ownerId?: string | null;
}

export interface RestoreResult {
  reviewId: string;
  slug: string;
  title: string;
  rows: Record<string, number>;
  users: { matched: number; created: number };
  /** Files written into storage, and file keys emptied because the bundle (version 1) did not carry their files. */
  files: { restored: number; cleared: number };
}

interface Checked {
  header: BundleHeader;
  users: BundleUser[];
  rowIds: Map<string, string>;
  /** Old storage key → the new key its file is restored under. */
  fileKeys: Map<string, string>;
}

async function checkBundle(input: Readable, plan: BundlePlan, applied: string[]): Promise<Checked> {
  let header: BundleHeader | null = null;
  const users: BundleUser[] = [];
  const rowIds = new Map<string, string>();
  const counts: Record<string, number> = {};
  const referenced = new Set<string>();
  const files = new FileSections();
  let trailer: { users: number; rows: Record<string, number>; files?: number } | null = null;
  for await (const line of bundleLines(input)) {
    if (line.kind === "header") {
      header = line;
      // Before any other line: a newer bundle may hold lines this Sift does not know.
      checkCompatible(header, applied);
    } else if (!header) throw new BundleDamagedError("the bundle has no header");
    else if (line.kind === "user") users.push(line.user);
    else if (line.kind === "end") trailer = line;
    else if (line.kind === "row") {
      const table = plan.tables.find((t) => t.name === line.table);
      if (!table) throw new BundleDamagedError(`rows of ${line.table}, which this Sift does not restore`);
      counts[line.table] = (counts[line.table] ?? 0) + 1;
      if (table.primaryKey) {
        const id = line.row[table.primaryKey];
        if (typeof id !== "string" || rowIds.has(id))
          throw new BundleDamagedError(`a row of ${line.table} has a missing or repeated id`);
        // The bundle lists each table's rows in id order, so the new ids keep it (and with it import order).
        rowIds.set(id, newId());
      }
      for (const column of table.fileColumns)
        if (typeof line.row[column] === "string") referenced.add(line.row[column]);
    } else if (line.kind === "file") files.start(line.key);
    else if (line.kind === "chunk") files.chunk(line.data);
    else if (line.kind === "file-end") files.end(line);
    else throw new BundleDamagedError("the bundle has a line of an unknown kind");
  }
  files.finish();
  if (!header || !trailer) throw new BundleDamagedError("the bundle has no header or no end");
  if (
    trailer.users !== users.length ||
    Object.entries(trailer.rows).some(([t, n]) => (counts[t] ?? 0) !== n) ||
    (trailer.files ?? 0) !== files.keys.size
  ) {
    throw new BundleDamagedError("the bundle holds fewer rows or files than its end line says it should");
  }
  if ((counts[ROOT_TABLE] ?? 0) !== 1) throw new BundleDamagedError("the bundle does not hold exactly one review");
  // Version 1 carried no files: its keys are emptied on restore rather than left pointing at files of another Sift.
  if (header.version >= 2) {
    const missing = [...referenced].find((key) => !files.keys.has(key));
    if (missing) throw new BundleDamagedError(`a row points at the file ${missing}, which the bundle does not carry`);
  }
  const stray = [...files.keys].find((key) => !referenced.has(key));
  if (stray) throw new BundleDamagedError(`the bundle carries the file ${stray}, which no row points at`);
  const reviewId = rowIds.get(header.review.id);
  if (!reviewId) throw new BundleDamagedError("the bundle's review row is missing");
  const fileKeys = new Map([...files.keys].map((key) => [key, restoredKey(key, rowIds, reviewId)]));
  return { header, users, rowIds, fileKeys };
}

async function mapUsers(client: pg.ClientBase, users: BundleUser[]) {
  const map = new Map<string, string>();
  let created = 0;
  for (const user of users) {
    const email = user.email.trim().toLowerCase();
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]);
    if (rows[0]) {
      map.set(user.id, rows[0].id);
      continue;
    }
    // A placeholder keeps the person's work attributed; with no password and no single sign-on it cannot sign in.
    const id = newId();
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, $3, NULL, now())`,
      [id, email, user.name],
    );
    map.set(user.id, id);
    created++;
  }
  return { map, matched: users.length - created, created };
}

async function insertRows(client: pg.ClientBase, table: TablePlan, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const unknown = columns.filter((c) => !table.columns[c]);
  if (unknown.length)
    throw new BundleDamagedError(`${table.name} has columns this Sift does not know: ${unknown.join(", ")}`);
  const list = columns.map((c) => `"${c}"`).join(", ");
  // Columns absent from the bundle (added here later) take their defaults because they are not listed.
  await client.query(
    `INSERT INTO "${table.name}" (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::"${table.name}", $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

async function applyDeferred(client: pg.ClientBase, deferred: DeferredReference[]): Promise<void> {
  const groups = new Map<string, DeferredReference[]>();
  for (const d of deferred) {
    const key = `${d.table}\u0000${d.column}\u0000${d.primaryKey}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  for (const [key, refs] of groups) {
    const [table, column, pk] = key.split("\u0000");
    for (let i = 0; i < refs.length; i += BATCH) {
      const values = refs.slice(i, i + BATCH).map((r) => ({ id: r.id, value: r.value }));
      await client.query(
        `UPDATE "${table}" AS t SET "${column}" = v.value FROM jsonb_to_recordset($1::jsonb) AS v(id text, value text) WHERE t."${pk}" = v.id`,
        [JSON.stringify(values)],
      );
    }
  }
}

async function ensureOwner(client: pg.ClientBase, reviewId: string, ownerId: string | null | undefined): Promise<void> {
  if (ownerId) {
    await client.query(
      `INSERT INTO memberships (id, review_id, user_id, role) VALUES ($1, $2, $3, 'owner')
       ON CONFLICT (review_id, user_id) DO UPDATE SET role = 'owner', removed_at = NULL`,
      [newId(), reviewId, ownerId],
    );
    return;
  }
  const { rows } = await client.query(
    `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.review_id = $1 AND m.role = 'owner' AND m.removed_at IS NULL
        AND (u.password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM oidc_accounts o WHERE o.user_id = u.id))`,
    [reviewId],
  );
  if (rows.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      "No owner of this review can sign in to this Sift; name an account here that will own the restored review.",
    );
  }
}

/**
 * `open` is called twice and must give the same bytes each time (a file, or an object in storage); the bundle's
 * files are written into `storage`.
 */
export async function restoreBundle(
  client: pg.ClientBase,
  storage: FileStorage,
  open: () => Readable,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const plan = await currentPlan(client);
  const { header, users, rowIds, fileKeys } = await checkBundle(open(), plan, await appliedMigrations(client));
  const written = new RestoredFiles(storage);
  await client.query("BEGIN");
  try {
    const people = await mapUsers(client, users);
    const maps: IdMaps = { rows: rowIds, users: people.map };
    const slug = await restoredSlug(client, options.slug ?? header.review.slug, options.slug !== undefined);
    const title = await restoredTitle(client, header.review.title);
    const reviewId = rowIds.get(header.review.id)!;
    const bundleTables = new Set(header.tables);
    const inserted = new Set<string>();
    const deferred: DeferredReference[] = [];
    const counts: Record<string, number> = {};
    let cleared = 0;
    const files = new FileSections();
    let pending: { table: TablePlan; rows: Row[] } | null = null;
    const flush = async () => {
      if (!pending) return;
      await insertRows(client, pending.table, pending.rows);
      pending.rows = [];
    };
    for await (const line of bundleLines(open())) {
      // The bytes are checked again as they are written: the second reading must match the first.
      if (line.kind === "file") {
        const key = fileKeys.get(files.start(line.key));
        if (!key) throw new BundleDamagedError("the bundle changed between its two readings");
        written.begin(key);
      } else if (line.kind === "chunk") await written.write(files.chunk(line.data));
      else if (line.kind === "file-end") {
        files.end(line);
        await written.end();
      }
      if (line.kind !== "row") continue;
      if (pending?.table.name !== line.table) {
        await flush();
        if (pending) inserted.add(pending.table.name);
        pending = { table: plan.tables.find((t) => t.name === line.table)!, rows: [] };
      }
      const { row, deferred: later } = remapRow(pending.table, line.row, maps, inserted, bundleTables);
      if (line.table === ROOT_TABLE) Object.assign(row, { slug, title });
      for (const column of pending.table.fileColumns) {
        if (typeof row[column] !== "string") continue;
        row[column] = fileKeys.get(row[column]) ?? null;
        if (row[column] === null) cleared++;
      }
      pending.rows.push(row);
      deferred.push(...later);
      counts[line.table] = (counts[line.table] ?? 0) + 1;
      if (pending.rows.length >= BATCH) await flush();
    }
    await flush();
    await applyDeferred(client, deferred);
    await ensureOwner(client, reviewId, options.ownerId);
    // A restored review's records are found by words at once, like the original's.
    await indexRecordsForSearchPg(client, { reviewId });
    await recordAuditEventPg(client, {
      reviewId,
      actorId: options.actorId,
      action: "review.restored",
      entityType: "review",
      entityId: reviewId,
      data: {
        from: header.review.slug,
        title,
        exportedAt: header.exportedAt,
        sift: header.sift,
        rows: counts,
        usersCreated: people.created,
        files: written.count,
      },
    });
    await client.query("COMMIT");
    return {
      reviewId,
      slug,
      title,
      rows: counts,
      users: { matched: people.matched, created: people.created },
      files: { restored: written.count, cleared },
    };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    await written.discard();
    throw err;
  }
}
