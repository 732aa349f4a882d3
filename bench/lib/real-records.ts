// Real bibliographic material from the shared fixtures, as seeds for the synthetic de-duplication set: one
// record per distinct work from the labelled sets, a Zotero library (with DOIs, PMIDs and journal
// abbreviations) and a screening set's titles and authors.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { FIXTURES, readLabelledSet } from "./dedup-sets";

export interface SeedWork {
  title: string;
  /** "Surname, Given" */
  authors: string[];
  year: number | null;
  journal: string | null;
  journalAbbreviation: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
}

type Row = Record<string, string>;
const readCsv = (file: string): Row[] =>
  parse(readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
  });
const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const yearOf = (s: string | undefined) => {
  const m = /(1[89]|20)\d{2}/.exec(s ?? "");
  return m ? Number(m[0]) : null;
};

function fromLabelledSets(): SeedWork[] {
  const root = path.join(FIXTURES, "dedup");
  if (!existsSync(root)) return [];
  const works: SeedWork[] = [];
  for (const dir of readdirSync(root).sort()) {
    const set = readLabelledSet(path.join(root, dir));
    const seenGroups = new Set<number>();
    for (const r of set.records) {
      const group = set.groupOf.get(r.id);
      if (group !== undefined) {
        if (seenGroups.has(group)) continue;
        seenGroups.add(group);
      }
      if (!r.title) continue;
      works.push({ ...r, journalAbbreviation: null });
    }
  }
  return works;
}

function fromZotero(): SeedWork[] {
  const file = path.join(FIXTURES, "exports/asysd/zotero_export.csv");
  if (!existsSync(file)) return [];
  return readCsv(file)
    .filter((row) => /[a-z]{3}/i.test(row["Title"] ?? ""))
    .map((row) => ({
      title: row["Title"]!.trim(),
      authors: (row["Author"] ?? "")
        .split(";")
        .map((a) => a.trim())
        .filter(Boolean),
      year: yearOf(row["Publication Year"]),
      journal: orNull(row["Publication Title"]),
      journalAbbreviation: orNull(row["Journal Abbreviation"]),
      volume: orNull(row["Volume"]),
      issue: orNull(row["Issue"]),
      pages: orNull(row["Pages"]),
      doi: orNull(row["DOI"])?.toLowerCase() ?? null,
      pmid: /PMID:\s*(\d+)/.exec(row["Extra"] ?? "")?.[1] ?? null,
    }));
}

/** "R. L. Whistler and W. C. Lake" → ["Whistler, R. L.", "Lake, W. C."] */
function invertNames(list: string): string[] {
  return list
    .split(/\s+and\s+|;\s*/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => {
      if (n.includes(",")) return n;
      const parts = n.split(/\s+/);
      return parts.length > 1 ? `${parts[parts.length - 1]}, ${parts.slice(0, -1).join(" ")}` : n;
    });
}

function fromScreeningSet(): SeedWork[] {
  const file = path.join(FIXTURES, "screening/Bannach-Brown_2019.csv");
  if (!existsSync(file)) return [];
  return readCsv(file)
    .filter((row) => /[a-z]{3}/i.test(row["title"] ?? ""))
    .map((row) => ({
      title: row["title"]!.trim(),
      authors: invertNames(row["authors"] ?? ""),
      year: yearOf(row["year"]),
      journal: null,
      journalAbbreviation: null,
      volume: null,
      issue: null,
      pages: null,
      doi: null,
      pmid: null,
    }));
}

export function readSeedWorks(): SeedWork[] {
  return [...fromLabelledSets(), ...fromZotero(), ...fromScreeningSet()];
}
