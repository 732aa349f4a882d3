// Measures, inside the import's own transaction (where its records are already written but seen by nobody else),
// how many of them the review holds already. DOIs and PMIDs are compared in SQL through their indexes; titles and
// years in Node with de-duplication's normalisation, and only when the identifiers have not settled the answer.
import type pg from "pg";
import { type DuplicateCheck, mostlyPresent, titleYearKey } from "./overlap";

const SHOWN_IMPORTS = 5;

interface Incoming {
  id: string;
  /** The earlier import a record with its DOI or PMID came from ("" for a record without one), or null. */
  by_id: string | null;
  title: string | null;
  year: number | null;
}

/** The question to ask when the import's records are mostly present already, else null. */
export async function measureOverlap(
  client: pg.ClientBase,
  scope: { reviewId: string; importId: string },
): Promise<DuplicateCheck | null> {
  const { reviewId, importId } = scope;
  const earlier = await client.query(
    `SELECT 1 FROM records WHERE review_id = $1 AND import_id IS DISTINCT FROM $2 LIMIT 1`,
    [reviewId, importId],
  );
  if (earlier.rowCount === 0) return null;
  const { rows } = await client.query<Incoming>(
    `SELECT n.id, coalesce(
              (SELECT coalesce(o.import_id, '') FROM records o WHERE n.doi IS NOT NULL AND o.review_id = $1
                  AND o.doi = n.doi AND o.import_id IS DISTINCT FROM $2 LIMIT 1),
              (SELECT coalesce(o.import_id, '') FROM records o WHERE n.pmid IS NOT NULL AND o.review_id = $1
                  AND o.pmid = n.pmid AND o.import_id IS DISTINCT FROM $2 LIMIT 1)) AS by_id,
            n.title, n.year
       FROM records n WHERE n.import_id = $2`,
    [reviewId, importId],
  );
  const total = rows.length;
  const matchedBy = new Map<string, string>();
  for (const r of rows) if (r.by_id !== null) matchedBy.set(r.id, r.by_id);
  const unmatched = rows.filter((r) => r.by_id === null && r.year !== null && r.title);
  // Even if every record left had a title twin, the file would not be mostly present: nothing to ask.
  if (!mostlyPresent(matchedBy.size + unmatched.length, total)) return null;
  if (!mostlyPresent(matchedBy.size, total)) {
    const wanted = new Map<string, string[]>();
    for (const r of unmatched) {
      const key = titleYearKey(r.title!, r.year);
      if (key) wanted.set(key, [...(wanted.get(key) ?? []), r.id]);
    }
    const years = [...new Set(unmatched.map((r) => r.year!))];
    const existing = await client.query<{ title: string; year: number; import_id: string | null }>(
      `SELECT title, year, import_id FROM records
        WHERE review_id = $1 AND import_id IS DISTINCT FROM $2 AND year = ANY($3::int[])`,
      [reviewId, importId, years],
    );
    for (const o of existing.rows) {
      const key = titleYearKey(o.title, o.year);
      const ids = key && wanted.get(key);
      if (!ids) continue;
      for (const id of ids) matchedBy.set(id, o.import_id ?? "");
      wanted.delete(key);
    }
  }
  if (!mostlyPresent(matchedBy.size, total)) return null;
  return { reason: "overlap", matched: matchedBy.size, total, imports: await namedImports(client, matchedBy) };
}

async function namedImports(client: pg.ClientBase, matchedBy: Map<string, string>) {
  const perImport = new Map<string, number>();
  for (const importId of matchedBy.values()) perImport.set(importId, (perImport.get(importId) ?? 0) + 1);
  const ids = [...perImport.keys()].filter(Boolean);
  const { rows } = await client.query<{ id: string; file_name: string; source: string; created_at: Date }>(
    `SELECT i.id, i.file_name, s.name AS source, i.created_at FROM imports i JOIN sources s ON s.id = i.source_id
      WHERE i.id = ANY($1::text[])`,
    [ids],
  );
  return rows
    .map((r) => ({
      id: r.id,
      fileName: r.file_name,
      source: r.source,
      createdAt: r.created_at.toISOString(),
      records: perImport.get(r.id)!,
    }))
    .sort((a, b) => b.records - a.records || a.fileName.localeCompare(b.fileName))
    .slice(0, SHOWN_IMPORTS);
}
