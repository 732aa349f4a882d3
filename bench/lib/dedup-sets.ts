// Reads a labelled de-duplication set (records_pre_merged.csv + merged_record_ids.csv, the CoLRev bib-dedupe
// layout) and scores a merge plan against its truth, with the definitions the issue fixed: D = Σ (group size
// − 1); a removed record is a true positive when the record it merged into is in its truth group.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { DedupRecord, Removal } from "../../server/dedup/types";
import { findNctIds } from "../../server/import/normalise";

export const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures");

export interface LabelledSet {
  records: DedupRecord[];
  /** Record id → index of its truth group; records in no group are singletons. */
  groupOf: Map<string, number>;
  truthDuplicates: number;
}

type Row = Record<string, string>;

/** The first column whose name matches, case-insensitively; sets differ in which columns they carry. */
function column(row: Row, ...names: string[]): string | null {
  for (const name of names) {
    for (const key of Object.keys(row)) {
      if (key.toLowerCase() === name) {
        const value = row[key]?.trim();
        if (value) return value;
      }
    }
  }
  return null;
}

export function recordFromRow(row: Row, fallbackId: string): DedupRecord {
  const title = column(row, "title") ?? "";
  const abstract = column(row, "abstract");
  const year = Number.parseInt(column(row, "year") ?? "", 10);
  return {
    id: column(row, "id") ?? fallbackId,
    title,
    authors: (column(row, "author", "authors") ?? "").split(/\s+and\s+/).filter(Boolean),
    year: Number.isFinite(year) ? year : null,
    journal: column(row, "journal", "journal_title", "container_title", "secondary_title"),
    volume: column(row, "volume"),
    issue: column(row, "number", "issue"),
    pages: column(row, "pages"),
    doi: column(row, "doi")?.toLowerCase() ?? null,
    pmid: column(row, "pmid", "pubmed_id"),
    nctIds: findNctIds(title, abstract),
    type: column(row, "entrytype", "type"),
    abstract,
  };
}

export function readLabelledSet(dir: string): LabelledSet {
  const rows: Row[] = parse(readFileSync(path.join(dir, "records_pre_merged.csv")), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const records = rows.map((row, i) => recordFromRow(row, `row-${i + 1}`));
  const lines = readFileSync(path.join(dir, "merged_record_ids.csv"), "utf8").split(/\r?\n/).slice(1);
  const groupOf = new Map<string, number>();
  let truthDuplicates = 0;
  lines.forEach((line, g) => {
    const ids = line
      .replace(/"/g, "")
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length > 1) truthDuplicates += ids.length - 1;
    for (const id of ids) groupOf.set(id, g);
  });
  return { records, groupOf, truthDuplicates };
}

export interface MergeFigures {
  removed: number;
  tp: number;
  fp: number;
  sensitivity: number;
  specificity: number;
}

const percent = (x: number) => Math.round(x * 10000) / 100;

export function scoreRemovals(
  removals: readonly Removal[],
  groupOf: ReadonlyMap<string, number>,
  records: number,
  truthDuplicates: number,
): MergeFigures {
  let tp = 0;
  for (const r of removals) {
    const group = groupOf.get(r.removedId);
    if (group !== undefined && group === groupOf.get(r.keptId)) tp++;
  }
  const fp = removals.length - tp;
  const unique = records - truthDuplicates;
  return {
    removed: removals.length,
    tp,
    fp,
    sensitivity: truthDuplicates ? percent(tp / truthDuplicates) : 100,
    specificity: unique ? percent(1 - fp / unique) : 100,
  };
}
