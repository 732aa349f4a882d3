// Result rows point at an arm of the same extraction (by the arm item's instance key) and at an outcome of the
// review (by id). Checked on the whole extraction after a save, so an arm removed while a row still names it, or an
// outcome removed meanwhile, is refused with the row named rather than left dangling.
import { type FormDefinition, type FormField, fieldIndex } from "./form-definition";

interface Value {
  fieldId: string;
  instanceKey: string;
  value: unknown;
}

/** The first broken reference, as a sentence for the person; null when every reference holds. */
export function brokenReference(def: FormDefinition, values: Value[], outcomeIds: ReadonlySet<string>): string | null {
  const fields = fieldIndex(def);
  const items = new Map<string, Set<string>>();
  for (const v of values) {
    const section = fields.get(v.fieldId)?.section;
    if (!section?.repeat || v.value === null) continue;
    if (!items.has(section.id)) items.set(section.id, new Set());
    items.get(section.id)!.add(v.instanceKey);
  }
  const itemNumber = (sectionId: string, key: string) => [...(items.get(sectionId) ?? [])].sort().indexOf(key) + 1;
  for (const v of values) {
    const located = fields.get(v.fieldId);
    if (!located || typeof v.value !== "string") continue;
    const { field, section } = located;
    const where = section.repeat ? ` in ${section.repeat.itemLabel} ${itemNumber(section.id, v.instanceKey)}` : "";
    if (field.type === "arm_ref" && !items.get(field.armSectionId!)?.has(v.value))
      return `"${field.label}"${where} names an arm that is not in this extraction (removed meanwhile?): choose it again.`;
    if (field.type === "outcome_ref" && !outcomeIds.has(v.value))
      return `"${field.label}"${where} names an outcome the review no longer has: choose it again.`;
  }
  return null;
}

/** How an arm item is named: its section's key fields as the person wrote them ("MSC-NTF"). */
export function armLabel(def: FormDefinition, armSectionId: string, values: Value[], instanceKey: string): string {
  const section = def.sections.find((s) => s.id === armSectionId);
  if (!section?.repeat) return "";
  return section.repeat.keyFieldIds
    .map((id) => values.find((v) => v.fieldId === id && v.instanceKey === instanceKey)?.value)
    .filter((v) => v !== undefined && v !== null && v !== "")
    .map(String)
    .join(" · ");
}

/**
 * A reference field's value as a person reads it: the arm's name within the same extraction, the outcome's name
 * from the review's list; other fields return null (format them as usual).
 */
export function referenceText(
  def: FormDefinition,
  field: FormField,
  value: unknown,
  values: Value[],
  outcomeNames: ReadonlyMap<string, string>,
): string | null {
  if (typeof value !== "string") return null;
  if (field.type === "arm_ref") return armLabel(def, field.armSectionId ?? "", values, value) || "(arm removed)";
  if (field.type === "outcome_ref") return outcomeNames.get(value) ?? "(outcome removed)";
  return null;
}
