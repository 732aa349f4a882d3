// What the extraction and consensus screens hold while a person types, and what they send. Numbers stay text
// until sent, and text that is not a number is sent as it is so the server's message names the field.
import type { FormDefinition, FormField } from "@/server/api/contract/extraction";

export type Entry = string | string[] | { value: string; unit: string };
export type Entries = Record<string, Entry>;
export interface StoredValue {
  fieldId: string;
  instanceKey: string;
  value: unknown;
}

export const entryKey = (fieldId: string, instanceKey: string) => `${fieldId}|${instanceKey}`;

export function toEntry(field: FormField, value: unknown): Entry {
  if (value === null || value === undefined)
    return field.type === "multiple_choice"
      ? []
      : field.type === "number_unit"
        ? { value: "", unit: field.units[0] ?? "" }
        : "";
  if (field.type === "multiple_choice") return Array.isArray(value) ? value.map(String) : [];
  if (field.type === "number_unit") {
    const v = value as { value: number; unit: string };
    return { value: String(v.value), unit: v.unit };
  }
  return String(value);
}

function toNumber(text: string): number | string {
  const t = text.trim().replace(/\s/g, "");
  const n = Number(t);
  return t !== "" && Number.isFinite(n) ? n : text;
}

export function fromEntry(field: FormField, entry: Entry | undefined): unknown {
  if (entry === undefined) return null;
  if (field.type === "multiple_choice") return (entry as string[]).length ? entry : null;
  if (field.type === "number_unit") {
    const e = entry as { value: string; unit: string };
    return e.value.trim() === "" ? null : { value: toNumber(e.value), unit: e.unit };
  }
  const text = entry as string;
  if (text.trim() === "") return null;
  return field.type === "integer" || field.type === "decimal" ? toNumber(text) : text;
}

/** Items of each repeating section, in order of their keys (keys are made to sort by creation). */
export function instancesOf(def: FormDefinition, values: StoredValue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const section of def.sections.filter((s) => s.repeat)) {
    const ids = new Set(section.fields.map((f) => f.id));
    out[section.id] = [
      ...new Set(values.filter((v) => ids.has(v.fieldId) && v.instanceKey !== "").map((v) => v.instanceKey)),
    ].sort();
  }
  return out;
}

export function entriesOf(def: FormDefinition, values: StoredValue[]): Entries {
  const fields = new Map(def.sections.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
  const out: Entries = {};
  for (const v of values) {
    const field = fields.get(v.fieldId);
    if (field) out[entryKey(v.fieldId, v.instanceKey)] = toEntry(field, v.value);
  }
  return out;
}

/** Every value of the form as it stands, with null for what was emptied or removed since it was loaded. */
export function valuesToSend(
  def: FormDefinition,
  entries: Entries,
  instances: Record<string, string[]>,
  loaded: StoredValue[],
) {
  const out = new Map<string, StoredValue>();
  for (const v of loaded)
    if (def.sections.some((s) => s.fields.some((f) => f.id === v.fieldId)))
      out.set(entryKey(v.fieldId, v.instanceKey), { ...v, value: null });
  for (const section of def.sections) {
    const keys = section.repeat ? (instances[section.id] ?? []) : [""];
    for (const instanceKey of keys) {
      for (const field of section.fields) {
        const value = fromEntry(field, entries[entryKey(field.id, instanceKey)]);
        const key = entryKey(field.id, instanceKey);
        if (value !== null || out.has(key)) out.set(key, { fieldId: field.id, instanceKey, value });
      }
    }
  }
  return [...out.values()];
}

let counter = 0;
/** A new item's key: time first, so keys sort in the order items were added. */
export function newInstanceKey(): string {
  counter = (counter + 1) % 1296;
  return `${Date.now().toString(36)}${counter.toString(36).padStart(2, "0")}`;
}
