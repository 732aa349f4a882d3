// RoB 2 for crossover trials (Higgins JPT, Li T, Sterne JAC, "Revised Cochrane risk of bias tool for randomized
// trials (RoB 2): additional considerations for crossover trials", version of 18 March 2021, riskofbias.info): its
// own domain S (period and carryover effects), and the considerations it adds to domains 2 and 3, which keep the
// individually randomized tool's questions and algorithms: in a crossover trial each participant is their own
// control, so an appropriate analysis is a paired, within-participant one (2.6), and outcome data count per period
// (3.1). The guidance PDF could not be reached from this machine: domain S follows the version-of-2021 questions
// and algorithm as this file had them; the domain 2 and 3 considerations are worded here from public
// transcriptions of the crossover cribsheet (their "as for parallel group trials" elaborations with the crossover
// additions), so they are notes under the questions, never changes to a route. Pure.
import { DEVIATIONS_ADHERING, DEVIATIONS_ASSIGNMENT, HIGH, has, LOW, MISSING_DATA, SOME } from "./rob2-domains";
import { type DesignOption, type DomainDefinition, isNo, isNoOrNI, isYes, q, type Responses, WITH_NA } from "./types";

/**
 * Domain S, bias from period and carryover effects: not enough time for carryover to disappear (S.3 N/PN) is high;
 * enough time (S.3 Y/PY) with period effects dealt with (S.1 Y/PY, or S.2 Y/PY) is low; otherwise (no information
 * on carryover, or unequal sequences without period effects in the analysis) some concerns.
 */
export function periodAndCarryover(r: Responses): string | null {
  if (isNo(r["S.3"])) return HIGH;
  if (!has(r, "S.1")) return null;
  if (!isYes(r["S.1"]) && !has(r, "S.2")) return null;
  if (!has(r, "S.3")) return null;
  const periodHandled = isYes(r["S.1"]) || isYes(r["S.2"]);
  return periodHandled && isYes(r["S.3"]) ? LOW : SOME;
}

const PERIOD_AND_CARRYOVER: DomainDefinition = {
  id: "DS",
  short: "DS",
  label: "Bias arising from period and carryover effects",
  propose: periodAndCarryover,
  questions: [
    q("S.1", "Was the number of participants allocated to each of the two sequences equal or nearly equal?"),
    q("S.2", "If N/PN/NI to S.1: Were period effects accounted for in the analysis?", WITH_NA, (r) =>
      isNoOrNI(r["S.1"]),
    ),
    q(
      "S.3",
      "Was there sufficient time for any carryover effects to have disappeared before outcome assessment in the second period?",
    ),
  ],
};

const PAIRED_ANALYSIS =
  "In a crossover trial: an appropriate analysis compares the interventions within participants (a paired analysis) and takes account of period effects; analysing the two periods as if they were independent groups is not appropriate.";

/** The domain with a crossover consideration under some of its questions; questions and route unchanged. */
function withNotes(domain: DomainDefinition, notes: Record<string, string>): DomainDefinition {
  return {
    ...domain,
    questions: domain.questions.map((question) =>
      notes[question.id] ? { ...question, note: notes[question.id] } : question,
    ),
  };
}

export const CROSSOVER_DESIGN: DesignOption = {
  id: "crossover",
  label: "Individually randomised crossover trial",
  adds: [{ after: "D1", domain: PERIOD_AND_CARRYOVER }],
  replaces: [
    {
      of: DEVIATIONS_ASSIGNMENT,
      by: withNotes(DEVIATIONS_ASSIGNMENT, { "2.6": PAIRED_ANALYSIS }),
    },
    { of: DEVIATIONS_ADHERING, by: withNotes(DEVIATIONS_ADHERING, { "2.6": PAIRED_ANALYSIS }) },
    {
      of: MISSING_DATA,
      by: withNotes(MISSING_DATA, {
        "3.1":
          "In a crossover trial: count the participants with outcome data in both periods, since a paired analysis leaves out anyone missing either; data missing only from the second period (dropout after the first) are missing data too.",
      }),
    },
  ],
};
