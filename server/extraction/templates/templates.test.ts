import { describe, expect, it } from "vitest";
import { longSheet, wideSheet } from "../export-rows";
import { allFields, type FormField } from "../form-definition";
import { TEMPLATES } from "./index";
import { TEMPLATE_OUTCOMES } from "./template-outcomes";

const ids = (t: keyof typeof TEMPLATES) => allFields(TEMPLATES[t].definition).map((l) => l.field.id);
const field = (t: keyof typeof TEMPLATES, id: string) =>
  allFields(TEMPLATES[t].definition).find((l) => l.field.id === id)!;

/** The items issue #18 asks of each template, with the type and units or options a clinician would expect. */
const CLINICAL_ITEMS: Record<string, Partial<FormField> & { repeats?: boolean }> = {
  diagnostic_criteria: { type: "multiple_choice" },
  disease_duration: { type: "number_unit", units: ["months", "years"] },
  onset_bulbar_n: { type: "integer", repeats: true },
  onset_limb_n: { type: "integer", repeats: true },
  genetics: { type: "multiple_choice" },
  age: { type: "number_unit", units: ["years"], repeats: true },
  sex_male_n: { type: "integer", repeats: true },
  sex_female_n: { type: "integer", repeats: true },
  alsfrs_r_baseline: { type: "number_unit", units: ["points"], repeats: true },
  vital_capacity_baseline: { type: "number_unit", units: ["% predicted"], repeats: true },
  alsfrs_r_slope_pre: { type: "number_unit", units: ["points/month"], repeats: true },
  lead_in_period: { type: "number_unit" },
  riluzole_use: { type: "single_choice" },
  edaravone_use: { type: "single_choice" },
  riluzole_n: { type: "integer", repeats: true },
  edaravone_n: { type: "integer", repeats: true },
  cumulative_dose: { type: "number_unit" },
  dose_per_kg: { type: "number_unit", units: ["cells/kg"] },
  injection_level: { type: "text", repeats: true },
  injection_sites: { type: "integer", repeats: true },
  viability: { type: "number_unit", units: ["%"] },
  passage: { type: "integer" },
  release_criteria: { type: "long_text" },
  sponsor_type: { type: "single_choice" },
  conflicts_of_interest: { type: "yes_no_unclear" },
};
const PRECLINICAL_ITEMS: Record<string, Partial<FormField> & { repeats?: boolean }> = {
  sex: { type: "single_choice" },
  age_at_treatment: { type: "number_unit" },
  weight_at_treatment: { type: "number_unit", units: ["g"] },
  onset_definition: { type: "single_choice" },
  randomisation_unit: { type: "single_choice" },
  randomised: { type: "yes_no_unclear" },
  sample_size_calculation: { type: "yes_no_unclear" },
  blinded_outcome_assessment: { type: "yes_no_unclear" },
  animals_excluded: { type: "integer" },
  group_excluded: { type: "integer", repeats: true },
  dose_per_kg: { type: "number_unit", units: ["cells/kg"] },
  sponsor_type: { type: "single_choice" },
  conflicts_of_interest: { type: "yes_no_unclear" },
};

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
        "arm_role",
        "result_outcome",
        "time_point",
        "time_point_value",
        "result_arm",
        "result_measure",
        "result_mean",
        "result_sd",
        "result_se",
        "result_ci_lower",
        "result_ci_level",
        "result_n",
        "result_events",
        "result_total",
        "result_hr",
        "result_reference_arm",
        "sae_count",
        "procedure_related_count",
        "deaths",
        "authors_conclusion",
        "claimed_mechanism",
      ]),
    );
    expect(TEMPLATE_OUTCOMES.als_clinical.map((o) => o.name)).toEqual(
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
        "group_role",
        "result_outcome",
        "result_arm",
        "authors_conclusion",
        "claimed_mechanism",
      ]),
    );
  });

  it.each([
    ["als_clinical", CLINICAL_ITEMS],
    ["als_preclinical", PRECLINICAL_ITEMS],
  ] as const)("%s asks the items issue #18 adds, typed, with help, in its exports", (template, items) => {
    const definition = TEMPLATES[template].definition;
    const values = Object.entries(items).map(([id, item]) => ({
      fieldId: id,
      instanceKey: item.repeats ? "k1" : "",
      value:
        item.type === "integer" || item.type === "decimal"
          ? 3
          : item.type === "number_unit"
            ? { value: 3, unit: item.units?.[0] ?? field(template, id).field.units[0] ?? "" }
            : item.type === "yes_no_unclear"
              ? "yes"
              : item.type === "single_choice"
                ? field(template, id).field.options[0]!.id
                : item.type === "multiple_choice"
                  ? [field(template, id).field.options[0]!.id]
                  : "text",
    }));
    const extraction = { studyId: "s1", studyLabel: "Study", source: "consensus", formVersion: 1, values };
    const wide = wideSheet(definition, [extraction]);
    const long = longSheet(definition, [extraction]);
    for (const [id, item] of Object.entries(items)) {
      const located = field(template, id);
      expect(located, id).toBeDefined();
      expect(located.field.type, id).toBe(item.type);
      if (item.units) expect(located.field.units, id).toEqual(item.units);
      expect(located.section.repeat !== null, `${id} repeats`).toBe(Boolean(item.repeats));
      if (item.repeats)
        expect(
          long.rows.some((row) => row[6] === id),
          `${id} in the long export`,
        ).toBe(true);
      else {
        const column = wide.header.indexOf(located.field.label);
        expect(column, `${id} in the wide export`).toBeGreaterThan(3);
        expect(wide.rows[0]![column], id).not.toBeNull();
      }
    }
  });

  it("offers the clinical choices the issue names", () => {
    const labels = (id: string) => field("als_clinical", id).field.options.map((o) => o.label);
    expect(labels("diagnostic_criteria")).toEqual(
      expect.arrayContaining(["El Escorial revised (Airlie House)", "Awaji", "Gold Coast"]),
    );
    expect(labels("genetics")).toEqual(
      expect.arrayContaining(["SOD1", "C9orf72", "Other (FUS, TARDBP…)", "Not tested"]),
    );
    expect(TEMPLATE_OUTCOMES.als_clinical.map((o) => o.name)).toContain("Death or permanent assisted ventilation");
  });

  it("explains the items a clinician could read two ways", () => {
    const help = (t: keyof typeof TEMPLATES, id: string) => field(t, id).field.help;
    expect(help("als_clinical", "diagnostic_criteria")).toMatch(/El Escorial revised.*Awaji.*Gold Coast/s);
    expect(help("als_clinical", "alsfrs_r_slope_pre")).toMatch(/lead-in period.*points per month/);
    expect(help("als_clinical", "alsfrs_r_baseline")).toContain("0–48");
    expect(help("als_clinical", "disease_duration")).toContain("first symptom");
    expect(help("als_clinical", "cumulative_dose")).toContain("number of administrations");
    expect(TEMPLATES.als_clinical.definition.sections.find((s) => s.id === "sec_results")!.help).toContain("22 hours");
    for (const t of ["als_clinical", "als_preclinical"] as const) expect(help(t, "dose_per_kg")).toContain("per kg");
    expect(help("als_preclinical", "onset_definition")).not.toBe("");
    expect(help("als_preclinical", "randomisation_unit")).toContain("litter");
  });

  it.each([
    ["als_clinical", "sec_arms", "arm_role"],
    ["als_preclinical", "sec_groups", "group_role"],
  ] as const)(
    "%s keys result rows by outcome, time point and an arm chosen from %s, whose arms have a role",
    (t, arms, role) => {
      const sections = TEMPLATES[t].definition.sections;
      const results = sections.find((s) => s.id === "sec_results")!;
      expect(results.repeat?.keyFieldIds).toEqual(["result_outcome", "time_point", "result_arm"]);
      const byId = new Map(results.fields.map((f) => [f.id, f]));
      expect(byId.get("result_outcome")?.type).toBe("outcome_ref");
      expect(byId.get("result_arm")).toMatchObject({ type: "arm_ref", armSectionId: arms });
      expect(byId.get("result_reference_arm")).toMatchObject({ type: "arm_ref", outcomeTypes: ["time_to_event"] });
      expect(byId.get("result_events")?.outcomeTypes).toEqual(["binary", "single_group"]);
      expect(byId.get("result_mean")?.outcomeTypes).toEqual(["continuous", "single_group"]);
      const roles = sections.find((s) => s.id === arms)!.fields.find((f) => f.id === role)!;
      expect(roles.options.map((o) => o.id)).toEqual(["intervention", "control", "other"]);
    },
  );
});
