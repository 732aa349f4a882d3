// ClinicalTrials.gov registry records: the API v2 JSON download ({"studies": [...]}, or one study) and the
// CSV download of the search page. A registration has no authors or journal; its sponsor stays in raw.
import { cleanText, emptyRecord, findNctIds, parseYear } from "../normalise";
import type { ParsedRecord, ParseEvent, Parser } from "../types";
import { cellValue, normaliseHeader } from "./csv-columns";
import { tableRows } from "./csv-rows";
import { ctgovStudies } from "./ctgov-json-split";
import { unique } from "./field-values";
import { addRaw } from "./raw-fields";

const STUDY_URL = "https://clinicaltrials.gov/study/";

interface Registration {
  nctId: string;
  title: string;
  summary: string;
  /** First posted, else start date. */
  dates: string[];
  keywords: string[];
  /** Aliases, the sponsor's id, secondary ids: where an older or merged NCT number may be. */
  otherIds: string[];
  url?: string;
}

function registryRecord(registration: Registration, raw: ParsedRecord["raw"]): ParsedRecord {
  const record = emptyRecord();
  const nctId = registration.nctId.trim().toUpperCase();
  record.title = cleanText(registration.title);
  record.abstract = cleanText(registration.summary);
  record.year = registration.dates.map(parseYear).find((year) => year !== null) ?? null;
  record.keywords = unique(registration.keywords.map(cleanText).filter(Boolean));
  record.type = "registry-entry";
  record.url = registration.url || (nctId ? STUDY_URL + nctId : null);
  record.nctIds = findNctIds(nctId, registration.otherIds, record.title, record.abstract);
  record.raw = raw;
  return record;
}

export const parseCtgovJson: Parser = async function* (chunks): AsyncGenerator<ParseEvent> {
  for await (const item of ctgovStudies(chunks)) {
    const outcome = "error" in item ? item.error : readStudy(item.study);
    if (typeof outcome === "string") yield { kind: "skipped", diagnostic: { line: item.line, message: outcome } };
    else yield { kind: "record", line: item.line, record: outcome };
  }
};

/** The record, or why there is none. A study nested deep enough to overflow the stack is one bad study. */
function readStudy(study: unknown): ParsedRecord | string {
  try {
    return studyRecord(study) ?? "not a study: it has no protocolSection";
  } catch (err) {
    return `unreadable study: ${(err as Error).message}`;
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  Boolean(value) && typeof value === "object" && !Array.isArray(value);
const object = (value: unknown): Json => (isObject(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const texts = (value: unknown): string[] => list(value).filter((v): v is string => typeof v === "string");

function studyRecord(study: unknown): ParsedRecord | null {
  const protocol = object(study).protocolSection;
  if (!isObject(protocol)) return null;
  const { identificationModule, statusModule, descriptionModule, conditionsModule } = object(protocol);
  const identification = object(identificationModule);
  const status = object(statusModule);
  const conditions = object(conditionsModule);
  const raw: ParsedRecord["raw"] = {};
  for (const [section, value] of Object.entries(object(study))) {
    // Results are tables of numbers, often megabytes per study: as flat paths they would say nothing.
    if (section !== "resultsSection") flattenJson(value, section, raw);
  }
  return registryRecord(
    {
      nctId: text(identification.nctId),
      title: text(identification.officialTitle) || text(identification.briefTitle),
      summary: text(object(descriptionModule).briefSummary),
      dates: [text(object(status.studyFirstPostDateStruct).date), text(object(status.startDateStruct).date)],
      keywords: [...texts(conditions.conditions), ...texts(conditions.keywords)],
      otherIds: [
        ...texts(identification.nctIdAliases),
        text(object(identification.orgStudyIdInfo).id),
        ...list(identification.secondaryIdInfos).map((secondary) => text(object(secondary).id)),
      ],
    },
    raw,
  );
}

/** Dotted paths to values; the items of a list share their path, so a repeated field becomes a list. */
function flattenJson(value: unknown, path: string, raw: ParsedRecord["raw"]): void {
  if (Array.isArray(value)) {
    for (const item of value) flattenJson(item, path, raw);
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) flattenJson(inner, `${path}.${key}`, raw);
  } else if (value !== null && value !== undefined) {
    addRaw(raw, path, String(value));
  }
}

const isCtgovHeader = (cells: string[]) => cells.some((cell) => normaliseHeader(cell) === "nct number");

export const parseCtgovCsv: Parser = async function* (chunks): AsyncGenerator<ParseEvent> {
  let columns: Map<string, number> | null = null;
  const shape = { formatName: "ClinicalTrials.gov CSV", delimiter: ",", isHeader: isCtgovHeader } as const;
  for await (const row of tableRows(chunks, shape)) {
    if ("error" in row) {
      yield { kind: "skipped", diagnostic: { line: row.line, message: row.error } };
      continue;
    }
    columns ??= new Map(row.header.map((name, index) => [normaliseHeader(name), index]));
    const values = row.cells.map(cellValue);
    if (values.every((value) => value === "")) continue;
    const get = (name: string) => values[columns!.get(name) ?? -1] ?? "";
    const raw: ParsedRecord["raw"] = {};
    for (const [index, value] of values.entries())
      addRaw(raw, cleanText(row.header[index] ?? `column ${index + 1}`), value);
    const registration: Registration = {
      nctId: get("nct number"),
      title: get("study title"),
      summary: get("brief summary"),
      dates: [get("first posted"), get("start date")],
      // The download joins list items with '|'.
      keywords: get("conditions").split("|"),
      otherIds: get("other ids").split("|"),
      url: get("study url"),
    };
    yield { kind: "record", line: row.line, record: registryRecord(registration, raw) };
  }
};
