// Labelled screening sets as CSV (columns title, abstract, label_included; keywords if present), read for the
// prioritisation bench.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { TextRecord } from "../../server/prioritise/features";

export function readSet(file: string): { records: TextRecord[]; truth: Uint8Array } {
  const rows: Record<string, string>[] = parse(readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const records = rows.map((r) => ({
    title: r.title ?? "",
    abstract: r.abstract ?? "",
    keywords: (r.keywords ?? "").split(/[;,]/).filter(Boolean),
  }));
  const truth = Uint8Array.from(rows, (r) => (Number(r.label_included) === 1 ? 1 : 0));
  return { records, truth };
}
