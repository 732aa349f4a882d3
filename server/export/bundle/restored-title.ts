import type pg from "pg";

/**
 * The restored review's title: the original's when no review here has it (a move to a new Sift keeps its name),
 * else marked with the day of the restore, numbered if that is taken too, so two reviews of one title are never
 * confused in the reviews list. The slug differs anyway (restored-slug.ts).
 */
export function distinctTitle(title: string, taken: ReadonlySet<string>, today: Date): string {
  if (!taken.has(title)) return title;
  const marked = `${title} (restored ${today.toISOString().slice(0, 10)})`;
  if (!taken.has(marked)) return marked;
  for (let n = 2; ; n++) {
    const numbered = `${marked.slice(0, -1)}, ${n})`;
    if (!taken.has(numbered)) return numbered;
  }
}

export async function restoredTitle(client: pg.ClientBase, title: string, today = new Date()): Promise<string> {
  const { rows } = await client.query<{ title: string }>(
    `SELECT title FROM reviews WHERE title = $1 OR starts_with(title, $2)`,
    [title, `${title} (restored `],
  );
  return distinctTitle(title, new Set(rows.map((r) => r.title)), today);
}
