// What changed between two versions of a form, field by field (fields are matched by their stable ids).
import { allFields, FIELD_TYPE_LABELS, type FormDefinition, type FormField } from "./form-definition";

export type FieldChange =
  | { kind: "added"; fieldId: string; label: string; section: string }
  | { kind: "removed"; fieldId: string; label: string; section: string }
  | { kind: "changed"; fieldId: string; label: string; section: string; details: string[] };

function fieldDetails(before: FormField, after: FormField, beforeSection: string, afterSection: string): string[] {
  const details: string[] = [];
  if (before.label !== after.label) details.push(`renamed from "${before.label}"`);
  if (before.type !== after.type) {
    details.push(`type ${FIELD_TYPE_LABELS[before.type]} → ${FIELD_TYPE_LABELS[after.type]}`);
  }
  if (before.required !== after.required) details.push(after.required ? "now required" : "no longer required");
  if (beforeSection !== afterSection) details.push(`moved from section "${beforeSection}"`);
  const beforeOptions = new Map(before.options.map((o) => [o.id, o.label]));
  const afterOptions = new Map(after.options.map((o) => [o.id, o.label]));
  for (const [id, label] of afterOptions) {
    if (!beforeOptions.has(id)) details.push(`option "${label}" added`);
    else if (beforeOptions.get(id) !== label) details.push(`option "${beforeOptions.get(id)}" renamed "${label}"`);
  }
  for (const [id, label] of beforeOptions) if (!afterOptions.has(id)) details.push(`option "${label}" removed`);
  if (before.units.join("|") !== after.units.join("|")) details.push(`units ${after.units.join(", ") || "any"}`);
  if (before.help !== after.help) details.push("help text changed");
  return details;
}

export function diffVersions(before: FormDefinition, after: FormDefinition): FieldChange[] {
  const old = new Map(allFields(before).map((l) => [l.field.id, l]));
  const changes: FieldChange[] = [];
  const seen = new Set<string>();
  for (const { field, section } of allFields(after)) {
    seen.add(field.id);
    const previous = old.get(field.id);
    if (!previous) {
      changes.push({ kind: "added", fieldId: field.id, label: field.label, section: section.title });
      continue;
    }
    const details = fieldDetails(previous.field, field, previous.section.title, section.title);
    if (details.length > 0)
      changes.push({ kind: "changed", fieldId: field.id, label: field.label, section: section.title, details });
  }
  for (const { field, section } of allFields(before)) {
    if (!seen.has(field.id))
      changes.push({ kind: "removed", fieldId: field.id, label: field.label, section: section.title });
  }
  return changes;
}
