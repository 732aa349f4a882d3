// Field-by-field comparison of independent extractions of one study, for the lead's consensus.
import { formatFieldValue, sameValue } from "./field-value";
import type { FormDefinition, FormSection } from "./form-definition";

export interface StoredValue {
  fieldId: string;
  instanceKey: string;
  value: unknown;
}

export interface ComparisonRow {
  sectionId: string;
  fieldId: string;
  /** "" outside repeating sections; else the matched item's key (shared by every extraction's copy of it). */
  itemKey: string;
  /** How the item is named on screen, e.g. "NurOwn · week 28". */
  itemLabel: string;
  /** Which instance key each extraction used for this item ("" when it has no such item). */
  instanceKeys: string[];
  values: unknown[];
  agree: boolean;
}

const fold = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

interface Item {
  key: string;
  label: string;
}

/** Each extraction's items of a repeating section, keyed by the folded values of the section's key fields. */
function itemsOf(section: FormSection, values: StoredValue[]): Map<string, Item> {
  const byInstance = new Map<string, Map<string, unknown>>();
  for (const v of values) {
    if (v.instanceKey === "" || !section.fields.some((f) => f.id === v.fieldId)) continue;
    if (!byInstance.has(v.instanceKey)) byInstance.set(v.instanceKey, new Map());
    byInstance.get(v.instanceKey)!.set(v.fieldId, v.value);
  }
  const items = new Map<string, Item>();
  const used = new Set<string>();
  for (const [instanceKey, fields] of byInstance) {
    const parts = section.repeat!.keyFieldIds.map((id) => {
      const field = section.fields.find((f) => f.id === id)!;
      return formatFieldValue(field, fields.get(id));
    });
    let key = parts.some((p) => p !== "") ? parts.map(fold).join(" | ") : `#${instanceKey}`;
    // Two items with the same key values in one extraction stay apart rather than hiding each other.
    for (let n = 2; used.has(key); n++) key = `${key} (${n})`;
    used.add(key);
    items.set(instanceKey, {
      key,
      label: parts.filter((p) => p !== "").join(" · ") || `unnamed ${section.repeat!.itemLabel.toLowerCase()}`,
    });
  }
  return items;
}

export function compareExtractions(def: FormDefinition, extractions: StoredValue[][]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const lookups = extractions.map(
    (values) => new Map(values.map((v) => [`${v.fieldId}\u0000${v.instanceKey}`, v.value])),
  );
  const get = (i: number, fieldId: string, instanceKey: string) =>
    lookups[i]!.get(`${fieldId}\u0000${instanceKey}`) ?? null;

  for (const section of def.sections) {
    if (!section.repeat) {
      for (const field of section.fields) {
        const values = extractions.map((_, i) => get(i, field.id, ""));
        const agree = values.every((v) => sameValue(field, v, values[0]));
        rows.push({
          sectionId: section.id,
          fieldId: field.id,
          itemKey: "",
          itemLabel: "",
          instanceKeys: values.map(() => ""),
          values,
          agree,
        });
      }
      continue;
    }
    const perExtraction = extractions.map((values) => itemsOf(section, values));
    const order: Item[] = [];
    const seen = new Set<string>();
    for (const items of perExtraction) {
      for (const item of items.values()) {
        if (!seen.has(item.key)) order.push(item);
        seen.add(item.key);
      }
    }
    for (const item of order) {
      const instanceKeys = perExtraction.map((items) => [...items].find(([, it]) => it.key === item.key)?.[0] ?? "");
      for (const field of section.fields) {
        const values = instanceKeys.map((k, i) => (k === "" ? null : get(i, field.id, k)));
        const present = instanceKeys.every((k) => k !== "");
        const agree = present && values.every((v) => sameValue(field, v, values[0]));
        rows.push({
          sectionId: section.id,
          fieldId: field.id,
          itemKey: item.key,
          itemLabel: item.label,
          instanceKeys,
          values,
          agree,
        });
      }
    }
  }
  return rows;
}
