// Every path of the RoB 2 algorithms, transcribed from the full guidance (Higgins JPT, Savović J, Page MJ,
// Sterne JAC, "Revised Cochrane risk-of-bias tool for randomized trials (RoB 2)", 22 August 2019): for each domain,
// its "Risk-of-bias judgement" criteria and algorithm figure, one row per route through the figure. Each answer
// group is tried with every answer it holds, and each row is checked twice: by the domain's function with the
// answers as given, and through the tool as the form asks it (questions whose printed condition is not met read
// as NA), so a slip in a branch or in a condition fails here.
import { describe, expect, it } from "vitest";
import { askedResponses, skippedQuestions } from "./asked";
import {
  clusterDeviations,
  clusterMeasurement,
  clusterMissingData,
  deviations,
  deviationsAdhering,
  measurement,
  missingData,
  periodAndCarryover,
  ROB2,
  randomisation,
  recruitment,
  reportedResult,
  rob2Overall,
  severalConcerns,
} from "./rob2";
import { withVariant } from "./variants";

const YES = ["Y", "PY"];
const NO = ["N", "PN"];
const NI = ["NI"];
const LOW = "low";
const SOME = "some_concerns";
const HIGH = "high";

type Path = [Record<string, string[]>, string];

/** All combinations of the answers each question may take on this path. */
function expand(groups: Record<string, string[]>): Record<string, string>[] {
  return Object.entries(groups).reduce<Record<string, string>[]>(
    (acc, [id, values]) => acc.flatMap((r) => values.map((v) => ({ ...r, [id]: v }))),
    [{}],
  );
}

function check(
  name: string,
  fn: (r: Record<string, string>) => string | null,
  paths: Path[],
  variant: "assignment" | "adhering" = "assignment",
  design: "parallel" | "cluster" | "crossover" = "parallel",
) {
  const tool = withVariant(ROB2, variant, design);
  const domain = tool.domains.find((d) => d.propose === fn)!;
  describe(name, () => {
    for (const [groups, expected] of paths) {
      const label = Object.entries(groups)
        .map(([id, v]) => `${id}=${v.join("/")}`)
        .join(", ");
      it(`${label} → ${expected}`, () => {
        for (const answers of expand(groups)) {
          expect(fn(answers), JSON.stringify(answers)).toBe(expected);
          // Every question a route reads is asked on that route, and the route holds through the form's skipping.
          const skipped = skippedQuestions(tool.domains, answers);
          expect(Object.keys(answers).filter((id) => skipped.has(id) && answers[id] !== "NA")).toEqual([]);
          expect(domain.propose!(askedResponses(tool.domains, answers)), JSON.stringify(answers)).toBe(expected);
        }
      });
    }
  });
}

// Domain 1 criteria: low needs the sequence concealed (1.2 Y/PY), not known to be non-random (1.1 Y/PY/NI) and no
// baseline differences suggesting a problem (1.3 N/PN/NI). A concealed but non-random sequence is "some concerns"
// whatever the baseline shows; high needs an unconcealed sequence, or no information on concealment with baseline
// differences that suggest a problem.
const ANY_ANSWER = [...YES, ...NO, ...NI];
check("domain 1: randomisation process", randomisation, [
  [{ "1.1": [...YES, ...NI], "1.2": YES, "1.3": [...NO, ...NI] }, LOW],
  [{ "1.1": [...YES, ...NI], "1.2": YES, "1.3": YES }, SOME],
  [{ "1.1": NO, "1.2": YES, "1.3": ANY_ANSWER }, SOME],
  [{ "1.1": ANY_ANSWER, "1.2": NI, "1.3": [...NO, ...NI] }, SOME],
  [{ "1.1": ANY_ANSWER, "1.2": NI, "1.3": YES }, HIGH],
  [{ "1.1": ANY_ANSWER, "1.2": NO, "1.3": ANY_ANSWER }, HIGH],
]);

describe("domain 1 decides as soon as the algorithm can", () => {
  it("needs neither 1.1 nor 1.3 once the sequence was not concealed", () => {
    expect(randomisation({ "1.2": "PN" })).toBe(HIGH);
  });
  it("needs no 1.3 for a concealed sequence that was not random", () => {
    expect(randomisation({ "1.1": "N", "1.2": "Y" })).toBe(SOME);
  });
  it("waits for 1.1 when the sequence was concealed", () => {
    expect(randomisation({ "1.2": "Y", "1.3": "N" })).toBeNull();
  });
});

// Part 1 (2.1–2.5) and part 2 (2.6–2.7) combine: low only if both are low, high if either is high.
const PART2_LOW = { "2.6": YES };
const PART2_SOME = { "2.6": [...NO, ...NI], "2.7": NO };
const PART2_HIGH = { "2.6": [...NO, ...NI], "2.7": [...YES, ...NI] };
const AWARE = { "2.1": [...YES, ...NI], "2.2": [...YES, ...NO, ...NI] };
check("domain 2: deviations from intended interventions (assignment)", deviations, [
  [{ "2.1": NO, "2.2": NO, ...PART2_LOW }, LOW],
  [{ "2.1": NO, "2.2": [...YES, ...NI], "2.3": [...NO, "NA"], ...PART2_LOW }, LOW],
  [{ ...AWARE, "2.3": [...NO, "NA"], ...PART2_LOW }, LOW],
  [{ ...AWARE, "2.3": NI, ...PART2_LOW }, SOME],
  [{ ...AWARE, "2.3": YES, "2.4": NO, ...PART2_LOW }, SOME],
  [{ ...AWARE, "2.3": YES, "2.4": [...YES, ...NI], "2.5": YES, ...PART2_LOW }, SOME],
  [{ ...AWARE, "2.3": YES, "2.4": [...YES, ...NI], "2.5": [...NO, ...NI], ...PART2_LOW }, HIGH],
  [{ "2.1": NO, "2.2": NO, ...PART2_SOME }, SOME],
  [{ "2.1": NO, "2.2": NO, ...PART2_HIGH }, HIGH],
  [{ ...AWARE, "2.3": NI, ...PART2_SOME }, SOME],
  [{ ...AWARE, "2.3": YES, "2.4": YES, "2.5": NO, ...PART2_SOME }, HIGH],
  [{ ...AWARE, "2.3": NI, ...PART2_HIGH }, HIGH],
]);

// Effect of adhering: awareness (2.1/2.2) or balanced non-protocol interventions (2.3) lead to 2.4/2.5; an
// imbalance (2.3 N/PN/NI), a failure in implementation or non-adherence (2.4/2.5 Y/PY/NI) leads to 2.6.
const ANY = [...YES, ...NO, ...NI, "NA"];
const UNAWARE = { "2.1": NO, "2.2": NO };
const AWARE_ADHERING: Record<string, string[]>[] = [
  { "2.1": [...YES, ...NI], "2.2": [...YES, ...NO, ...NI] },
  { "2.1": NO, "2.2": [...YES, ...NI] },
];
const BALANCED = { "2.3": [...YES, "NA"] };
const IMBALANCED = { "2.3": [...NO, ...NI] };
const FINE_OR_NA = [...NO, "NA"];
const CONCERN = [...YES, ...NI];
const ANALYSIS_OK = { "2.6": YES };
const ANALYSIS_POOR = { "2.6": [...NO, ...NI] };
/** The paths from node 2.4/2.5 onwards, reached either unaware or aware with balanced non-protocol interventions. */
const FROM_2425: Path[] = [
  [{ "2.4": FINE_OR_NA, "2.5": FINE_OR_NA }, LOW],
  [{ "2.4": CONCERN, "2.5": ANY, ...ANALYSIS_OK }, SOME],
  [{ "2.4": CONCERN, "2.5": ANY, ...ANALYSIS_POOR }, HIGH],
  [{ "2.4": FINE_OR_NA, "2.5": CONCERN, ...ANALYSIS_OK }, SOME],
  [{ "2.4": FINE_OR_NA, "2.5": CONCERN, ...ANALYSIS_POOR }, HIGH],
];
check(
  "domain 2: deviations from intended interventions (adhering)",
  deviationsAdhering,
  [
    ...FROM_2425.map(([groups, expected]): Path => [{ ...UNAWARE, ...groups }, expected]),
    ...AWARE_ADHERING.flatMap((aware) =>
      FROM_2425.map(([groups, expected]): Path => [{ ...aware, ...BALANCED, ...groups }, expected]),
    ),
    ...AWARE_ADHERING.flatMap((aware): Path[] => [
      [{ ...aware, ...IMBALANCED, "2.4": ANY, "2.5": ANY, ...ANALYSIS_OK }, SOME],
      [{ ...aware, ...IMBALANCED, "2.4": ANY, "2.5": ANY, ...ANALYSIS_POOR }, HIGH],
    ]),
  ],
  "adhering",
);

describe("domain 2 (adhering) waits for the answers its path needs", () => {
  it("proposes nothing while a question on the path is unanswered", () => {
    expect(deviationsAdhering({ "2.1": "N" })).toBeNull();
    expect(deviationsAdhering({ "2.1": "Y", "2.2": "N", "2.4": "N", "2.5": "N" })).toBeNull();
    expect(deviationsAdhering({ "2.1": "N", "2.2": "PN", "2.4": "N" })).toBeNull();
    expect(deviationsAdhering({ "2.1": "N", "2.2": "N", "2.4": "Y", "2.5": "N" })).toBeNull();
    expect(deviationsAdhering({ "2.1": "NI", "2.2": "N", "2.3": "PN" })).toBeNull();
  });
  it("decides from 2.6 as soon as one of 2.4 and 2.5 raises a concern", () => {
    expect(deviationsAdhering({ "2.1": "N", "2.2": "N", "2.5": "PY", "2.6": "PY" })).toBe(SOME);
    expect(deviationsAdhering({ "2.1": "PY", "2.2": "N", "2.3": "NA", "2.4": "NI", "2.6": "N" })).toBe(HIGH);
  });
  it("skips 2.4 and 2.5 when non-protocol interventions were imbalanced", () => {
    expect(deviationsAdhering({ "2.1": "Y", "2.2": "Y", "2.3": "N", "2.6": "Y" })).toBe(SOME);
  });
  it("treats NA at 2.6, once the path reaches it, as an answer still to correct", () => {
    expect(deviationsAdhering({ "2.1": "Y", "2.2": "Y", "2.3": "N", "2.6": "NA" })).toBeNull();
    expect(deviationsAdhering({ "2.1": "N", "2.2": "N", "2.4": "Y", "2.5": "N", "2.6": "NA" })).toBeNull();
  });
});

check("domain 3: missing outcome data", missingData, [
  [{ "3.1": YES }, LOW],
  [{ "3.1": [...NO, ...NI], "3.2": YES }, LOW],
  [{ "3.1": [...NO, ...NI], "3.2": NO, "3.3": NO }, LOW],
  [{ "3.1": [...NO, ...NI], "3.2": NO, "3.3": [...YES, ...NI], "3.4": NO }, SOME],
  [{ "3.1": [...NO, ...NI], "3.2": NO, "3.3": [...YES, ...NI], "3.4": [...YES, ...NI] }, HIGH],
]);

const FINE = [...NO, ...NI];
check("domain 4: measurement of the outcome", measurement, [
  [{ "4.1": YES }, HIGH],
  [{ "4.1": FINE, "4.2": YES }, HIGH],
  [{ "4.1": FINE, "4.2": NO, "4.3": NO }, LOW],
  [{ "4.1": FINE, "4.2": NO, "4.3": [...YES, ...NI], "4.4": NO }, LOW],
  [{ "4.1": FINE, "4.2": NO, "4.3": [...YES, ...NI], "4.4": [...YES, ...NI], "4.5": NO }, SOME],
  [{ "4.1": FINE, "4.2": NO, "4.3": [...YES, ...NI], "4.4": [...YES, ...NI], "4.5": [...YES, ...NI] }, HIGH],
  [{ "4.1": FINE, "4.2": NI, "4.3": NO }, SOME],
  [{ "4.1": FINE, "4.2": NI, "4.3": [...YES, ...NI], "4.4": NO }, SOME],
  [{ "4.1": FINE, "4.2": NI, "4.3": [...YES, ...NI], "4.4": [...YES, ...NI], "4.5": NO }, SOME],
  [{ "4.1": FINE, "4.2": NI, "4.3": [...YES, ...NI], "4.4": [...YES, ...NI], "4.5": [...YES, ...NI] }, HIGH],
]);

check("domain 5: selection of the reported result", reportedResult, [
  [{ "5.1": YES, "5.2": NO, "5.3": NO }, LOW],
  [{ "5.1": [...NO, ...NI], "5.2": NO, "5.3": NO }, SOME],
  [{ "5.1": [...YES, ...NO, ...NI], "5.2": YES, "5.3": [...YES, ...NO, ...NI] }, HIGH],
  [{ "5.1": [...YES, ...NO, ...NI], "5.2": [...NO, ...NI], "5.3": YES }, HIGH],
  [{ "5.1": [...YES, ...NO, ...NI], "5.2": NI, "5.3": [...NO, ...NI] }, SOME],
  [{ "5.1": [...YES, ...NO, ...NI], "5.2": NO, "5.3": NI }, SOME],
]);

describe("RoB 2 proposals wait for the answers they need", () => {
  it("proposes nothing until the deciding questions are answered", () => {
    expect(randomisation({ "1.2": "Y", "1.3": "N" })).toBeNull();
    expect(deviations({ "2.1": "N", "2.2": "N" })).toBeNull();
    expect(missingData({ "3.1": "N" })).toBeNull();
    expect(measurement({ "4.1": "N", "4.2": "N", "4.3": "Y" })).toBeNull();
    expect(reportedResult({ "5.2": "N", "5.3": "N" })).toBeNull();
  });
  it("decides as soon as a deciding answer makes the rest irrelevant", () => {
    expect(randomisation({ "1.2": "N" })).toBe(HIGH);
    expect(deviations({ "2.1": "Y", "2.2": "Y", "2.3": "Y", "2.4": "Y", "2.5": "N" })).toBe(HIGH);
    expect(reportedResult({ "5.3": "PY" })).toBe(HIGH);
  });
});

// The overall criteria (Sterne et al. 2019, Table 3): low if every domain is low; some concerns if some domain
// raises concerns and none is high; high if any domain is high, or if several domains raise concerns in a way that
// substantially lowers confidence in the result. That last is the appraiser's call: Sift proposes "some concerns"
// and flags the case, and the appraiser overrides with a reason.
describe("RoB 2 overall judgement", () => {
  it("is low only when every domain is low", () => {
    expect(rob2Overall([LOW, LOW, LOW, LOW, LOW])).toBe(LOW);
    expect(rob2Overall([LOW, SOME, LOW, LOW, LOW])).toBe(SOME);
    expect(rob2Overall([LOW, SOME, HIGH, LOW, LOW])).toBe(HIGH);
    expect(rob2Overall([HIGH, LOW, LOW, LOW, LOW])).toBe(HIGH);
  });
  it("proposes some concerns for several domains with concerns, and flags them as a possible high", () => {
    expect(rob2Overall([SOME, SOME, SOME, SOME, SOME])).toBe(SOME);
    expect(severalConcerns([SOME, SOME, LOW, LOW, LOW])).toBe(true);
    expect(severalConcerns([SOME, LOW, LOW, LOW, LOW])).toBe(false);
    expect(severalConcerns([SOME, SOME, HIGH, LOW, LOW])).toBe(false);
  });
});

// Response options as the guidance's signalling-question tables print them: NA only for conditional questions,
// and no NI for 3.2 ("is there evidence that the result was not biased by missing outcome data?").
describe("RoB 2 response options", () => {
  const options = (variant: string, id: string) =>
    withVariant(ROB2, variant)
      .domains.flatMap((d) => d.questions)
      .find((question) => question.id === id)!.options;
  const FIVE = ["Y", "PY", "PN", "N", "NI"];
  const WITH_NA = [...FIVE, "NA"];
  it.each([
    ["1.1", FIVE],
    ["1.2", FIVE],
    ["1.3", FIVE],
    ["2.1", FIVE],
    ["2.2", FIVE],
    ["2.3", WITH_NA],
    ["2.4", WITH_NA],
    ["2.5", WITH_NA],
    ["2.6", FIVE],
    ["2.7", WITH_NA],
    ["3.1", FIVE],
    ["3.2", ["Y", "PY", "PN", "N", "NA"]],
    ["3.3", WITH_NA],
    ["3.4", WITH_NA],
    ["4.1", FIVE],
    ["4.2", FIVE],
    ["4.3", WITH_NA],
    ["4.4", WITH_NA],
    ["4.5", WITH_NA],
    ["5.1", FIVE],
    ["5.2", FIVE],
    ["5.3", FIVE],
  ])("assignment %s offers %j", (id, expected) => expect(options("assignment", id)).toEqual(expected));
  it.each([
    ["2.3", WITH_NA],
    ["2.4", WITH_NA],
    ["2.5", WITH_NA],
    ["2.6", WITH_NA],
  ])("adhering %s offers %j", (id, expected) => expect(options("adhering", id)).toEqual(expected));
});

// The conditions the guidance prints before its questions, each shown when met and skipped otherwise.
describe("RoB 2 conditional questions", () => {
  const skipped = (variant: string, responses: Record<string, string>) =>
    [...skippedQuestions(withVariant(ROB2, variant).domains, responses)].sort();
  it("asks nothing conditional before the questions it depends on are answered", () => {
    expect(skipped("assignment", {})).toEqual(["2.3", "2.4", "2.5", "2.7", "3.2", "3.3", "3.4", "4.3", "4.4", "4.5"]);
    expect(skipped("adhering", {})).toEqual(["2.3", "2.6", "3.2", "3.3", "3.4", "4.3", "4.4", "4.5"]);
  });
  it.each([
    ["2.3 after Y/PY/NI to 2.1 or 2.2", { "2.1": "N", "2.2": "NI" }, "2.3"],
    ["2.4 after Y/PY to 2.3", { "2.1": "Y", "2.3": "PY" }, "2.4"],
    ["2.5 after Y/PY/NI to 2.4", { "2.1": "Y", "2.3": "Y", "2.4": "NI" }, "2.5"],
    ["2.7 after N/PN/NI to 2.6", { "2.6": "PN" }, "2.7"],
    ["3.2 after N/PN/NI to 3.1", { "3.1": "NI" }, "3.2"],
    ["3.3 after N/PN to 3.2", { "3.1": "N", "3.2": "PN" }, "3.3"],
    ["3.4 after Y/PY/NI to 3.3", { "3.1": "N", "3.2": "N", "3.3": "NI" }, "3.4"],
    ["4.3 after N/PN/NI to 4.1 and 4.2", { "4.1": "NI", "4.2": "PN" }, "4.3"],
    ["4.4 after Y/PY/NI to 4.3", { "4.1": "N", "4.2": "N", "4.3": "Y" }, "4.4"],
    ["4.5 after Y/PY/NI to 4.4", { "4.1": "N", "4.2": "N", "4.3": "Y", "4.4": "PY" }, "4.5"],
  ])("asks %s", (_, responses, id) => expect(skipped("assignment", responses)).not.toContain(id));
  it.each([
    ["2.3 when 2.1 and 2.2 are N/PN", { "2.1": "N", "2.2": "PN" }, "2.3"],
    ["2.4 when 2.3 is NI", { "2.1": "Y", "2.3": "NI" }, "2.4"],
    ["2.5 when 2.4 is N/PN", { "2.1": "Y", "2.3": "Y", "2.4": "PN" }, "2.5"],
    ["2.7 when 2.6 is Y/PY", { "2.6": "Y" }, "2.7"],
    ["3.2 when 3.1 is Y/PY", { "3.1": "PY" }, "3.2"],
    ["3.3 when 3.2 is Y/PY", { "3.1": "N", "3.2": "Y" }, "3.3"],
    ["3.4 when 3.3 is N/PN", { "3.1": "N", "3.2": "N", "3.3": "PN" }, "3.4"],
    ["4.3 when 4.2 is Y/PY", { "4.1": "N", "4.2": "Y" }, "4.3"],
    ["4.4 when 4.3 is N/PN", { "4.1": "N", "4.2": "N", "4.3": "N" }, "4.4"],
    ["4.5 when 4.4 is N/PN", { "4.1": "N", "4.2": "N", "4.3": "Y", "4.4": "N" }, "4.5"],
  ])("skips %s", (_, responses, id) => expect(skipped("assignment", responses)).toContain(id));
  it("asks the adhering 2.6 after N/PN/NI to 2.3 or Y/PY/NI to 2.4 or 2.5, and skips it otherwise", () => {
    expect(skipped("adhering", { "2.1": "Y", "2.3": "PN" })).not.toContain("2.6");
    expect(skipped("adhering", { "2.1": "N", "2.2": "N", "2.5": "NI" })).not.toContain("2.6");
    expect(skipped("adhering", { "2.1": "Y", "2.3": "Y", "2.4": "N", "2.5": "NA" })).toContain("2.6");
  });
  it("skips a question again when an earlier answer changes, reading the skipped one as NA", () => {
    const responses = { "3.1": "N", "3.2": "N", "3.3": "Y", "3.4": "Y" };
    expect(missingData(askedResponses(ROB2.domains, responses))).toBe(HIGH);
    const changed = { ...responses, "3.1": "Y" };
    expect(askedResponses(ROB2.domains, changed)).toMatchObject({ "3.2": "NA", "3.3": "NA", "3.4": "NA" });
    expect(missingData(askedResponses(ROB2.domains, changed))).toBe(LOW);
  });
});

// Cluster-randomised trials, domain 1b (RoB 2 for cluster-randomized trials, 18 March 2021): the domain's
// algorithm. Participants identified before the clusters were randomised cannot be selected by knowledge of the
// allocation, so 1b.1 Y/PY is low whatever 1b.3 says.
const RECRUITED_FIRST = { "1b.1": YES };
const NOT_FIRST = [...NO, ...NI];
check(
  "cluster trials, domain 1b: timing of identification and recruitment",
  recruitment,
  [
    [{ ...RECRUITED_FIRST, "1b.3": ANY_ANSWER }, LOW],
    [{ "1b.1": NOT_FIRST, "1b.2": NO, "1b.3": [...NO, ...NI] }, LOW],
    [{ "1b.1": NOT_FIRST, "1b.2": NO, "1b.3": YES }, SOME],
    [{ "1b.1": NOT_FIRST, "1b.2": NI, "1b.3": [...NO, ...NI] }, SOME],
    [{ "1b.1": NOT_FIRST, "1b.2": NI, "1b.3": YES }, HIGH],
    [{ "1b.1": NOT_FIRST, "1b.2": YES, "1b.3": ANY_ANSWER }, HIGH],
  ],
  "assignment",
  "cluster",
);

// Crossover trials, domain S (RoB 2 for crossover trials, 18 March 2021): period effects dealt with by equal
// sequences (S.1) or by the analysis (S.2), and enough time for carryover to disappear (S.3).
check(
  "crossover trials, domain S: period and carryover effects",
  periodAndCarryover,
  [
    [{ "S.1": YES, "S.3": YES }, LOW],
    [{ "S.1": [...NO, ...NI], "S.2": YES, "S.3": YES }, LOW],
    [{ "S.1": [...NO, ...NI], "S.2": [...NO, ...NI], "S.3": YES }, SOME],
    [{ "S.1": YES, "S.3": NI }, SOME],
    [{ "S.1": [...NO, ...NI], "S.2": ANY_ANSWER, "S.3": NI }, SOME],
    [{ "S.1": YES, "S.3": NO }, HIGH],
    [{ "S.1": [...NO, ...NI], "S.2": ANY_ANSWER, "S.3": NO }, HIGH],
  ],
  "assignment",
  "crossover",
);

// Cluster-randomised trials reword domains 2–4 (RoB 2 CRT, 18 March 2021, as transcribed; see rob2-cluster.ts).
// Domain 2 (assignment): participants unaware that they were in a trial (2.1a N/PN) cannot deviate because of the
// trial context, so only carers' awareness (2.2) sends the path to 2.3; from 2.3 on, and in part 2, the routes are
// the individually randomised trials'.
const CLUSTER_UNAWARE: Record<string, string[]>[] = [
  { "2.1a": NO, "2.2": NO },
  { "2.1a": [...YES, ...NI], "2.1b": NO, "2.2": NO },
];
const CLUSTER_AWARE: Record<string, string[]>[] = [
  { "2.1a": NO, "2.2": [...YES, ...NI] },
  { "2.1a": [...YES, ...NI], "2.1b": [...YES, ...NI], "2.2": ANY_ANSWER },
  { "2.1a": [...YES, ...NI], "2.1b": NO, "2.2": [...YES, ...NI] },
];
check(
  "cluster trials, domain 2: deviations (assignment), awareness of being in a trial",
  clusterDeviations,
  [
    ...CLUSTER_UNAWARE.flatMap((unaware): Path[] => [
      [{ ...unaware, ...PART2_LOW }, LOW],
      [{ ...unaware, ...PART2_SOME }, SOME],
      [{ ...unaware, ...PART2_HIGH }, HIGH],
    ]),
    ...CLUSTER_AWARE.flatMap((aware): Path[] => [
      [{ ...aware, "2.3": NO, ...PART2_LOW }, LOW],
      [{ ...aware, "2.3": NI, ...PART2_LOW }, SOME],
      [{ ...aware, "2.3": YES, "2.4": NO, ...PART2_LOW }, SOME],
      [{ ...aware, "2.3": YES, "2.4": [...YES, ...NI], "2.5": YES, ...PART2_LOW }, SOME],
      [{ ...aware, "2.3": YES, "2.4": [...YES, ...NI], "2.5": [...NO, ...NI], ...PART2_SOME }, HIGH],
    ]),
  ],
  "assignment",
  "cluster",
);

// Domain 3: outcome data for every cluster that recruited (3.1a) and nearly every participant within them (3.1b).
const MISSING_FROM_32: Path[] = [
  [{ "3.2": YES }, LOW],
  [{ "3.2": NO, "3.3": NO }, LOW],
  [{ "3.2": NO, "3.3": [...YES, ...NI], "3.4": NO }, SOME],
  [{ "3.2": NO, "3.3": [...YES, ...NI], "3.4": [...YES, ...NI] }, HIGH],
];
check(
  "cluster trials, domain 3: missing outcome data, clusters and participants",
  clusterMissingData,
  [
    [{ "3.1a": YES, "3.1b": YES }, LOW],
    ...[
      { "3.1a": [...NO, ...NI], "3.1b": ANY_ANSWER },
      { "3.1a": YES, "3.1b": [...NO, ...NI] },
    ].flatMap((missing) => MISSING_FROM_32.map(([groups, expected]): Path => [{ ...missing, ...groups }, expected])),
  ],
  "assignment",
  "cluster",
);

// Domain 4: assessors unaware that a trial was taking place (4.3a N/PN) end the path as unaware assessors (4.3b
// N/PN) do, at low, or at some concerns when 4.2 is NI.
check(
  "cluster trials, domain 4: measurement, assessors' awareness of the trial",
  clusterMeasurement,
  [
    [{ "4.1": YES }, HIGH],
    [{ "4.1": [...NO, ...NI], "4.2": YES }, HIGH],
    [{ "4.1": [...NO, ...NI], "4.2": NO, "4.3a": NO }, LOW],
    [{ "4.1": [...NO, ...NI], "4.2": NI, "4.3a": NO }, SOME],
    [{ "4.1": [...NO, ...NI], "4.2": NO, "4.3a": [...YES, ...NI], "4.3b": NO }, LOW],
    [{ "4.1": [...NO, ...NI], "4.2": NI, "4.3a": [...YES, ...NI], "4.3b": NO }, SOME],
    [{ "4.1": [...NO, ...NI], "4.2": NO, "4.3a": YES, "4.3b": [...YES, ...NI], "4.4": NO }, LOW],
    [
      { "4.1": [...NO, ...NI], "4.2": [...NO, ...NI], "4.3a": NI, "4.3b": YES, "4.4": [...YES, ...NI], "4.5": NO },
      SOME,
    ],
    [{ "4.1": NO, "4.2": NO, "4.3a": YES, "4.3b": NI, "4.4": YES, "4.5": [...YES, ...NI] }, HIGH],
  ],
  "assignment",
  "cluster",
);

describe("RoB 2 trial designs", () => {
  it("asks cluster trials' domains 1–4 in their own words, keeping the domains' ids for plots and exports", () => {
    const cluster = withVariant(ROB2, undefined, "cluster").domains;
    const ids = (domainId: string) => cluster.find((d) => d.id === domainId)!.questions.map((x) => x.id);
    expect(ids("D2")).toEqual(["2.1a", "2.1b", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]);
    expect(ids("D3")).toEqual(["3.1a", "3.1b", "3.2", "3.3", "3.4"]);
    expect(ids("D4")).toEqual(["4.1", "4.2", "4.3a", "4.3b", "4.4", "4.5"]);
    expect(cluster[0]!.questions[1]!.text).toContain("until clusters were enrolled");
    expect(skippedQuestions(cluster, { "2.1a": "PN" }).has("2.1b")).toBe(true);
    expect(skippedQuestions(cluster, { "2.1a": "PN", "2.2": "N" }).has("2.3")).toBe(true);
    expect(skippedQuestions(cluster, { "2.1a": "Y", "2.1b": "N", "2.2": "NI" }).has("2.3")).toBe(false);
    expect(skippedQuestions(cluster, { "3.1a": "Y", "3.1b": "Y" }).has("3.2")).toBe(true);
    expect(skippedQuestions(cluster, { "3.1a": "N", "3.1b": "Y" }).has("3.2")).toBe(false);
    expect(skippedQuestions(cluster, { "4.1": "N", "4.2": "N", "4.3a": "N" }).has("4.3b")).toBe(true);
    expect(skippedQuestions(cluster, { "4.1": "N", "4.2": "N", "4.3a": "Y", "4.3b": "PN" }).has("4.4")).toBe(true);
    // The effect of adhering keeps the individually randomised trials' domain 2.
    expect(withVariant(ROB2, "adhering", "cluster").domains[2]!.questions[0]!.id).toBe("2.1");
  });
  it("keeps crossover trials' domains 2 and 3 and their routes, noting the paired analysis and per-period data", () => {
    const crossover = withVariant(ROB2, undefined, "crossover").domains;
    const parallel = ROB2.domains;
    const question = (domains: typeof parallel, id: string) =>
      domains.flatMap((d) => d.questions).find((x) => x.id === id)!;
    expect(question(crossover, "2.6").note).toMatch(/paired analysis/);
    expect(question(crossover, "3.1").note).toMatch(/both periods/);
    expect(question(parallel, "2.6").note).toBeUndefined();
    expect(question(crossover, "2.6").text).toBe(question(parallel, "2.6").text);
    expect(crossover.find((d) => d.id === "D2")!.propose).toBe(deviations);
    expect(crossover.find((d) => d.id === "D3")!.propose).toBe(missingData);
    expect(withVariant(ROB2, "adhering", "crossover").domains[2]!.questions.at(-1)!.note).toMatch(/paired/);
  });
  it("asks the design's own domain right after domain 1, and judges the result over it too", () => {
    const ids = (design: string) => withVariant(ROB2, undefined, design).domains.map((d) => d.id);
    expect(ids("parallel")).toEqual(["D1", "D2", "D3", "D4", "D5"]);
    expect(ids("cluster")).toEqual(["D1", "D1b", "D2", "D3", "D4", "D5"]);
    expect(ids("crossover")).toEqual(["D1", "DS", "D2", "D3", "D4", "D5"]);
    expect(withVariant(ROB2, "adhering", "crossover").domains[2]!.label).toContain("effect of adhering");
  });
  it("asks 1b.2 after N/PN/NI to 1b.1 and S.2 after N/PN/NI to S.1, offering NA for them alone", () => {
    const cluster = withVariant(ROB2, undefined, "cluster").domains;
    const crossover = withVariant(ROB2, undefined, "crossover").domains;
    expect(skippedQuestions(cluster, { "1b.1": "Y" }).has("1b.2")).toBe(true);
    expect(skippedQuestions(cluster, { "1b.1": "NI" }).has("1b.2")).toBe(false);
    expect(skippedQuestions(crossover, { "S.1": "PY" }).has("S.2")).toBe(true);
    expect(skippedQuestions(crossover, { "S.1": "PN" }).has("S.2")).toBe(false);
    const options = [...cluster, ...crossover].flatMap((d) => d.questions);
    const of = (id: string) => options.find((question) => question.id === id)!.options;
    expect(of("1b.1")).toEqual(["Y", "PY", "PN", "N", "NI"]);
    expect(of("1b.2")).toEqual(["Y", "PY", "PN", "N", "NI", "NA"]);
    expect(of("1b.3")).toEqual(["Y", "PY", "PN", "N", "NI"]);
    expect(of("S.2")).toEqual(["Y", "PY", "PN", "N", "NI", "NA"]);
  });
});
