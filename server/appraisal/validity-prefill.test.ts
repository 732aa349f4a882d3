import { describe, expect, it } from "vitest";
import { allFields } from "../extraction/form-definition";
import { TEMPLATES } from "../extraction/templates";
import { VALIDITY } from "./tools/validity";
import { VALIDITY_PREFILL_RULES, validityPrefill } from "./validity-prefill";

const clinical = TEMPLATES.als_clinical.definition;
const preclinical = TEMPLATES.als_preclinical.definition;
const v = (fieldId: string, value: unknown, instanceKey = "") => ({ fieldId, instanceKey, value });

describe("pre-filling the validity questions from the consensus extraction", () => {
  it("answers the design questions of a double-blind placebo-controlled RCT claiming efficacy, naming each source", () => {
    const prefill = validityPrefill(clinical, [
      v("design", "rct"),
      v("control", "placebo"),
      v("blinding", "double_blind"),
      v("efficacy_claimed", "yes"),
      v("n_enrolled", 64),
      v("n_analysed", 58),
      v("mechanism_measured", "no"),
    ]);
    expect(prefill.responses).toEqual({ "V1.1": "efficacy", "V1.2": "Y", "V1.3": "Y", "V1.4": "Y", "V2.2": "N" });
    expect(prefill.notes).toContainEqual({
      targetId: "V1.3",
      fieldId: "design",
      fieldLabel: "Design",
      extracted: "RCT",
      answer: "Y",
    });
    expect(prefill.notes.filter((n) => n.targetId === "V1").map((n) => `${n.fieldLabel} ${n.extracted}`)).toEqual([
      "N enrolled 64",
      "N analysed 58",
    ]);
  });

  it("reads an open-label single-arm study as uncontrolled and unblinded, and leaves a claim of no efficacy open", () => {
    const prefill = validityPrefill(clinical, [
      v("design", "single_arm"),
      v("control", "none"),
      v("blinding", "open_label"),
      v("efficacy_claimed", "no"),
    ]);
    expect(prefill.responses).toEqual({ "V1.2": "N", "V1.3": "NA", "V1.4": "N" });
    expect(prefill.notes.find((n) => n.targetId === "V1.1")).toMatchObject({ extracted: "No", answer: null });
  });

  it("reads an animal study's controls, randomisation, blinded assessment and group sizes", () => {
    const prefill = validityPrefill(preclinical, [
      v("controls", ["vehicle", "wild_type"]),
      v("randomised", "unclear"),
      v("blinded_outcome_assessment", "yes"),
      v("group_name", "Vehicle", "g1"),
      v("group_n", 12, "g1"),
    ]);
    expect(prefill.responses).toEqual({ "V1.2": "Y", "V1.3": "NI", "V1.4": "Y" });
    expect(prefill.notes).toContainEqual(expect.objectContaining({ targetId: "V1", fieldLabel: "n (Vehicle)" }));
    expect(validityPrefill(preclinical, [v("controls", ["wild_type"])]).responses).toEqual({ "V1.2": "N" });
  });

  it("pre-fills nothing from a form without the templates' fields", () => {
    expect(validityPrefill({ sections: [] }, [v("design", "rct")])).toEqual({ responses: {}, notes: [] });
  });

  it("maps only fields and options the shipped templates have, to answers the questions offer", () => {
    const questions = new Map(VALIDITY.domains.flatMap((d) => d.questions).map((q) => [q.id, q]));
    for (const rule of VALIDITY_PREFILL_RULES) {
      const field = [...allFields(clinical), ...allFields(preclinical)].find((l) => l.field.id === rule.fieldId)?.field;
      expect(field, `${rule.fieldId} in a shipped template`).toBeDefined();
      const values =
        field!.type === "yes_no_unclear"
          ? ["yes", "no", "unclear"]
          : field!.options.map((o) => (field!.type === "multiple_choice" ? [o.id] : o.id));
      const answers = values.map((value) => rule.answer(value)).filter((a) => a !== null);
      expect(answers.length, `${rule.fieldId} answers ${rule.questionId} for some option`).toBeGreaterThan(0);
      for (const answer of answers) expect(questions.get(rule.questionId)!.options).toContain(answer);
    }
  });
});
