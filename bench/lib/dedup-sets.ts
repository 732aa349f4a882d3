// Reads a labelled de-duplication set and scores a merge plan against its truth. Two layouts:
// - groups (records_pre_merged.csv + merged_record_ids.csv, the CoLRev bib-dedupe layout), scored with the
//   definitions the issue fixed: D = Σ (group size − 1); a removed record is a true positive when the record
//   it merged into is in its truth group;
// - kept/trash (one CSV with a `label` column, ASySD's test layout): each record is either the one a person
//   kept (`In_database`) or a duplicate of some kept record (`Duplicate_in_trash`), with no group ids. A
//   cluster holding k > 1 kept records is then k − 1 false merges, the other removals are right, D is the
//   number of trashed records and the unique records are the kept ones. ASySD's set carries two such
//   columns: `label` (In_database / Duplicate_in_trash) and `source` (unique / duplicate); `truth` picks one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { CandidatePair, DedupRecord, Removal } from "../../server/dedup/types";
import { UnionFind } from "../../server/dedup/union-find";
import { findNctIds, normaliseDoi } from "../../server/import/normalise";

export const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures");

export interface LabelledSet {
  records: DedupRecord[];
  /** Record id → index of its truth group; records in no group are singletons. Empty for a kept/trash set. */
  groupOf: Map<string, number>;
  /** Kept/trash sets only: the records a person kept, one per document. */
  kept?: ReadonlySet<string>;
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
    // As an import stores it: the DOI found in the field, %-escapes decoded ("doi 10.1/x", "artn 106 10.1/x").
    doi: normaliseDoi(column(row, "doi")),
    pmid: column(row, "pmid", "pubmed_id"),
    nctIds: findNctIds(title, abstract),
    type: column(row, "entrytype", "type"),
    abstract,
  };
}

/** Whether `dir` holds a set in either layout. */
export function isLabelledSet(dir: string): boolean {
  return entries(dir).includes("records_pre_merged.csv") || keptTrashFile(dir) !== null;
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function keptTrashFile(dir: string): string | null {
  for (const name of entries(dir)) {
    if (!name.endsWith(".csv")) continue;
    const header = readFileSync(path.join(dir, name), "utf8").slice(0, 2000).split(/\r?\n/)[0]!.toLowerCase();
    if (/(^|,)"?label"?(,|$)/.test(header)) return path.join(dir, name);
  }
  return null;
}

/** Either layout, by what the directory holds. */
export function readLabelledSet(dir: string, truth?: KeptTrashColumn): LabelledSet {
  return entries(dir).includes("records_pre_merged.csv") ? readGroupedSet(dir) : readKeptTrashSet(dir, truth);
}

/**
 * ASySD's export writes "NA" for an empty field and runs the authors together, each ending in the full stop
 * of its initials ("Adeli K.Lewis G. F."); a full stop followed directly by a letter starts the next name.
 */
function keptTrashRecord(row: Row): DedupRecord {
  const present: Row = {};
  for (const [key, value] of Object.entries(row)) if (value && value.trim() !== "NA") present[key] = value;
  const authors = present.author ?? "";
  if (authors && !/\s+and\s+/.test(authors))
    present.author = authors
      .split(/(?<=\.)(?=\p{L})/u)
      .map((a) => a.trim())
      .join(" and ");
  return recordFromRow({ ...present, id: present.record_id ?? "" }, "");
}

/** The kept/trash columns a set may carry, and the value that marks a kept record and a duplicate. */
export const KEPT_TRASH_COLUMNS = {
  label: ["In_database", "Duplicate_in_trash"],
  source: ["unique", "duplicate"],
} as const;
export type KeptTrashColumn = keyof typeof KEPT_TRASH_COLUMNS;

/** Which kept/trash columns the set in `dir` carries (none for a grouped set). */
export function keptTrashColumns(dir: string): KeptTrashColumn[] {
  const file = keptTrashFile(dir);
  if (!file) return [];
  const header = readFileSync(file, "utf8").slice(0, 2000).split(/\r?\n/)[0]!.toLowerCase();
  return (Object.keys(KEPT_TRASH_COLUMNS) as KeptTrashColumn[]).filter((c) =>
    new RegExp(`(^|,)"?${c}"?(,|$)`).test(header),
  );
}

export function readKeptTrashSet(dir: string, truth: KeptTrashColumn = "label"): LabelledSet {
  const file = keptTrashFile(dir);
  if (!file) throw new Error(`${dir}: no CSV with a label column`);
  const rows: Row[] = parse(readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const records = rows.map(keptTrashRecord);
  const kept = new Set<string>();
  let truthDuplicates = 0;
  const [keptValue, trashValue] = KEPT_TRASH_COLUMNS[truth];
  rows.forEach((row, i) => {
    const value = column(row, truth);
    if (value === keptValue) kept.add(records[i]!.id);
    else if (value === trashValue) truthDuplicates++;
    else throw new Error(`${file}: row ${i + 2} has ${truth} ${value ?? "(none)"}`);
  });
  return { records, groupOf: new Map(), kept, truthDuplicates };
}

function readGroupedSet(dir: string): LabelledSet {
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

/**
 * Whether a pair is truly one document: in one truth group, or (kept/trash sets, which name no groups) not
 * two records a person kept.
 */
export function sameDocument(set: LabelledSet, aId: string, bId: string): boolean {
  if (set.kept) return !(set.kept.has(aId) && set.kept.has(bId));
  const group = set.groupOf.get(aId);
  return group !== undefined && group === set.groupOf.get(bId);
}

/**
 * The review pairs decided as a person who knows the truth would: merged when the records are one document.
 * A kept/trash set names no groups, so a pair is also refused when merging it would put two kept records into
 * one cluster (strongest pairs first, over the automatic merges).
 */
export function decideRightly(pairs: readonly CandidatePair[], set: LabelledSet): CandidatePair[] {
  const position = new Map(set.records.map((r, i) => [r.id, i]));
  const clusters = new UnionFind(set.records.length);
  const keptIn: number[] = set.records.map((r) => (set.kept?.has(r.id) ? 1 : 0));
  const join = (p: CandidatePair) => {
    const a = clusters.find(position.get(p.aId)!);
    const b = clusters.find(position.get(p.bId)!);
    if (a === b) return true;
    if (keptIn[a]! + keptIn[b]! > 1) return false;
    clusters.union(a, b);
    keptIn[clusters.find(a)] = keptIn[a]! + keptIn[b]!;
    return true;
  };
  for (const p of pairs) if (p.decision === "merge") join(p);
  const review = pairs.filter((p) => p.decision === "review").sort((x, y) => y.score - x.score);
  const accepted = new Set<CandidatePair>();
  for (const p of review) if (sameDocument(set, p.aId, p.bId) && (!set.kept || join(p))) accepted.add(p);
  return pairs.map((p) => (accepted.has(p) ? { ...p, decision: "merge" as const } : p));
}

/** The figures of a merge plan on a set of either layout. */
export function scoreSet(removals: readonly Removal[], set: LabelledSet): MergeFigures {
  return set.kept
    ? scoreKeptTrash(removals, set.kept, set.records.length, set.truthDuplicates)
    : scoreRemovals(removals, set.groupOf, set.records.length, set.truthDuplicates);
}

export function scoreKeptTrash(
  removals: readonly Removal[],
  kept: ReadonlySet<string>,
  records: number,
  truthDuplicates: number,
): MergeFigures {
  const clusters = new Map<string, Set<string>>();
  for (const r of removals) {
    const members = clusters.get(r.keptId) ?? new Set([r.keptId]);
    members.add(r.removedId);
    clusters.set(r.keptId, members);
  }
  let fp = 0;
  for (const members of clusters.values()) {
    let keptMembers = 0;
    for (const id of members) if (kept.has(id)) keptMembers++;
    fp += Math.max(0, keptMembers - 1);
  }
  const tp = removals.length - fp;
  const unique = records - truthDuplicates;
  return {
    removed: removals.length,
    tp,
    fp,
    sensitivity: truthDuplicates ? percent(tp / truthDuplicates) : 100,
    specificity: unique ? percent(1 - fp / unique) : 100,
  };
}

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
