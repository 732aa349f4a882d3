// The shape of an extraction form: sections of typed fields, some sections repeating (arms, results rows).
// Field, section and option ids are stable across versions, so values entered under one version carry over.
import { z } from "zod";
import { OUTCOME_TYPES } from "../outcomes/outcome-rules";

export const FIELD_TYPES = [
  "text",
  "long_text",
  "integer",
  "number_unit",
  "date",
  "single_choice",
  "multiple_choice",
  "yes_no_unclear",
  "decimal",
  "arm_ref",
  "outcome_ref",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: "Text",
  long_text: "Long text",
  integer: "Whole number",
  number_unit: "Number with unit",
  date: "Date",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  yes_no_unclear: "Yes / no / unclear",
  decimal: "Number",
  arm_ref: "Arm of the study",
  outcome_ref: "Outcome of the review",
};

export const CHOICE_TYPES: readonly FieldType[] = ["single_choice", "multiple_choice"];

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/i, "Ids use letters, digits, _ and - only.");
const Label = z.string().trim().min(1, "Every field, section and option needs a label.").max(300);

export const ChoiceOption = z.object({ id: Id, label: Label });

export const FormField = z.object({
  id: Id,
  label: Label,
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  help: z.string().trim().max(1000).default(""),
  /** For single and multiple choice. */
  options: z.array(ChoiceOption).max(100).default([]),
  /** For numbers with a unit: the units offered; empty lets the extractor type any unit. */
  units: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** For an arm reference: the repeating section (the study's arms) whose items it chooses from. */
  armSectionId: Id.optional(),
  /**
   * Asked only in result rows whose outcome is of one of these types (an HR for time to event, events for binary);
   * empty asks it of every row.
   */
  outcomeTypes: z.array(z.enum(OUTCOME_TYPES)).max(OUTCOME_TYPES.length).optional(),
});

export const FormSection = z.object({
  id: Id,
  title: Label,
  help: z.string().trim().max(1000).default(""),
  /**
   * A repeating section holds any number of items (arms, outcome × time point rows). Two extractors' items are
   * matched by the values of the key fields, since each extractor's items get their own instance keys.
   */
  repeat: z
    .object({ itemLabel: Label, keyFieldIds: z.array(Id).min(1).max(5) })
    .nullable()
    .default(null),
  fields: z.array(FormField).min(1, "A section needs at least one field.").max(200),
});

export const FormDefinition = z
  .object({ sections: z.array(FormSection).min(1, "A form needs at least one section.").max(50) })
  .superRefine((def, ctx) => {
    const ids = new Set<string>();
    const claim = (id: string, what: string) => {
      if (ids.has(id))
        ctx.addIssue({ code: "custom", message: `The id "${id}" is used twice (${what}); ids must be unique.` });
      ids.add(id);
    };
    for (const section of def.sections) {
      claim(section.id, `section "${section.title}"`);
      for (const field of section.fields) {
        claim(field.id, `field "${field.label}"`);
        if (CHOICE_TYPES.includes(field.type) && field.options.length === 0) {
          ctx.addIssue({
            code: "custom",
            message: `"${field.label}" is a choice field with no options; add at least one.`,
          });
        }
        if (new Set(field.options.map((o) => o.id)).size !== field.options.length) {
          ctx.addIssue({ code: "custom", message: `"${field.label}" has two options with the same id.` });
        }
      }
      for (const field of section.fields) {
        if (field.type !== "arm_ref") continue;
        const arms = def.sections.find((s) => s.id === field.armSectionId);
        if (!arms?.repeat || arms === section)
          ctx.addIssue({
            code: "custom",
            message: `"${field.label}" chooses an arm: name the repeating section of arms it chooses from.`,
          });
      }
      const fieldIds = new Set(section.fields.map((f) => f.id));
      for (const key of section.repeat?.keyFieldIds ?? []) {
        if (!fieldIds.has(key)) {
          ctx.addIssue({ code: "custom", message: `Section "${section.title}" names a key field that is not in it.` });
        }
      }
    }
  });

export type ChoiceOption = z.infer<typeof ChoiceOption>;
export type FormField = z.infer<typeof FormField>;
export type FormSection = z.infer<typeof FormSection>;
export type FormDefinition = z.infer<typeof FormDefinition>;
export type FormDefinitionInput = z.input<typeof FormDefinition>;

export interface LocatedField {
  field: FormField;
  section: FormSection;
}

/** Every field with its section, in form order. */
export function allFields(def: FormDefinition): LocatedField[] {
  return def.sections.flatMap((section) => section.fields.map((field) => ({ field, section })));
}

export function fieldIndex(def: FormDefinition): Map<string, LocatedField> {
  return new Map(allFields(def).map((located) => [located.field.id, located]));
}

/** Reads a stored definition; stored ones were validated when saved, so a failure here is a bug, not input. */
export function readDefinition(json: unknown): FormDefinition {
  return FormDefinition.parse(json);
}
