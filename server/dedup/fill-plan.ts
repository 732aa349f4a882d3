// Which empty fields of a kept record a group merge fills, and from which merged record. Pure: the merge loads the
// records, asks for the plan and writes it with its audit events.

/** The Record fields a merge may fill: bibliographic detail that one source has and another left out. */
export const FILLABLE_FIELDS = [
  "abstract",
  "authors",
  "year",
  "journal",
  "volume",
  "issue",
  "pages",
  "doi",
  "pmid",
  "pmcid",
  "keywords",
  "type",
  "language",
  "url",
] as const;

export type FillableField = (typeof FILLABLE_FIELDS)[number];
export type FillValue = string | number | string[];

export type FillableRecord = { id: string } & { [F in FillableField]: FillValue | null };

export interface PlannedFill {
  field: FillableField;
  donorId: string;
  value: FillValue;
}

/** Empty as a reader sees it: nothing, blank text, or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every((v) => typeof v !== "string" || v.trim() === "");
  return typeof value === "string" && value.trim() === "";
}

/**
 * Every field the kept record lacks, taken from the first donor that has it. `donors` come in the order the
 * kept-record rule ranks them (most complete first), so a field comes from the most complete record that has it
 * and, where several fields are missing, mostly from one record rather than a patchwork.
 */
export function planFills(kept: FillableRecord, donors: readonly FillableRecord[]): PlannedFill[] {
  const fills: PlannedFill[] = [];
  for (const field of FILLABLE_FIELDS) {
    if (!isEmptyValue(kept[field])) continue;
    const donor = donors.find((d) => d.id !== kept.id && !isEmptyValue(d[field]));
    if (donor) fills.push({ field, donorId: donor.id, value: donor[field]! });
  }
  return fills;
}

/** What a field holds once its fill is taken back. */
export function emptyValueOf(field: FillableField): "" | [] | null {
  if (field === "abstract") return "";
  if (field === "authors" || field === "keywords") return [];
  return null;
}

/** Whether the field still holds what the fill wrote (so nobody changed it since and undo may clear it). */
export function stillFilled(current: unknown, filled: unknown): boolean {
  return JSON.stringify(current ?? null) === JSON.stringify(filled ?? null);
}
