// Apart from the definitions, so the new-review form can offer the choice without shipping every template.
export const TEMPLATE_IDS = ["als_clinical", "als_preclinical"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_NAMES: Record<TemplateId, string> = {
  als_clinical: "ALS stem cell, clinical",
  als_preclinical: "ALS stem cell, preclinical",
};
