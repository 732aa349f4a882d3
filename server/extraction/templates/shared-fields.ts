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

export const DISPERSION_FIELDS: Field[] = [
  { id: "result_value", label: "Value", type: "number_unit", help: "Mean, median or proportion, with its unit." },
  {
    id: "result_dispersion",
    label: "Dispersion type",
    type: "single_choice",
    options: options("SD", "SE", "95% CI", "IQR", "None reported"),
  },
  { id: "result_sd_se", label: "SD or SE", type: "number_unit" },
  { id: "result_ci_lower", label: "CI lower", type: "number_unit" },
  { id: "result_ci_upper", label: "CI upper", type: "number_unit" },
  { id: "result_n", label: "n", type: "integer" },
];

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
