import type pg from "pg";
import { AppError } from "../../errors/app-error";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug asked for, refused when taken; or, when none was asked for, the original's with a number added. */
export async function restoredSlug(client: pg.ClientBase, wanted: string, explicit: boolean): Promise<string> {
  if (!SLUG.test(wanted) || wanted.length > 80) {
    throw new AppError(
      "INVALID_INPUT",
      `"${wanted}" is not a valid review handle: use lower-case letters, digits and single hyphens.`,
    );
  }
  const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM reviews WHERE slug = $1 OR slug LIKE $2`, [
    wanted,
    `${wanted}-%`,
  ]);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(wanted)) return wanted;
  if (explicit)
    throw new AppError("INVALID_INPUT", `A review with the handle "${wanted}" already exists here; choose another.`);
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
