// The raw map each record keeps beside its mapped fields, shared by the XML, BibTeX, CSV and CT.gov parsers.
import type { ParsedRecord } from "../types";

type Raw = ParsedRecord["raw"];

/** Adds a value under its field name; a field read twice becomes a list, so repeats are not lost. */
export function addRaw(raw: Raw, key: string, value: string): void {
  if (!value) return;
  const previous = raw[key];
  if (previous === undefined) raw[key] = value;
  else if (Array.isArray(previous)) previous.push(value);
  else raw[key] = [previous, value];
}

/** Every value in the map, for scans such as NCT ids that look at the whole record. */
export function allRawValues(raw: Raw): string[] {
  return Object.values(raw).flat();
}
