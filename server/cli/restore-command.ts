// `sift restore FILE`: a bundle becomes a new review here, whole or not at all.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import pg from "pg";
import type { Db } from "../db/client";
import { guardClient } from "../db/pg-pool";
import { BundleTooNewError } from "../export/bundle/read-bundle";
import { BundleDamagedError } from "../export/bundle/remap";
import { restoreBundle } from "../export/bundle/restore-bundle";
import { fileStorage } from "../storage/file-storage";
import { CliError } from "./cli-error";

export async function restoreFile(
  db: Db,
  databaseUrl: string,
  file: string,
  options: { slug?: string; owner?: string },
): Promise<void> {
  await stat(file).catch(() => {
    throw new CliError(`no such file: ${file}`);
  });
  let ownerId: string | null = null;
  if (options.owner) {
    const owner = await db.user.findUnique({ where: { email: options.owner.trim().toLowerCase() } });
    if (!owner) throw new CliError(`no account has the email ${options.owner}; create it first with sift user create`);
    ownerId = owner.id;
  }
  const client = guardClient(new pg.Client({ connectionString: databaseUrl }), "restore");
  await client.connect();
  try {
    const result = await restoreBundle(client, fileStorage(), () => createReadStream(file), {
      slug: options.slug,
      actorId: ownerId,
      ownerId,
    });
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        review: result.slug,
        title: result.title,
        rows,
        peopleMatched: result.users.matched,
        placeholdersCreated: result.users.created,
        filesRestored: result.files.restored,
        fileKeysCleared: result.files.cleared,
      }),
    );
  } catch (err) {
    if (err instanceof BundleDamagedError)
      throw new CliError(`${file} cannot be restored: ${err.message}; nothing was written`);
    if (err instanceof BundleTooNewError) throw new CliError(`${file}: ${err.message}`);
    throw err;
  } finally {
    await client.end();
  }
}
