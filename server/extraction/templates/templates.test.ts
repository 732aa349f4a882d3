import { describe, expect, it } from "vitest";
import { allFields } from "../form-definition";
import { TEMPLATES } from "./index";

const ids = (t: keyof typeof TEMPLATES) => allFields(TEMPLATES[t].definition).map((l) => l.field.id);

describe("shipped ALS templates", () => {
  it("the clinical form asks every item of the domain notes", () => {
    expect(ids("als_clinical")).toEqual(
      expect.arrayContaining([
        "design",
        "phase",
        "registration_id",
        "country",
        "n_enrolled",
        "n_analysed",
        "control",
        "cell_type",
        "tissue_source",
        "donor",
        "manipulation",
        "dose",
        "administrations",
        "schedule",
        "route",
        "immunosuppression",
        "follow_up",
        "outcome",
        "time_point",
        "result_value",
        "result_dispersion",
        "result_sd_se",
        "result_ci_lower",
        "result_n",
        "sae_count",
        "procedure_related_count",
        "deaths",
        "authors_conclusion",
        "claimed_mechanism",
      ]),
    );
    const outcome = allFields(TEMPLATES.als_clinical.definition).find((l) => l.field.id === "outcome")!.field;
    expect(outcome.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(["ALSFRS-R slope (per month)", "FVC/SVC %", "Survival", "CAFS", "CSF neurofilament"]),
    );
  });

  it("the preclinical form asks every item of the domain notes", () => {
    expect(ids("als_preclinical")).toEqual(
      expect.arrayContaining([
        "species",
        "model",
        "sex",
        "age_at_treatment",
        "timing",
        "group_n",
        "cell_type",
        "dose",
        "route",
        "controls",
        "immunosuppression",
        "outcome",
        "authors_conclusion",
        "claimed_mechanism",
      ]),
    );
  });

  it("repeating sections hold results tables keyed by outcome and time point", () => {
    const results = TEMPLATES.als_clinical.definition.sections.find((s) => s.id === "sec_results")!;
    expect(results.repeat?.keyFieldIds).toEqual(["outcome", "time_point", "result_arm"]);
  });
});
