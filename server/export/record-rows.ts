// One row per record for the records export, with the final decision at a stage: pure, from plain data.
import { recordTypeLabel } from "../shared/record-types";
import type { Cell } from "./csv";
import type { RisRecord } from "./ris-writer";

export interface RecordForExport extends RisRecord {
  id: string;
  source: string;
  /** The record's team labels, by name. */
  labels: string[];
  /** The team's notes on it, oldest first. */
  teamNotes: TeamNoteForExport[];
}

export interface TeamNoteForExport {
  author: string;
  at: Date;
  text: string;
}

/** "Ana Souza, 2026-12-07: check the dose". */
export function teamNoteLine(note: TeamNoteForExport): string {
  return `${note.author}, ${note.at.toISOString().slice(0, 10)}: ${note.text}`;
}

export interface StageResult {
  /** included, excluded, conflict, awaiting; null when there is none, or none this person may see yet. */
  status: string | null;
  reason: string | null;
  settledAt: Date | null;
  /** "agreement", "stopping rule", the lead who resolved a conflict, or "<lead> (override)". */
  settledBy: string | null;
  note: string;
}

export const RECORD_COLUMNS = [
  "sift_id",
  "title",
  "authors",
  "year",
  "journal",
  "volume",
  "issue",
  "pages",
  "doi",
  "pmid",
  "pmcid",
  "nct_ids",
  "keywords",
  "type",
  "type_label",
  "language",
  "url",
  "source",
  "abstract",
  "decision",
  "exclusion_reason",
  "decided_at",
  "decided_by",
  "resolution_note",
  "labels",
  "team_notes",
] as const;

export function recordRow(record: RecordForExport, result: StageResult): Cell[] {
  return [
    record.id,
    record.title,
    record.authors.join("; "),
    record.year,
    record.journal,
    record.volume,
    record.issue,
    record.pages,
    record.doi,
    record.pmid,
    record.pmcid,
    record.nctIds.join("; "),
    record.keywords.join("; "),
    record.type,
    recordTypeLabel(record.type),
    record.language,
    record.url,
    record.source,
    record.abstract,
    result.status ?? "",
    result.reason,
    result.settledAt,
    result.settledBy,
    result.note,
    record.labels.join("; "),
    record.teamNotes.map(teamNoteLine).join("\n"),
  ];
}

const STAGE_NAMES: Record<string, string> = { title_abstract: "title/abstract", full_text: "full text" };

/**
 * The record for a reference manager, its outcome ("Sift title/abstract: excluded (Wrong population)"), its
 * labels ("Sift labels: Animal study; Ask Ana") and each team note ("Sift team note: Ana, 2026-12-07: …") as notes.
 */
export function recordRis(record: RecordForExport, stage: string, result: StageResult): RisRecord {
  const { labels, teamNotes, ...fields } = record;
  const notes = [
    ...(result.status
      ? [`Sift ${STAGE_NAMES[stage] ?? stage}: ${result.status}${result.reason ? ` (${result.reason})` : ""}`]
      : []),
    ...(labels.length ? [`Sift labels: ${labels.join("; ")}`] : []),
    ...teamNotes.map((note) => `Sift team note: ${teamNoteLine(note)}`),
  ];
  return { ...fields, notes };
}
