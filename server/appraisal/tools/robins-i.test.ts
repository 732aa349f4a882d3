// ROBINS-I as its tool template (19 September 2016) routes the signalling questions: every route through each
// domain's printed conditions, each answer group tried with every answer it holds; the response options of every
// question; domain 4 asked per effect of interest; and answers saved before the split read without loss.
import { describe, expect, it } from "vitest";
import { assess, checkAnswers, readAnswers } from "../answers";
import { askedResponses, skippedQuestions } from "./asked";
import { confounding, ROBINS_I } from "./robins-i";
import { withVariant } from "./variants";

const YES = ["Y", "PY"];
const NO = ["N", "PN"];
const NI = ["NI"];
const ANY = [...YES, ...NO, ...NI];

function expand(groups: Record<string, string[]>): Record<string, string>[] {
  return Object.entries(groups).reduce<Record<string, string>[]>(
    (acc, [id, values]) => acc.flatMap((r) => values.map((v) => ({ ...r, [id]: v }))),
    [{}],
  );
}

/** The questions of one domain asked for these answers, in the tool's order. */
function asked(domainId: string, responses: Record<string, string>, variant = "assignment"): string[] {
  const domains = withVariant(ROBINS_I, variant).domains;
  const skipped = skippedQuestions(domains, responses);
  return domains
    .find((d) => d.id === domainId)!
    .questions.map((question) => question.id)
    .filter((id) => !skipped.has(id));
}

type Route = [string, Record<string, string[]>, string[]];

function routes(domainId: string, table: Route[], variant = "assignment") {
  describe(`${domainId} (${variant})`, () => {
    it.each(table)("%s", (_, groups, expected) => {
      for (const responses of expand(groups))
        expect(asked(domainId, responses, variant), JSON.stringify(responses)).toEqual(expected);
    });
  });
}

// Domain 1: "If N/PN to 1.1: the study can be considered to be at low risk of bias due to confounding and no further
// signalling questions need be considered"; Y/PY → 1.2; 1.2 N/PN → baseline confounding (1.4–1.6), Y/PY → 1.3;
// 1.3 N/PN → baseline, Y/PY → baseline and time-varying (1.7–1.8); "If Y/PY to 1.4" → 1.5, "If Y/PY to 1.7" → 1.8.
// NI at 1.2 or 1.3 (which the template does not route) asks the baseline questions.
routes("D1", [
  ["N/PN to 1.1 asks nothing more", { "1.1": NO }, ["1.1"]],
  ["Y/PY to 1.1 asks 1.2", { "1.1": YES }, ["1.1", "1.2"]],
  [
    "N/PN/NI to 1.2: baseline confounding",
    { "1.1": YES, "1.2": [...NO, ...NI], "1.4": [...NO, ...NI] },
    ["1.1", "1.2", "1.4", "1.6"],
  ],
  [
    "… and Y/PY to 1.4 asks 1.5",
    { "1.1": YES, "1.2": [...NO, ...NI], "1.4": YES },
    ["1.1", "1.2", "1.4", "1.5", "1.6"],
  ],
  ["Y/PY to 1.2 asks 1.3", { "1.1": YES, "1.2": YES }, ["1.1", "1.2", "1.3"]],
  [
    "N/PN/NI to 1.3: baseline confounding",
    { "1.1": YES, "1.2": YES, "1.3": [...NO, ...NI], "1.4": YES },
    ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"],
  ],
  [
    "Y/PY to 1.3: time-varying confounding",
    { "1.1": YES, "1.2": YES, "1.3": YES, "1.7": [...NO, ...NI] },
    ["1.1", "1.2", "1.3", "1.7"],
  ],
  [
    "… and Y/PY to 1.7 asks 1.8",
    { "1.1": YES, "1.2": YES, "1.3": YES, "1.7": YES },
    ["1.1", "1.2", "1.3", "1.7", "1.8"],
  ],
]);

routes("D2", [
  ["N/PN/NI to 2.1 and Y/PY/NI to 2.4", { "2.1": [...NO, ...NI], "2.4": [...YES, ...NI] }, ["2.1", "2.4"]],
  ["N/PN/NI to 2.1 and N/PN to 2.4 asks 2.5", { "2.1": [...NO, ...NI], "2.4": NO }, ["2.1", "2.4", "2.5"]],
  ["Y/PY to 2.1 asks 2.2", { "2.1": YES, "2.2": [...NO, ...NI], "2.4": [...YES, ...NI] }, ["2.1", "2.2", "2.4"]],
  [
    "Y/PY to 2.2 asks 2.3",
    { "2.1": YES, "2.2": YES, "2.3": [...NO, ...NI], "2.4": [...YES, ...NI] },
    ["2.1", "2.2", "2.3", "2.4"],
  ],
  [
    "Y/PY to 2.2 and 2.3 asks 2.5",
    { "2.1": YES, "2.2": YES, "2.3": YES, "2.4": ANY },
    ["2.1", "2.2", "2.3", "2.4", "2.5"],
  ],
  [
    "N/PN to 2.4 asks 2.5 whatever 2.2 and 2.3",
    { "2.1": YES, "2.2": YES, "2.3": [...NO, ...NI], "2.4": NO },
    ["2.1", "2.2", "2.3", "2.4", "2.5"],
  ],
]);

routes("D3", [["no conditions", { "3.1": ANY, "3.2": ANY, "3.3": ANY }, ["3.1", "3.2", "3.3"]]]);

routes("D4", [
  ["N/PN/NI to 4.1", { "4.1": [...NO, ...NI] }, ["4.1"]],
  ["Y/PY to 4.1 asks 4.2", { "4.1": YES }, ["4.1", "4.2"]],
]);

routes(
  "D4",
  [
    [
      "Y/PY/NI to 4.3, 4.4 and 4.5",
      { "4.3": [...YES, ...NI], "4.4": [...YES, ...NI], "4.5": [...YES, ...NI] },
      ["4.3", "4.4", "4.5"],
    ],
    ["N/PN to 4.3 asks 4.6", { "4.3": NO, "4.4": ANY, "4.5": ANY }, ["4.3", "4.4", "4.5", "4.6"]],
    ["N/PN to 4.4 asks 4.6", { "4.3": ANY, "4.4": NO, "4.5": ANY }, ["4.3", "4.4", "4.5", "4.6"]],
    ["N/PN to 4.5 asks 4.6", { "4.3": ANY, "4.4": ANY, "4.5": NO }, ["4.3", "4.4", "4.5", "4.6"]],
  ],
  "adhering",
);

routes("D5", [
  [
    "Y/PY/NI to 5.1 and N/PN/NI to 5.2 and 5.3",
    { "5.1": [...YES, ...NI], "5.2": [...NO, ...NI], "5.3": [...NO, ...NI] },
    ["5.1", "5.2", "5.3"],
  ],
  ["PN/N to 5.1 asks 5.4 and 5.5", { "5.1": NO, "5.2": ANY, "5.3": ANY }, ["5.1", "5.2", "5.3", "5.4", "5.5"]],
  ["Y/PY to 5.2 asks 5.4 and 5.5", { "5.1": ANY, "5.2": YES, "5.3": ANY }, ["5.1", "5.2", "5.3", "5.4", "5.5"]],
  ["Y/PY to 5.3 asks 5.4 and 5.5", { "5.1": ANY, "5.2": ANY, "5.3": YES }, ["5.1", "5.2", "5.3", "5.4", "5.5"]],
]);

routes("D6", [["no conditions", { "6.1": ANY }, ["6.1", "6.2", "6.3", "6.4"]]]);
routes("D7", [["no conditions", { "7.1": ANY }, ["7.1", "7.2", "7.3"]]]);

describe("ROBINS-I response options", () => {
  const FIVE = ["Y", "PY", "PN", "N", "NI"];
  const WITH_NA = [...FIVE, "NA"];
  const all = [...ROBINS_I.domains, ...ROBINS_I.variants!.options.map((o) => o.domain)].flatMap((d) => d.questions);
  const options = (id: string) => all.find((question) => question.id === id)!.options;
  it("offers no NI for 1.1, which is always judged", () => expect(options("1.1")).toEqual(["Y", "PY", "PN", "N"]));
  it.each(["1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "2.2", "2.3", "2.5", "4.2", "4.6", "5.4", "5.5"])(
    "offers NA for the conditional question %s",
    (id) => expect(options(id)).toEqual(WITH_NA),
  );
  it.each([
    "2.1",
    "2.4",
    "3.1",
    "3.2",
    "3.3",
    "4.1",
    "4.3",
    "4.4",
    "4.5",
    "5.1",
    "5.2",
    "5.3",
    "6.1",
    "6.4",
    "7.1",
    "7.3",
  ])("offers the five answers for %s, always asked", (id) => expect(options(id)).toEqual(FIVE));
  it("prints the conditions the template prints before its questions", () => {
    const text = (id: string) => all.find((question) => question.id === id)!.text;
    expect(text("1.5")).toMatch(/^If Y\/PY to 1\.4:/);
    expect(text("1.8")).toMatch(/^If Y\/PY to 1\.7:/);
    expect(text("2.2")).toMatch(/^If Y\/PY to 2\.1:/);
    expect(text("2.3")).toMatch(/^If Y\/PY to 2\.2:/);
    expect(text("2.5")).toMatch(/^If Y\/PY to 2\.2 and 2\.3, or N\/PN to 2\.4:/);
    expect(text("4.2")).toMatch(/^If Y\/PY to 4\.1:/);
    expect(text("4.6")).toMatch(/^If N\/PN to 4\.3, 4\.4 or 4\.5:/);
    expect(text("5.4")).toMatch(/^If PN\/N to 5\.1, or Y\/PY to 5\.2 or 5\.3:/);
    expect(text("5.5")).toMatch(/^If PN\/N to 5\.1, or Y\/PY to 5\.2 or 5\.3:/);
  });
});

describe("ROBINS-I judgements", () => {
  it("proposes low for confounding on N/PN to 1.1, and leaves every other judgement to the appraiser", () => {
    for (const answer of NO) expect(confounding({ "1.1": answer })).toBe("low");
    for (const answer of YES) expect(confounding({ "1.1": answer })).toBeNull();
    const assessment = assess(ROBINS_I, { responses: { "1.1": "N" }, support: {}, overrides: {} });
    expect(assessment.domains.map((d) => d.proposed)).toEqual(["low", null, null, null, null, null, null]);
  });
  it("says the confounding judgement is the appraiser's once there is potential for confounding", () => {
    const unproposed = ROBINS_I.domains[0]!.unproposed!;
    for (const answer of YES) expect(unproposed({ "1.1": answer })).toMatch(/choose the judgement below/);
    expect(unproposed({})).toBeNull();
    expect(unproposed({ "1.1": "N" })).toBeNull();
  });
  it("reads skipped questions as NA and does not keep answers to them", () => {
    const responses = { "1.1": "N", "1.2": "Y", "1.7": "N", "2.1": "N", "2.2": "Y" };
    expect(askedResponses(ROBINS_I.domains, responses)).toMatchObject({ "1.2": "NA", "1.7": "NA", "2.2": "NA" });
    expect(checkAnswers(ROBINS_I, { responses }).responses).toEqual({ "1.1": "N", "2.1": "N" });
  });
});

describe("ROBINS-I domain 4 by effect of interest", () => {
  it("asks 4.1–4.2 for the effect of assignment and 4.3–4.6 for starting and adhering", () => {
    expect(() => checkAnswers(ROBINS_I, { responses: { "4.4": "N" } })).toThrow(/no question 4\.4/);
    expect(() => checkAnswers(ROBINS_I, { responses: { "4.1": "N" }, variant: "adhering" })).toThrow(
      /no question 4\.1/,
    );
    const adhering = checkAnswers(ROBINS_I, { responses: { "4.4": "N", "4.6": "PY" }, variant: "adhering" });
    expect(adhering.responses).toEqual({ "4.4": "N", "4.6": "PY" });
    expect(withVariant(ROBINS_I, "adhering").domains[3]!.label).toBe(
      "Bias due to deviations from intended interventions (effect of starting and adhering)",
    );
  });
  it("reads answers saved before the split in the effect their domain 4 answers belong to", () => {
    const { answers, setAside } = readAnswers(ROBINS_I, {
      responses: { "1.1": "N", "4.3": "Y", "4.5": "PN", "4.6": "Y" },
    });
    expect(answers.variant).toBe("adhering");
    expect(answers.responses).toEqual({ "1.1": "N", "4.3": "Y", "4.5": "PN", "4.6": "Y" });
    expect(setAside).toEqual([]);
  });
  it("keeps the effect of assignment, and sets aside the rest with a sentence, when both halves were answered", () => {
    const { answers, setAside } = readAnswers(ROBINS_I, {
      responses: { "1.1": "Y", "4.1": "Y", "4.2": "N", "4.4": "N" },
    });
    expect(answers.variant).toBeUndefined();
    expect(answers.responses).toEqual({ "1.1": "Y", "4.1": "Y", "4.2": "N" });
    expect(setAside).toEqual([
      {
        id: "4.4",
        value: "N",
        message:
          'Question 4.4 belongs to the effect of starting and adhering to intervention (per-protocol); its answer "No" is set aside.',
      },
    ]);
  });
  it("sets aside an NI to 1.1, which the tool does not offer", () => {
    expect(readAnswers(ROBINS_I, { responses: { "1.1": "NI" } }).setAside.map((s) => s.id)).toEqual(["1.1"]);
  });
});
