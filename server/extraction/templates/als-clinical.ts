// The shipped "ALS stem cell, clinical" form: every item the flagship review extracts from a trial.
import type { FormDefinitionInput } from "../form-definition";
import {
  CELL_TYPE, CONCLUSIONS, DISPERSION_FIELDS, DONOR, DOSE, IMMUNOSUPPRESSION, IMMUNOSUPPRESSION_REGIMEN, MANIPULATION,
  SCHEDULE, TISSUE_SOURCE, options,
} from "./shared-fields";

export const ALS_CLINICAL: FormDefinitionInput = {
  sections: [
    {
      id: "sec_design",
      title: "Design",
      fields: [
        { id: "registration_id", label: "Registration ID", type: "text", help: "ClinicalTrials.gov NCT number or other registry ID." },
        { id: "design", label: "Design", type: "single_choice", required: true, options: options("RCT", "Non-randomised controlled", "Single-arm") },
        { id: "phase", label: "Phase", type: "single_choice", options: options("1", "1/2", "2", "2/3", "3", "Not stated") },
        { id: "blinding", label: "Blinding", type: "single_choice", options: options("Open-label", "Single-blind", "Double-blind", "Not reported") },
        { id: "control", label: "Control", type: "single_choice", options: options("Placebo", "Sham", "Standard care", "None") },
        { id: "country", label: "Country", type: "text" },
        { id: "n_enrolled", label: "N enrolled", type: "integer", required: true },
        { id: "n_analysed", label: "N analysed", type: "integer" },
        { id: "follow_up", label: "Follow-up length", type: "number_unit", units: ["weeks", "months", "years"] },
      ],
    },
    {
      id: "sec_intervention",
      title: "Cell product and delivery",
      fields: [
        CELL_TYPE,
        TISSUE_SOURCE,
        DONOR,
        MANIPULATION,
        DOSE,
        { id: "administrations", label: "Number of administrations", type: "integer" },
        SCHEDULE,
        {
          id: "route",
          label: "Route",
          type: "multiple_choice",
          options: options("Intrathecal", "Intraspinal", "Intramuscular", "Intravenous", "Intracerebroventricular", "Motor cortex"),
        },
        IMMUNOSUPPRESSION,
        IMMUNOSUPPRESSION_REGIMEN,
      ],
    },
    {
      id: "sec_arms",
      title: "Arms",
      repeat: { itemLabel: "Arm", keyFieldIds: ["arm_name"] },
      fields: [
        { id: "arm_name", label: "Arm", type: "text", required: true },
        { id: "arm_intervention", label: "What the arm received", type: "text" },
        { id: "arm_n_randomised", label: "N randomised or allocated", type: "integer" },
        { id: "arm_n_analysed", label: "N analysed", type: "integer" },
      ],
    },
    {
      id: "sec_results",
      title: "Results",
      help: "One row per outcome × time point × arm, as in the paper's results table.",
      repeat: { itemLabel: "Result", keyFieldIds: ["outcome", "time_point", "result_arm"] },
      fields: [
        {
          id: "outcome",
          label: "Outcome",
          type: "single_choice",
          required: true,
          options: options(
            "ALSFRS-R change",
            "ALSFRS-R slope (per month)",
            "ALSFRS-R responders",
            "FVC/SVC %",
            "Survival",
            "Tracheostomy-free survival",
            "CAFS",
            "Muscle strength",
            "CSF neurofilament",
            "Inflammatory markers",
            "Other",
          ),
        },
        { id: "outcome_detail", label: "Outcome detail", type: "text" },
        { id: "time_point", label: "Time point", type: "text", help: "e.g. week 28, month 6." },
        { id: "result_arm", label: "Arm", type: "text" },
        ...DISPERSION_FIELDS,
      ],
    },
    {
      id: "sec_safety",
      title: "Adverse events",
      fields: [
        { id: "sae_count", label: "Serious adverse events", type: "integer" },
        { id: "procedure_related_count", label: "Procedure-related adverse events", type: "integer" },
        { id: "deaths", label: "Deaths", type: "integer" },
        { id: "adverse_events_summary", label: "Adverse events summary", type: "long_text" },
      ],
    },
    CONCLUSIONS,
  ],
};
