// Every path of the RoB 2 guidance's decision diagrams (Higgins et al. 2019), each answer group tried with
// every answer it contains, so a slip in any branch fails here.
import { describe, expect, it } from "vitest";
import {
  deviations,
  deviationsAdhering,
  measurement,
  missingData,
  randomisation,
  reportedResult,
  rob2Overall,
} from "./rob2";

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

function check(name: string, fn: (r: Record<string, string>) => string | null, paths: Path[]) {
  describe(name, () => {
    for (const [groups, expected] of paths) {
      const label = Object.entries(groups)
        .map(([id, v]) => `${id}=${v.join("/")}`)
        .join(", ");
      it(`${label} → ${expected}`, () => {
        for (const answers of expand(groups)) expect(fn(answers), JSON.stringify(answers)).toBe(expected);
      });
    }
  });
}

check("domain 1: randomisation process", randomisation, [
  [{ "1.2": YES, "1.1": [...YES, ...NI], "1.3": [...NO, ...NI] }, LOW],
  [{ "1.2": YES, "1.1": [...YES, ...NI], "1.3": YES }, SOME],
  [{ "1.2": YES, "1.1": NO, "1.3": [...NO, ...NI] }, SOME],
  [{ "1.2": YES, "1.1": NO, "1.3": YES }, HIGH],
  [{ "1.2": NI, "1.1": [...YES, ...NO, ...NI], "1.3": [...NO, ...NI] }, SOME],
  [{ "1.2": NI, "1.1": [...YES, ...NO, ...NI], "1.3": YES }, HIGH],
  [{ "1.2": NO, "1.1": [...YES, ...NO, ...NI], "1.3": [...YES, ...NO, ...NI] }, HIGH],
]);

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
check("domain 2: deviations from intended interventions (adhering)", deviationsAdhering, [
  ...FROM_2425.map(([groups, expected]): Path => [{ ...UNAWARE, ...groups }, expected]),
  ...AWARE_ADHERING.flatMap((aware) =>
    FROM_2425.map(([groups, expected]): Path => [{ ...aware, ...BALANCED, ...groups }, expected]),
  ),
  ...AWARE_ADHERING.flatMap((aware): Path[] => [
    [{ ...aware, ...IMBALANCED, "2.4": ANY, "2.5": ANY, ...ANALYSIS_OK }, SOME],
    [{ ...aware, ...IMBALANCED, "2.4": ANY, "2.5": ANY, ...ANALYSIS_POOR }, HIGH],
  ]),
]);

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

describe("RoB 2 overall judgement", () => {
  it("is low only when every domain is low", () => {
    expect(rob2Overall([LOW, LOW, LOW, LOW, LOW])).toBe(LOW);
    expect(rob2Overall([LOW, SOME, LOW, LOW, LOW])).toBe(SOME);
    expect(rob2Overall([SOME, SOME, SOME, SOME, SOME])).toBe(SOME);
    expect(rob2Overall([LOW, SOME, HIGH, LOW, LOW])).toBe(HIGH);
  });
});
