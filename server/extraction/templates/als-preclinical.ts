// The shipped "ALS stem cell, preclinical" form: the animal studies behind the trials.
import type { FormDefinitionInput } from "../form-definition";
import {
  CELL_TYPE,
  CONCLUSIONS,
  DISPERSION_FIELDS,
  DONOR,
  DOSE,
  IMMUNOSUPPRESSION,
  IMMUNOSUPPRESSION_REGIMEN,
  MANIPULATION,
  options,
  SCHEDULE,
  TISSUE_SOURCE,
} from "./shared-fields";

export const ALS_PRECLINICAL: FormDefinitionInput = {
  sections: [
    {
      id: "sec_model",
      title: "Animals and model",
      fields: [
        {
          id: "species",
          label: "Species",
          type: "single_choice",
          required: true,
          options: options("Mouse", "Rat", "Other"),
        },
        {
          id: "model",
          label: "Strain / model",
          type: "single_choice",
          required: true,
          options: options("SOD1-G93A", "SOD1 other", "TDP-43", "C9orf72", "FUS", "Other"),
        },
        { id: "model_detail", label: "Model detail", type: "text", help: "Background strain, copy number, supplier." },
        { id: "sex", label: "Sex", type: "single_choice", options: options("Male", "Female", "Both", "Not reported") },
        { id: "age_at_treatment", label: "Age at treatment", type: "number_unit", units: ["days", "weeks"] },
        {
          id: "timing",
          label: "Timing relative to onset",
          type: "single_choice",
          options: options("Pre-symptomatic", "At onset", "Post-onset", "Not reported"),
        },
        {
          id: "controls",
          label: "Controls",
          type: "multiple_choice",
          options: options("Vehicle", "Sham", "Untreated", "Wild-type", "Other"),
        },
      ],
    },
    {
      id: "sec_intervention",
      title: "Cell product and delivery",
      fields: [
        CELL_TYPE,
        TISSUE_SOURCE,
        {
          id: "cell_origin_species",
          label: "Species of the cells",
          type: "single_choice",
          options: options("Human", "Same species", "Other"),
        },
        DONOR,
        MANIPULATION,
        DOSE,
        {
          id: "route",
          label: "Route",
          type: "multiple_choice",
          options: options(
            "Intrathecal",
            "Intraspinal",
            "Intramuscular",
            "Intravenous",
            "Intracerebroventricular",
            "Intraperitoneal",
            "Motor cortex",
          ),
        },
        SCHEDULE,
        IMMUNOSUPPRESSION,
        IMMUNOSUPPRESSION_REGIMEN,
      ],
    },
    {
      id: "sec_groups",
      title: "Groups",
      repeat: { itemLabel: "Group", keyFieldIds: ["group_name"] },
      fields: [
        { id: "group_name", label: "Group", type: "text", required: true },
        { id: "group_treatment", label: "What the group received", type: "text" },
        { id: "group_n", label: "n", type: "integer" },
      ],
    },
    {
      id: "sec_results",
      title: "Results",
      help: "One row per outcome × time point × group.",
      repeat: { itemLabel: "Result", keyFieldIds: ["outcome", "time_point", "result_group"] },
      fields: [
        {
          id: "outcome",
          label: "Outcome",
          type: "single_choice",
          required: true,
          options: options(
            "Disease onset",
            "Survival",
            "Rotarod",
            "Grip strength",
            "Body weight",
            "Motor neuron count",
            "Mechanism measure",
            "Other",
          ),
        },
        { id: "outcome_detail", label: "Outcome detail", type: "text" },
        { id: "time_point", label: "Time point", type: "text" },
        { id: "result_group", label: "Group", type: "text" },
        ...DISPERSION_FIELDS,
      ],
    },
    CONCLUSIONS,
  ],
};
