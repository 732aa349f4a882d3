import { describe, expect, it } from "vitest";
import { confounding, robinsOverall } from "./robins-i";
import { SYRCLE } from "./syrcle";
import { conclusionFromDesign, mechanismBacked, preclinicalRationale, validityOverall } from "./validity";

describe("ROBINS-I", () => {
  it("proposes low for confounding only when there is no potential for it", () => {
    expect(confounding({ "1.1": "N" })).toBe("low");
    expect(confounding({ "1.1": "PN" })).toBe("low");
    expect(confounding({ "1.1": "Y" })).toBeNull();
  });
  it("takes the most severe domain overall; no information only when nothing is serious", () => {
    expect(robinsOverall(["low", "low", "low", "low", "low", "low", "low"])).toBe("low");
    expect(robinsOverall(["low", "moderate", "low", "low", "low", "low", "low"])).toBe("moderate");
    expect(robinsOverall(["low", "moderate", "serious", "low", "no_information", "low", "low"])).toBe("serious");
    expect(robinsOverall(["critical", "moderate", "serious", "low", "low", "low", "low"])).toBe("critical");
    expect(robinsOverall(["low", "moderate", "no_information", "low", "low", "low", "low"])).toBe("no_information");
  });
});

describe("SYRCLE", () => {
  it("has the ten items, each yes → low, no → high, unclear → unclear, and no summary score", () => {
    expect(SYRCLE.domains).toHaveLength(10);
    for (const domain of SYRCLE.domains) {
      const id = domain.questions[0]!.id;
      expect(domain.propose!({ [id]: "yes" })).toBe("low");
      expect(domain.propose!({ [id]: "no" })).toBe("high");
      expect(domain.propose!({ [id]: "unclear" })).toBe("unclear");
      expect(domain.propose!({})).toBeNull();
    }
    expect(SYRCLE.overall).toBeNull();
  });
});

describe("validity of conclusions", () => {
  it("calls an efficacy claim from an uncontrolled open-label study unsupported", () => {
    expect(conclusionFromDesign({ "V1.1": "efficacy", "V1.2": "N" })).toBe("unsupported");
    expect(conclusionFromDesign({ "V1.1": "efficacy", "V1.2": "NI" })).toBe("unsupported");
    expect(conclusionFromDesign({ "V1.1": "efficacy", "V1.2": "Y", "V1.3": "Y", "V1.4": "N" })).toBe(
      "partly_supported",
    );
    expect(conclusionFromDesign({ "V1.1": "efficacy", "V1.2": "Y", "V1.3": "Y", "V1.4": "PY" })).toBe("supported");
    expect(conclusionFromDesign({ "V1.1": "safety" })).toBe("supported");
    expect(conclusionFromDesign({ "V1.1": "none" })).toBe("not_applicable");
    expect(conclusionFromDesign({ "V1.1": "efficacy", "V1.2": "Y" })).toBeNull();
  });
  it("asks for measured mediators behind a mechanism claim", () => {
    expect(mechanismBacked({ "V2.1": "N" })).toBe("not_applicable");
    expect(mechanismBacked({ "V2.1": "Y", "V2.2": "N" })).toBe("unsupported");
    expect(mechanismBacked({ "V2.1": "Y", "V2.2": "Y", "V2.3": "N" })).toBe("partly_supported");
    expect(mechanismBacked({ "V2.1": "Y", "V2.2": "Y", "V2.3": "Y" })).toBe("supported");
  });
  it("weighs the preclinical basis by its shortfalls", () => {
    const all = (v: string) => ({ "V3.1": v, "V3.2": v, "V3.3": v, "V3.4": v, "V3.5": v });
    expect(preclinicalRationale(all("Y"))).toBe("supported");
    expect(preclinicalRationale(all("NA"))).toBe("not_applicable");
    expect(preclinicalRationale({ ...all("Y"), "V3.3": "N" })).toBe("partly_supported");
    expect(preclinicalRationale({ ...all("Y"), "V3.2": "N", "V3.3": "N", "V3.4": "NI" })).toBe("unsupported");
    expect(preclinicalRationale({ "V3.1": "Y" })).toBeNull();
  });
  it("is as weak overall as its weakest item", () => {
    expect(validityOverall(["supported", "not_applicable", "supported"])).toBe("supported");
    expect(validityOverall(["supported", "partly_supported", "supported"])).toBe("partly_supported");
    expect(validityOverall(["unsupported", "partly_supported", "supported"])).toBe("unsupported");
    expect(validityOverall(["not_applicable", "not_applicable", "not_applicable"])).toBe("not_applicable");
  });
});
