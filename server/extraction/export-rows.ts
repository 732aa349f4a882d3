// Extraction data as spreadsheet rows: wide (one row per study and extraction, single-value fields as columns)
// and long (one row per value of a repeating group). Cells are strings or numbers; CSV text is built here too.
import { safeCell } from "../spreadsheet/safe-cell";
import { formatFieldValue, type NumberWithUnit } from "./field-value";
import type { FormDefinition, FormField } from "./form-definition";
import { referenceText } from "./references";

export interface ExportExtraction {
  studyId: string;
  studyLabel: string;
  /** "consensus" or the extractor's name. */
  source: string;
  formVersion: number;
  values: { fieldId: string; instanceKey: string; value: unknown }[];
}

/** What a sheet needs besides the values: the review's outcome names, for result rows that name an outcome. */
export interface SheetContext {
  outcomeNames: ReadonlyMap<string, string>;
}
const NO_CONTEXT: SheetContext = { outcomeNames: new Map() };

export type Cell = string | number | null;
export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

/**
 * A number with unit becomes two cells (number, unit) so the numbers stay numbers in a spreadsheet; an arm or an
 * outcome is written as its name.
 */
function cells(def: FormDefinition, field: FormField, value: unknown, e: ExportExtraction, ctx: SheetContext): Cell[] {
  if (field.type === "number_unit") {
    const v = value as NumberWithUnit | null | undefined;
    return [v?.value ?? null, v ? v.unit : null];
  }
  if (field.type === "integer" || field.type === "decimal") return [typeof value === "number" ? value : null];
  const text = referenceText(def, field, value, e.values, ctx.outcomeNames) ?? formatFieldValue(field, value);
  return [text === "" ? null : text];
}

function headers(field: FormField): string[] {
  return field.type === "number_unit" ? [field.label, `${field.label} (unit)`] : [field.label];
}

const STUDY_COLUMNS = ["Study id", "Study", "Extraction", "Form version"];

function studyCells(e: ExportExtraction): Cell[] {
  return [e.studyId, e.studyLabel, e.source, e.formVersion];
}

export function wideSheet(def: FormDefinition, extractions: ExportExtraction[], ctx: SheetContext = NO_CONTEXT): Sheet {
  const fields = def.sections.filter((s) => !s.repeat).flatMap((s) => s.fields);
  const rows = extractions.map((e) => {
    const byField = new Map(e.values.filter((v) => v.instanceKey === "").map((v) => [v.fieldId, v.value]));
    return [...studyCells(e), ...fields.flatMap((f) => cells(def, f, byField.get(f.id), e, ctx))];
  });
  return { name: "Studies", header: [...STUDY_COLUMNS, ...fields.flatMap(headers)], rows };
}

export function longSheet(def: FormDefinition, extractions: ExportExtraction[], ctx: SheetContext = NO_CONTEXT): Sheet {
  const rows: Cell[][] = [];
  for (const e of extractions) {
    for (const section of def.sections.filter((s) => s.repeat)) {
      // Items are numbered within their own section, so a study's third result is "3" whatever the arms hold.
      const fieldIds = new Set(section.fields.map((f) => f.id));
      const instances = [
        ...new Set(e.values.filter((v) => v.instanceKey !== "" && fieldIds.has(v.fieldId)).map((v) => v.instanceKey)),
      ].sort();
      instances.forEach((instanceKey, index) => {
        for (const field of section.fields) {
          const value = e.values.find((v) => v.fieldId === field.id && v.instanceKey === instanceKey)?.value;
          if (value === undefined || value === null) continue;
          const [first, unit] = cells(def, field, value, e, ctx);
          rows.push([...studyCells(e), section.title, index + 1, field.id, field.label, first ?? null, unit ?? null]);
        }
      });
    }
  }
  return {
    name: "Repeating groups",
    header: [...STUDY_COLUMNS, "Section", "Item", "Field id", "Field", "Value", "Unit"],
    rows,
  };
}

function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = safeCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends; formula-like text is neutralised. */
export function toCsv(sheet: Sheet): string {
  return `${[sheet.header, ...sheet.rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
