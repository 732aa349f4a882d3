// What a value of each field type looks like, checked on the way in and rendered on the way out.
import type { FormField } from "./form-definition";

export type NumberWithUnit = { value: number; unit: string };
export type FieldValue = string | number | string[] | NumberWithUnit;

const YES_NO_UNCLEAR = ["yes", "no", "unclear"] as const;
export const YES_NO_UNCLEAR_LABELS: Record<(typeof YES_NO_UNCLEAR)[number], string> = {
  yes: "Yes",
  no: "No",
  unclear: "Unclear",
};

const MAX_TEXT: Partial<Record<FormField["type"], number>> = { text: 2_000, long_text: 50_000 };
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export class FieldValueError extends Error {}

function fail(field: FormField, needs: string): never {
  throw new FieldValueError(`"${field.label}" needs ${needs}.`);
}

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  return day >= 1 && day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

/**
 * Checks a value against its field and returns it in stored form; null means empty (nothing to store).
 * Throws FieldValueError with a message naming the field.
 */
export function normaliseFieldValue(field: FormField, raw: unknown): FieldValue | null {
  if (raw === null || raw === undefined) return null;
  switch (field.type) {
    case "text":
    case "long_text": {
      if (typeof raw !== "string") fail(field, "text");
      const text = raw.trim();
      if (text.length > MAX_TEXT[field.type]!) fail(field, `at most ${MAX_TEXT[field.type]} characters`);
      return text === "" ? null : text;
    }
    case "integer":
      if (typeof raw !== "number" || !Number.isSafeInteger(raw)) fail(field, "a whole number");
      return raw;
    case "number_unit": {
      if (typeof raw !== "object" || Array.isArray(raw)) fail(field, "a number with a unit");
      const { value, unit } = raw as Record<string, unknown>;
      if (typeof value !== "number" || !Number.isFinite(value)) fail(field, "a number");
      const u = typeof unit === "string" ? unit.trim() : "";
      if (unit !== undefined && typeof unit !== "string") fail(field, "a unit written as text");
      if (field.units.length > 0 && !field.units.includes(u)) fail(field, `one of the units ${field.units.join(", ")}`);
      if (u.length > 40) fail(field, "a unit of at most 40 characters");
      return { value, unit: u };
    }
    case "date": {
      if (typeof raw !== "string") fail(field, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      const text = raw.trim();
      if (text === "") return null;
      if (!validDate(text)) fail(field, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      return text;
    }
    case "single_choice":
      if (typeof raw !== "string" || !field.options.some((o) => o.id === raw)) fail(field, "one of its options");
      return raw;
    case "multiple_choice": {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== "string" || !field.options.some((o) => o.id === v))) {
        fail(field, "a selection of its options");
      }
      const chosen = new Set(raw as string[]);
      // Stored in the form's option order, so two extractors ticking the same boxes store the same value.
      const ordered = field.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
      return ordered.length === 0 ? null : ordered;
    }
    case "yes_no_unclear":
      if (typeof raw !== "string" || !(YES_NO_UNCLEAR as readonly string[]).includes(raw))
        fail(field, "yes, no or unclear");
      return raw;
    case "decimal":
      if (typeof raw !== "number" || !Number.isFinite(raw)) fail(field, "a number");
      return raw;
    case "arm_ref":
    case "outcome_ref":
      // Which arm or outcome is checked against the extraction and the review's list (references.ts).
      if (typeof raw !== "string" || raw.length > 64) fail(field, field.type === "arm_ref" ? "an arm" : "an outcome");
      return raw === "" ? null : raw;
  }
}

function optionLabel(field: FormField, id: string): string {
  return field.options.find((o) => o.id === id)?.label ?? id;
}

/** The value as a person reads it (screens, spreadsheets); "" for empty. */
export function formatFieldValue(field: FormField, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (field.type) {
    case "single_choice":
      return optionLabel(field, String(value));
    case "multiple_choice":
      return Array.isArray(value) ? value.map((v) => optionLabel(field, String(v))).join("; ") : String(value);
    case "yes_no_unclear":
      return YES_NO_UNCLEAR_LABELS[value as keyof typeof YES_NO_UNCLEAR_LABELS] ?? String(value);
    case "number_unit": {
      const { value: n, unit } = value as NumberWithUnit;
      return unit ? `${n} ${unit}` : String(n);
    }
    default:
      return String(value);
  }
}

/** Whether two stored values say the same thing (text compared without case or spacing differences). */
export function sameValue(field: FormField, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (field.type === "text" || field.type === "long_text") {
    const fold = (v: unknown) => String(v).replace(/\s+/g, " ").trim().toLowerCase();
    return fold(a) === fold(b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
