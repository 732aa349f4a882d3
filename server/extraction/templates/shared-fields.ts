// Items both ALS stem cell templates ask in the same words, so clinical and preclinical exports line up.
import type { FormDefinitionInput } from "../form-definition";

type Field = FormDefinitionInput["sections"][number]["fields"][number];
type Section = FormDefinitionInput["sections"][number];

export const options = (...labels: string[]) =>
  labels.map((label) => ({
    id: label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, ""),
    label,
  }));

export const CELL_TYPE: Field = {
  id: "cell_type",
  label: "Cell type",
  type: "single_choice",
  required: true,
  options: options("MSC", "NSC", "NPC", "Glial-restricted progenitors", "Other"),
};

export const TISSUE_SOURCE: Field = {
  id: "tissue_source",
  label: "Tissue source",
  type: "single_choice",
  options: options(
    "Bone marrow",
    "Adipose",
    "Umbilical cord",
    "Fetal spinal cord",
    "iPSC-derived",
    "Other",
    "Not reported",
  ),
};

export const DONOR: Field = {
  id: "donor",
  label: "Autologous or allogeneic",
  type: "single_choice",
  options: options("Autologous", "Allogeneic", "Xenogeneic", "Not reported"),
};

export const MANIPULATION: Field = {
  id: "manipulation",
  label: "Manipulation",
  type: "text",
  help: 'e.g. NTF-induced, GDNF-engineered; write "none" for unmanipulated cells.',
};

export const DOSE: Field = {
  id: "dose",
  label: "Dose per administration",
  type: "number_unit",
  units: ["cells", "cells/kg"],
  help: "Cells per administration; write 1.5e6 or 1500000.",
};

export const DOSE_PER_KG: Field = {
  id: "dose_per_kg",
  label: "Dose per kg body weight",
  type: "number_unit",
  units: ["cells/kg"],
  help: "Cells per kg of body weight per administration, as reported or worked out from the dose and the body weight at treatment (e.g. 1e6 cells in a 25 g mouse = 4e7 cells/kg), so animal and human doses can be compared.",
};

export const SCHEDULE: Field = {
  id: "schedule",
  label: "Schedule",
  type: "text",
  help: 'When the administrations were given, e.g. "3 doses, 8 weeks apart".',
};

/** Whether the authors report financial ties, asked the same way of trials and animal studies. */
export const FUNDING: Section = {
  id: "sec_funding",
  title: "Funding and conflicts of interest",
  fields: [
    {
      id: "sponsor_type",
      label: "Sponsor or funder",
      type: "single_choice",
      options: options(
        "Industry (the product's maker)",
        "Industry (other)",
        "Academic or public",
        "Mixed",
        "Not reported",
      ),
    },
    {
      id: "sponsor_name",
      label: "Sponsor or funder name",
      type: "text",
      help: "e.g. BrainStorm Cell Therapeutics; NIH.",
    },
    {
      id: "conflicts_of_interest",
      label: "Authors declare ties to the product's maker",
      type: "yes_no_unclear",
      help: "Employment, equity, patents, consultancy or payments from the company that makes or licenses the cells.",
    },
    { id: "conflicts_detail", label: "Conflicts of interest, as declared", type: "long_text" },
  ],
};

export const IMMUNOSUPPRESSION: Field = { id: "immunosuppression", label: "Immunosuppression", type: "yes_no_unclear" };
export const IMMUNOSUPPRESSION_REGIMEN: Field = {
  id: "immunosuppression_regimen",
  label: "Immunosuppression regimen",
  type: "text",
};

/** Whether an arm (or animal group) is the one compared, the comparator, or neither; analyses pick arms by role. */
export const armRole = (id: string): Field => ({
  id,
  label: "Role in comparisons",
  type: "single_choice",
  options: options("Intervention", "Control", "Other"),
  help: "Intervention: the cells studied. Control: placebo, sham, vehicle or standard care. Other: e.g. a second dose arm or healthy controls.",
});

const CONTINUOUS = ["continuous", "single_group"] as const;

/**
 * The results table both templates share: one row per outcome × time point × arm, the outcome chosen from the
 * review's outcome list and the arm from the study's arms, and only the numbers the outcome's type calls for.
 * Field ids are the ones the results reader (server/extraction/results/) looks for.
 */
export function resultsSection(armSectionId: string, armLabel: string, help: string): Section {
  return {
    id: "sec_results",
    title: "Results",
    help,
    repeat: { itemLabel: "Result", keyFieldIds: ["result_outcome", "time_point", "result_arm"] },
    fields: [
      {
        id: "result_outcome",
        label: "Outcome",
        type: "outcome_ref",
        required: true,
        help: "From the review's outcome list; its type decides which numbers the row asks for.",
      },
      { id: "outcome_detail", label: "Outcome detail", type: "text", help: "e.g. how it was measured, or a subscale." },
      {
        id: "time_point",
        label: "Time point",
        type: "text",
        required: true,
        help: "As the paper says it: week 28, month 6.",
      },
      {
        id: "time_point_value",
        label: "Time point, as a number",
        type: "number_unit",
        units: ["days", "weeks", "months", "years"],
        help: "From randomisation or first administration, so analyses can pick a window.",
      },
      { id: "result_arm", label: armLabel, type: "arm_ref", required: true, armSectionId },
      {
        id: "result_measure",
        label: "Reported as",
        type: "single_choice",
        options: options("Final value", "Change from baseline"),
        outcomeTypes: [...CONTINUOUS],
      },
      { id: "result_mean", label: "Mean", type: "decimal", outcomeTypes: [...CONTINUOUS] },
      { id: "result_sd", label: "SD", type: "decimal", outcomeTypes: [...CONTINUOUS] },
      {
        id: "result_se",
        label: "SE",
        type: "decimal",
        outcomeTypes: [...CONTINUOUS, "time_to_event"],
        help: "Of the mean; for time to event, of the log hazard ratio.",
      },
      {
        id: "result_median",
        label: "Median",
        type: "decimal",
        outcomeTypes: [...CONTINUOUS],
        help: "When only a median is given; a mean and SD are then estimated (Wan 2014) and flagged.",
      },
      { id: "result_q1", label: "Lower quartile", type: "decimal", outcomeTypes: [...CONTINUOUS] },
      { id: "result_q3", label: "Upper quartile", type: "decimal", outcomeTypes: [...CONTINUOUS] },
      { id: "result_min", label: "Minimum", type: "decimal", outcomeTypes: [...CONTINUOUS] },
      { id: "result_max", label: "Maximum", type: "decimal", outcomeTypes: [...CONTINUOUS] },
      { id: "result_n", label: "n", type: "integer", outcomeTypes: [...CONTINUOUS] },
      { id: "result_events", label: "Events", type: "integer", outcomeTypes: ["binary", "single_group"] },
      { id: "result_total", label: "Total", type: "integer", outcomeTypes: ["binary", "single_group"] },
      {
        id: "result_hr",
        label: "Hazard ratio",
        type: "decimal",
        outcomeTypes: ["time_to_event"],
        help: "Of this row's arm against the reference arm.",
      },
      { id: "result_log_hr", label: "log hazard ratio", type: "decimal", outcomeTypes: ["time_to_event"] },
      {
        id: "result_reference_arm",
        label: "Reference arm",
        type: "arm_ref",
        armSectionId,
        outcomeTypes: ["time_to_event"],
      },
      {
        id: "result_ci_lower",
        label: "CI lower",
        type: "decimal",
        outcomeTypes: [...CONTINUOUS, "time_to_event"],
        help: "Of the mean, or of the hazard ratio.",
      },
      { id: "result_ci_upper", label: "CI upper", type: "decimal", outcomeTypes: [...CONTINUOUS, "time_to_event"] },
      {
        id: "result_ci_level",
        label: "CI level",
        type: "number_unit",
        units: ["%"],
        outcomeTypes: [...CONTINUOUS, "time_to_event"],
        help: "95 % unless the paper says otherwise.",
      },
    ],
  };
}

export const CONCLUSIONS: Section = {
  id: "sec_conclusions",
  title: "Authors' conclusions",
  help: "In the authors' own terms; the critique of whether they hold belongs in appraisal.",
  fields: [
    { id: "authors_conclusion", label: "Authors' conclusion", type: "long_text", required: true },
    { id: "efficacy_claimed", label: "Efficacy claimed", type: "yes_no_unclear" },
    {
      id: "claimed_mechanism",
      label: "Claimed mechanism of action",
      type: "long_text",
      help: "e.g. immunomodulation, neurotrophic support (GDNF, BDNF, VEGF), cell replacement.",
    },
    { id: "mechanism_measured", label: "Mechanism measured in this study", type: "yes_no_unclear" },
  ],
};
