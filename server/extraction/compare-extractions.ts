// Field-by-field comparison of independent extractions of one study, for the lead's consensus.
import { formatFieldValue, sameValue } from "./field-value";
import type { FormDefinition, FormField, FormSection } from "./form-definition";
import { referenceText } from "./references";

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

/**
 * Each extraction's items of a repeating section, keyed by the folded values of the section's key fields; an arm or
 * outcome among them counts by its name, since each extraction names its arms with its own instance keys.
 */
function itemsOf(
  def: FormDefinition,
  section: FormSection,
  values: StoredValue[],
  outcomeNames: ReadonlyMap<string, string>,
): Map<string, Item> {
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
      const value = fields.get(id);
      return referenceText(def, field, value, values, outcomeNames) ?? formatFieldValue(field, value);
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

interface Matched {
  item: Item;
  /** Which instance key each extraction used for this item ("" when it has no such item). */
  instanceKeys: string[];
}

/** A repeating section's items across extractions, matched by key, in the order they first appear. */
function matchItems(perExtraction: Map<string, Item>[]): Matched[] {
  const order: Item[] = [];
  const seen = new Set<string>();
  for (const items of perExtraction) {
    for (const item of items.values()) {
      if (!seen.has(item.key)) order.push(item);
      seen.add(item.key);
    }
  }
  return order.map((item) => ({
    item,
    instanceKeys: perExtraction.map((items) => [...items].find(([, it]) => it.key === item.key)?.[0] ?? ""),
  }));
}

/**
 * `outcomeNames` names the review's outcomes, so result rows are matched and labelled by outcome. An arm reference
 * is rewritten to the matched arm's first instance key (the one the consensus keeps), so two extractors choosing
 * the same arm agree although each stored their own key.
 */
export function compareExtractions(
  def: FormDefinition,
  extractions: StoredValue[][],
  outcomeNames: ReadonlyMap<string, string> = new Map(),
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const lookups = extractions.map(
    (values) => new Map(values.map((v) => [`${v.fieldId}\u0000${v.instanceKey}`, v.value])),
  );
  const matched = new Map(
    def.sections
      .filter((s) => s.repeat)
      .map((s) => [s.id, matchItems(extractions.map((values) => itemsOf(def, s, values, outcomeNames)))] as const),
  );
  const sharedKey = (armSectionId: string, i: number, instanceKey: unknown) => {
    const arm = matched.get(armSectionId)?.find((m) => m.instanceKeys[i] === instanceKey);
    return arm ? arm.instanceKeys.find((k) => k !== "")! : instanceKey;
  };
  const get = (i: number, field: FormField, instanceKey: string) => {
    const value = lookups[i]!.get(`${field.id}\u0000${instanceKey}`) ?? null;
    return field.type === "arm_ref" && value !== null ? sharedKey(field.armSectionId ?? "", i, value) : value;
  };

  for (const section of def.sections) {
    if (!section.repeat) {
      for (const field of section.fields) {
        const values = extractions.map((_, i) => get(i, field, ""));
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
    for (const { item, instanceKeys } of matched.get(section.id)!) {
      for (const field of section.fields) {
        const values = instanceKeys.map((k, i) => (k === "" ? null : get(i, field, k)));
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
