// RoB 2's domain 2 variant travels with each appraisal's answers: checked, assessed, compared, drafted into a
// consensus, plotted and exported in the variant the appraiser chose.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { assess, checkAnswers, switchVariant } from "./answers";
import { compareAnswers, consensusDraft } from "./compare";
import { wideTable } from "./export-files";
import { summaryShares } from "./plots/summary-bar";
import { trafficLightSvg } from "./plots/traffic-light";
import { ROB2 } from "./tools/rob2";
import { SYRCLE } from "./tools/syrcle";
import { labelledDomains } from "./tools/variants";

const OTHER_DOMAINS_LOW = {
  "1.1": "Y",
  "1.2": "Y",
  "1.3": "N",
  "3.1": "Y",
  "4.1": "N",
  "4.2": "N",
  "4.3": "N",
  "5.1": "Y",
  "5.2": "N",
  "5.3": "N",
};
const ASSIGNMENT = { ...OTHER_DOMAINS_LOW, "2.1": "Y", "2.2": "Y", "2.3": "N", "2.6": "Y" };
const ADHERING = { ...OTHER_DOMAINS_LOW, "2.1": "Y", "2.2": "Y", "2.3": "PN", "2.6": "N" };

describe("choosing the domain 2 variant", () => {
  it("reads answers without a variant as the effect of assignment, as every appraisal did before", () => {
    const answers = checkAnswers(ROB2, { responses: ASSIGNMENT });
    expect(answers.variant).toBeUndefined();
    expect(assess(ROB2, answers).domains[1]!.final).toBe("low");
  });
  it("checks and judges domain 2 against the adhering questions and algorithm", () => {
    const answers = checkAnswers(ROB2, { responses: ADHERING, variant: "adhering" });
    expect(answers.variant).toBe("adhering");
    const assessment = assess(ROB2, answers);
    expect(assessment.domains[1]).toMatchObject({ id: "D2", proposed: "high" });
    expect(assessment.overall?.final).toBe("high");
    expect(() => checkAnswers(ROB2, { responses: { "2.7": "N" }, variant: "adhering" })).toThrow(/no question 2\.7/);
    expect(() => checkAnswers(ROB2, { responses: { "2.6": "NA" }, variant: "assignment" })).toThrow(
      /not an answer to RoB 2 question 2\.6/,
    );
    const asked = { "2.1": "N", "2.2": "N", "2.4": "Y", "2.6": "NA" };
    expect(checkAnswers(ROB2, { responses: asked, variant: "adhering" }).responses["2.6"]).toBe("NA");
    // Not asked while nothing sends the path to it: an answer there counts nowhere and is not kept.
    expect(checkAnswers(ROB2, { responses: { "2.6": "NA" }, variant: "adhering" }).responses["2.6"]).toBeUndefined();
  });
  it.each([
    [ROB2, { variant: "per-protocol" }, /RoB 2 has no variant "per-protocol"/],
    [SYRCLE, { variant: "adhering" }, /SYRCLE has no variant "adhering"/],
  ])("refuses a variant the tool does not have", (tool, raw, message) => {
    expect(() => checkAnswers(tool, raw)).toThrow(message);
    expect(() => checkAnswers(tool, raw)).toThrow(AppError);
  });
  it("keeps the answers to questions both variants share when switching, and clears the rest of domain 2", () => {
    const switched = switchVariant(ROB2, checkAnswers(ROB2, { responses: { ...ASSIGNMENT, "2.7": "N" } }), {
      variant: "adhering",
    });
    expect(switched.variant).toBe("adhering");
    expect(switched.responses).toEqual({ ...OTHER_DOMAINS_LOW, "2.1": "Y", "2.2": "Y" });
    expect(() => checkAnswers(ROB2, switched)).not.toThrow();
  });
});

describe("comparing appraisers who chose different variants", () => {
  const a = checkAnswers(ROB2, { responses: ASSIGNMENT, support: { D2: "ITT analysis" } });
  const b = checkAnswers(ROB2, { responses: ADHERING, variant: "adhering" });

  it("marks the variant as a difference and lists each variant's questions apart", () => {
    const items = compareAnswers(ROB2, [a, b]);
    expect(items.find((i) => i.kind === "variant")).toEqual({
      kind: "variant",
      domainId: "D2",
      id: "variant",
      text: "Effect of interest",
      values: ["assignment", "adhering"],
      agree: false,
    });
    const d2 = items.filter((i) => i.kind === "question" && i.domainId === "D2");
    expect(d2).toHaveLength(7 + 6);
    expect(d2.every((i) => !i.agree)).toBe(true);
    const adhering23 = d2.find((i) => i.id === "2.3" && i.text.includes("non-protocol interventions"))!;
    expect(adhering23.values).toEqual([null, "PN"]);
    expect(items.find((i) => i.id === "D2")?.values).toEqual(["low", "high"]);
    expect(items.filter((i) => i.domainId === "D1").every((i) => i.agree)).toBe(true);
  });
  it("leaves the variant and domain 2's answers for the lead to settle in the consensus draft", () => {
    const draft = consensusDraft(ROB2, [
      { name: "Ann", answers: a },
      { name: "Bo", answers: b },
    ]);
    expect(draft.variant).toBeUndefined();
    expect(Object.keys(draft.responses).filter((id) => id.startsWith("2."))).toEqual([]);
    expect(draft.responses["1.1"]).toBe("Y");
  });
  it("carries an agreed variant into the draft", () => {
    const c = checkAnswers(ROB2, { responses: { ...ADHERING, "2.6": "Y" }, variant: "adhering" });
    const draft = consensusDraft(ROB2, [
      { name: "Bo", answers: b },
      { name: "Cy", answers: c },
    ]);
    expect(draft.variant).toBe("adhering");
    expect(draft.responses).toMatchObject({ "2.3": "PN" });
    expect(draft.responses["2.6"]).toBeUndefined();
    const items = compareAnswers(ROB2, [b, c]);
    expect(items.filter((i) => !i.agree).map((i) => i.id)).toEqual(["2.6", "D2", "overall"]);
  });
});

describe("labelling domain 2 in plots and exports", () => {
  const rows = [
    { label: "Oh 2018", judgements: ["low", "low", "low", "low", "low"], overall: "low", variant: "assignment" },
    { label: "Berry 2019", judgements: ["low", "high", "low", "low", "low"], overall: "high", variant: "adhering" },
  ];
  it("names the variant when every study shares it", () => {
    expect(labelledDomains(ROB2, [{ variant: "adhering" }, { variant: "adhering" }])[1]!.label).toBe(
      "Bias due to deviations from intended interventions (effect of adhering)",
    );
    expect(trafficLightSvg(ROB2, [rows[1]!])).toContain(
      "D2: Bias due to deviations from intended interventions (effect of adhering)",
    );
    expect(trafficLightSvg(ROB2, [rows[0]!])).toContain(
      "D2: Bias due to deviations from intended interventions (effect of assignment)",
    );
  });
  it("names both and marks the studies appraised for adhering when they mix", () => {
    const svg = trafficLightSvg(ROB2, rows);
    expect(svg).toContain(
      "D2: Bias due to deviations from intended interventions (effect of assignment; † effect of adhering)",
    );
    expect(svg).toContain(">Berry 2019 †</text>");
    expect(svg).toContain(">Oh 2018</text>");
    expect(summaryShares(ROB2, rows)[1]!.label).toContain("† effect of adhering");
  });
  it("exports each row's variant and labels the D2 column for the rows present", () => {
    const wide = rows.map((r, i) => ({
      studyId: `s${i}`,
      study: r.label,
      tool: "rob2" as const,
      appraiser: "consensus",
      completedAt: "2026-01-01T00:00:00.000Z",
      judgements: { D2: i ? "High risk" : "Low risk" },
      overall: "",
      variant: r.variant,
    }));
    const mixed = wideTable("rob2", wide);
    expect(mixed.header).toContain(
      "D2 Bias due to deviations from intended interventions (effect of assignment; † effect of adhering)",
    );
    expect(mixed.header.slice(-2)).toEqual(["D2 effect of interest", "trial design"]);
    expect(mixed.rows.map((r) => r.at(-2))).toEqual([
      "Effect of assignment to intervention (intention-to-treat)",
      "Effect of adhering to intervention (per-protocol)",
    ]);
    expect(wideTable("rob2", [wide[1]!]).header).toContain(
      "D2 Bias due to deviations from intended interventions (effect of adhering)",
    );
  });
});

describe("RoB 2 trial designs through an appraisal", () => {
  // Cluster trials ask 2.1, 3.1 and 4.3 as two questions each.
  const { "3.1": _31, "4.3": _43, ...SHARED_LOW } = OTHER_DOMAINS_LOW;
  const CLUSTER = {
    ...SHARED_LOW,
    "3.1a": "Y",
    "3.1b": "Y",
    "4.3a": "N",
    "2.1a": "N",
    "2.2": "N",
    "2.6": "Y",
    "1b.1": "N",
    "1b.2": "PY",
    "1b.3": "N",
  };
  const CROSSOVER = { ...OTHER_DOMAINS_LOW, "2.1": "N", "2.2": "N", "2.6": "Y", "S.1": "Y", "S.3": "Y" };

  it("checks and judges the design's own domain, and refuses a design the tool does not have", () => {
    const cluster = checkAnswers(ROB2, { responses: CLUSTER, design: "cluster" });
    expect(assess(ROB2, cluster).domains.map((d) => [d.id, d.final])).toEqual([
      ["D1", "low"],
      ["D1b", "high"],
      ["D2", "low"],
      ["D3", "low"],
      ["D4", "low"],
      ["D5", "low"],
    ]);
    expect(assess(ROB2, cluster).overall?.final).toBe("high");
    expect(() => checkAnswers(ROB2, { responses: CLUSTER })).toThrow(/no question 3\.1a/);
    expect(() => checkAnswers(ROB2, { responses: {}, design: "stepped-wedge" })).toThrow(
      /RoB 2 has no trial design "stepped-wedge"/,
    );
    expect(() => checkAnswers(SYRCLE, { responses: {}, design: "cluster" })).toThrow(AppError);
  });
  it("clears the other design's domain, with its note and override, when the design changes", () => {
    const cluster = checkAnswers(ROB2, {
      responses: CLUSTER,
      design: "cluster",
      support: { D1b: "Recruited after randomisation", D1: "Central" },
      overrides: { D1b: { judgement: "some_concerns", reason: "Small effect" } },
    });
    const switched = switchVariant(ROB2, cluster, { design: "crossover" });
    expect(switched.design).toBe("crossover");
    expect(Object.keys(switched.responses).filter((id) => id.startsWith("1b."))).toEqual([]);
    expect(switched.support).toEqual({ D1: "Central" });
    expect(switched.overrides).toEqual({});
  });
  it("compares appraisers who chose different designs and leaves the design's domain to the lead", () => {
    const a = checkAnswers(ROB2, { responses: CLUSTER, design: "cluster" });
    const b = checkAnswers(ROB2, { responses: CROSSOVER, design: "crossover" });
    const items = compareAnswers(ROB2, [a, b]);
    expect(items[0]).toEqual({
      kind: "design",
      domainId: "design",
      id: "design",
      text: "Trial design",
      values: ["cluster", "crossover"],
      agree: false,
    });
    expect(items.find((i) => i.id === "1b.2")?.values).toEqual(["PY", null]);
    expect(items.find((i) => i.id === "S.3")?.values).toEqual([null, "Y"]);
    expect(items.find((i) => i.id === "D1b")).toMatchObject({ values: ["high", null], agree: false });
    expect(items.find((i) => i.id === "DS")).toMatchObject({ values: [null, "low"], agree: false });
    const draft = consensusDraft(ROB2, [
      { name: "Ann", answers: a },
      { name: "Bo", answers: b },
    ]);
    expect(draft.design).toBeUndefined();
    expect(draft.responses["1.1"]).toBe("Y");
    const agreed = consensusDraft(ROB2, [
      { name: "Ann", answers: a },
      { name: "Cy", answers: checkAnswers(ROB2, { responses: { ...CLUSTER, "1b.3": "Y" }, design: "cluster" }) },
    ]);
    expect(agreed.design).toBe("cluster");
    expect(agreed.responses).toMatchObject({ "1b.1": "N", "1b.2": "PY" });
    expect(agreed.responses["1b.3"]).toBeUndefined();
  });
  it("plots and exports every design's domain under its own name, marking where a study's design has none", () => {
    const rows = [
      { label: "Oh 2018", judgements: ["low", "low", "low", "low", "low"], overall: "low" },
      {
        label: "Lee 2020",
        judgements: ["low", "high", "low", "low", "low", "low"],
        overall: "high",
        design: "cluster",
      },
      {
        label: "Ito 2021",
        judgements: ["low", "some_concerns", "low", "low", "low", "low"],
        overall: "some_concerns",
        design: "crossover",
      },
    ];
    const svg = trafficLightSvg(ROB2, rows);
    expect(svg).toContain("D1b: Bias arising from the timing of identification and recruitment of participants");
    expect(svg).toContain("DS: Bias arising from period and carryover effects");
    expect(svg).toContain("Oh 2018, D1b: not asked for this trial design");
    expect(svg).toContain("–: a domain the study's trial design does not have");
    expect(svg).toContain("Lee 2020, D1b: High risk");
    expect(svg).toContain("Lee 2020, D2: Low risk");
    expect(svg).toContain("Ito 2021, DS: Some concerns");
    const shares = summaryShares(ROB2, rows);
    expect(shares).toHaveLength(7 + 1);
    expect(shares[1]).toEqual({
      label: "Bias arising from the timing of identification and recruitment of participants (1 of 3 studies)",
      shares: [{ value: "high", share: 1 }],
    });
    expect(shares[0]!.label).toBe("Bias arising from the randomisation process");
    expect(trafficLightSvg(ROB2, [rows[0]!])).not.toContain("D1b");
    expect(trafficLightSvg(ROB2, [rows[0]!])).not.toContain("does not have");
    const wide = rows.map((r, i) => ({
      studyId: `s${i}`,
      study: r.label,
      tool: "rob2" as const,
      appraiser: "consensus",
      completedAt: "2026-01-01T00:00:00.000Z",
      judgements: (i === 1 ? { D1b: "High risk" } : {}) as Record<string, string>,
      overall: "",
      ...(r.design ? { design: r.design } : {}),
    }));
    const table = wideTable("rob2", wide);
    expect(table.header).toContain(
      "D1b Bias arising from the timing of identification and recruitment of participants",
    );
    expect(table.header.at(-1)).toBe("trial design");
    expect(table.rows.map((r) => r.at(-1))).toEqual([
      "Individually randomised, parallel-group trial",
      "Cluster-randomised, parallel-group trial",
      "Individually randomised crossover trial",
    ]);
  });
});
