// What the consensus extraction already says about a study, read into the validity-of-conclusions questions so
// nothing is typed twice. The map is explicit, by the field and option ids of the shipped ALS templates (which
// keep them across versions); a form without those fields, or an option the map does not know, pre-fills nothing.
// Pure.
import { type FieldValue, formatFieldValue } from "../extraction/field-value";
import { allFields, type FormDefinition, type FormField } from "../extraction/form-definition";

export interface ExtractedValue {
  fieldId: string;
  instanceKey: string;
  value: unknown;
}

/** Where a question's pre-filled answer came from: the field, what was extracted, and the answer it gives. */
export interface PrefillNote {
  /** The question (V1.3) or, for values shown only as context (N), the domain (V1). */
  targetId: string;
  fieldId: string;
  fieldLabel: string;
  extracted: string;
  /** null when the value informs the question without deciding it (an efficacy claim of "no"). */
  answer: string | null;
}

type Rule = { questionId: string; fieldId: string; answer: (value: FieldValue) => string | null };

const byOption =
  (answers: Record<string, string>) =>
  (value: FieldValue): string | null =>
    typeof value === "string" ? (answers[value] ?? null) : null;

const YES_NO = byOption({ yes: "Y", no: "N", unclear: "NI" });

/** Concurrent controls of an animal study: a vehicle, sham or untreated group of diseased animals is one. */
function animalControls(value: FieldValue): string | null {
  if (!Array.isArray(value)) return null;
  if (value.some((v) => ["vehicle", "sham", "untreated"].includes(v))) return "Y";
  return value.every((v) => v === "wild_type") ? "N" : null;
}

export const VALIDITY_PREFILL_RULES: readonly Rule[] = [
  // V1.1 asks what the authors conclude; "efficacy claimed: yes" is an efficacy conclusion, while "no" leaves
  // safety, feasibility or none for the appraiser to tell apart.
  { questionId: "V1.1", fieldId: "efficacy_claimed", answer: byOption({ yes: "efficacy" }) },
  {
    questionId: "V1.2",
    fieldId: "control",
    answer: byOption({ placebo: "Y", sham: "Y", standard_care: "Y", none: "N" }),
  },
  { questionId: "V1.2", fieldId: "controls", answer: animalControls },
  // A single-arm study has no groups to allocate.
  {
    questionId: "V1.3",
    fieldId: "design",
    answer: byOption({ rct: "Y", non_randomised_controlled: "N", single_arm: "NA" }),
  },
  { questionId: "V1.3", fieldId: "randomised", answer: YES_NO },
  // V1.4 asks for participants and assessors both: single-blind is at best one of the two.
  {
    questionId: "V1.4",
    fieldId: "blinding",
    answer: byOption({ double_blind: "Y", single_blind: "PN", open_label: "N", not_reported: "NI" }),
  },
  { questionId: "V1.4", fieldId: "blinded_outcome_assessment", answer: YES_NO },
  { questionId: "V2.2", fieldId: "mechanism_measured", answer: YES_NO },
];

/** Sizes the design question is read against, shown beside it rather than answering anything. */
const SIZE_FIELDS = ["n_enrolled", "n_analysed", "group_n"];

export interface ValidityPrefill {
  /** Question id → pre-filled answer, for a new appraisal's responses. */
  responses: Record<string, string>;
  notes: PrefillNote[];
}

export function validityPrefill(definition: FormDefinition, values: readonly ExtractedValue[]): ValidityPrefill {
  const fields = new Map(allFields(definition).map(({ field }) => [field.id, field]));
  const single = (fieldId: string) => values.find((v) => v.fieldId === fieldId && v.instanceKey === "");
  const responses: Record<string, string> = {};
  const notes: PrefillNote[] = [];
  const note = (targetId: string, field: FormField, value: unknown, answer: string | null) =>
    notes.push({
      targetId,
      fieldId: field.id,
      fieldLabel: field.label,
      extracted: formatFieldValue(field, value),
      answer,
    });

  for (const rule of VALIDITY_PREFILL_RULES) {
    const field = fields.get(rule.fieldId);
    const stored = single(rule.fieldId);
    if (!field || !stored || responses[rule.questionId]) continue;
    const answer = rule.answer(stored.value as FieldValue);
    if (answer) responses[rule.questionId] = answer;
    note(rule.questionId, field, stored.value, answer);
  }
  for (const fieldId of SIZE_FIELDS) {
    const field = fields.get(fieldId);
    if (!field) continue;
    const groupNames = values.filter((v) => v.fieldId === "group_name");
    for (const stored of values.filter((v) => v.fieldId === fieldId)) {
      const group = groupNames.find((g) => g.instanceKey === stored.instanceKey && stored.instanceKey !== "");
      notes.push({
        targetId: "V1",
        fieldId,
        fieldLabel: group ? `${field.label} (${String(group.value)})` : field.label,
        extracted: formatFieldValue(field, stored.value),
        answer: null,
      });
    }
  }
  return { responses, notes };
}
