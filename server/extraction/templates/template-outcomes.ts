// The outcomes each shipped form's results rows are extracted against; a review starting from a template gets them
// on its outcome list (those it lacks, by name), where its leads may rename, reorder or remove them.
import type { OutcomeFields } from "../../outcomes/outcome-rules";
import type { TemplateId } from "./template-ids";

const continuous = (name: string, unit: string, direction: OutcomeFields["direction"]): OutcomeFields => ({
  name,
  type: "continuous",
  unit,
  direction,
});

export const TEMPLATE_OUTCOMES: Record<TemplateId, OutcomeFields[]> = {
  als_clinical: [
    continuous("ALSFRS-R change", "points", "higher_is_better"),
    continuous("ALSFRS-R slope (per month)", "points/month", "higher_is_better"),
    { name: "ALSFRS-R responders", type: "binary", unit: "", direction: "higher_is_better" },
    continuous("FVC/SVC %", "% predicted", "higher_is_better"),
    // Events are deaths (or tracheostomy, or permanent ventilation): fewer is better, so a hazard ratio below 1
    // favours the intervention.
    { name: "Survival", type: "time_to_event", unit: "", direction: "lower_is_better" },
    { name: "Tracheostomy-free survival", type: "time_to_event", unit: "", direction: "lower_is_better" },
    { name: "Death or permanent assisted ventilation", type: "time_to_event", unit: "", direction: "lower_is_better" },
    continuous("CAFS", "points", "higher_is_better"),
    continuous("Muscle strength", "", "higher_is_better"),
    continuous("CSF neurofilament", "pg/mL", "lower_is_better"),
    continuous("Inflammatory markers", "", "lower_is_better"),
  ],
  als_preclinical: [
    // Animal papers report onset and survival as mean ages per group, a later age being better; named apart from
    // the clinical "Survival" (a hazard ratio), since a review using both forms has one list.
    continuous("Age at disease onset", "days", "higher_is_better"),
    continuous("Survival time", "days", "higher_is_better"),
    continuous("Rotarod", "s", "higher_is_better"),
    continuous("Grip strength", "g", "higher_is_better"),
    continuous("Body weight", "g", "higher_is_better"),
    continuous("Motor neuron count", "cells", "higher_is_better"),
    continuous("Mechanism measure", "", "higher_is_better"),
  ],
};
