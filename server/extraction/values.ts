// Checking a batch of submitted values against a form version and writing it onto one extraction.
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import { type FieldValue, FieldValueError, normaliseFieldValue } from "./field-value";
import { type FormDefinition, fieldIndex } from "./form-definition";

export interface SubmittedValue {
  fieldId: string;
  instanceKey: string;
  /** null clears the value. */
  value: unknown;
}

export interface CheckedValue {
  fieldId: string;
  instanceKey: string;
  value: FieldValue | null;
}

/** Every value checked before anything is written, so one bad value leaves the whole batch unsaved. */
export function checkValues(def: FormDefinition, values: SubmittedValue[]): CheckedValue[] {
  const fields = fieldIndex(def);
  return values.map((v) => {
    const located = fields.get(v.fieldId);
    if (!located)
      throw new AppError(
        "INVALID_INPUT",
        "A value names a field that is not in this version of the form. Reload the form.",
      );
    const repeating = located.section.repeat !== null;
    if (repeating !== (v.instanceKey !== "")) {
      throw new AppError(
        "INVALID_INPUT",
        `"${located.field.label}" ${repeating ? "belongs to a repeating section and needs an item" : "is not in a repeating section"}.`,
      );
    }
    try {
      return { fieldId: v.fieldId, instanceKey: v.instanceKey, value: normaliseFieldValue(located.field, v.value) };
    } catch (err) {
      if (err instanceof FieldValueError) throw new AppError("INVALID_INPUT", err.message);
      throw err;
    }
  });
}

/** Writes checked values (null deletes); returns the ids of the fields that changed. */
export async function writeValues(tx: Tx, extractionId: string, values: CheckedValue[]): Promise<string[]> {
  const changed: string[] = [];
  for (const v of values) {
    const where = {
      extractionId_fieldId_instanceKey: { extractionId, fieldId: v.fieldId, instanceKey: v.instanceKey },
    };
    const existing = await tx.extractionValue.findUnique({ where });
    if (v.value === null) {
      if (existing) {
        await tx.extractionValue.delete({ where });
        changed.push(v.fieldId);
      }
      continue;
    }
    const value = v.value as Prisma.InputJsonValue;
    if (existing && JSON.stringify(existing.value) === JSON.stringify(v.value)) continue;
    await tx.extractionValue.upsert({
      where,
      create: { extractionId, fieldId: v.fieldId, instanceKey: v.instanceKey, value },
      update: { value },
    });
    changed.push(v.fieldId);
  }
  return [...new Set(changed)];
}

/**
 * Required fields left empty, named for the person: single-value ones by their label, and those of a repeating
 * section with the item too ("N" in Arm 2), since required means required in every item. The items are those
 * holding any value plus `listed` (per section, the items on the person's screen, which may still be empty);
 * they are numbered in key order, the order they were added and are shown in.
 */
export function missingRequired(
  def: FormDefinition,
  values: { fieldId: string; instanceKey: string }[],
  listed: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const present = new Set(values.map((v) => `${v.fieldId}\u0000${v.instanceKey}`));
  const missing: string[] = [];
  for (const section of def.sections) {
    const required = section.fields.filter((f) => f.required);
    if (!section.repeat) {
      for (const field of required) if (!present.has(`${field.id}\u0000`)) missing.push(`"${field.label}"`);
      continue;
    }
    const fieldIds = new Set(section.fields.map((f) => f.id));
    const items = [
      ...new Set([
        ...values.filter((v) => fieldIds.has(v.fieldId) && v.instanceKey !== "").map((v) => v.instanceKey),
        ...(listed[section.id] ?? []).filter(Boolean),
      ]),
    ].sort();
    items.forEach((key, i) => {
      for (const field of required)
        if (!present.has(`${field.id}\u0000${key}`))
          missing.push(`"${field.label}" in ${section.repeat!.itemLabel} ${i + 1}`);
    });
  }
  return missing;
}
