// The five domains of Cochrane RoB 2 for individually randomised parallel-group trials (Sterne et al., BMJ
// 2019;366:l4898), with the algorithms of the full guidance (Higgins JPT, Savović J, Page MJ, Sterne JAC, "Revised
// Cochrane risk-of-bias tool for randomized trials (RoB 2)", 22 August 2019, riskofbias.info): for each domain, its
// "Risk-of-bias judgement" criteria and the algorithm figure that maps the signalling questions to a proposed
// judgement. The questions, their response options and the "If … to …" conditions are those of the guidance's
// signalling-question tables (and the cribsheet of the same date). The parts of an algorithm the trial designs'
// versions share (rob2-cluster.ts, rob2-crossover.ts) are exported for them.
import { type DomainDefinition, isNo, isNoOrNI, isYes, isYesOrNI, q, type Responses, WITH_NA } from "./types";

/** 3.2 is the one RoB 2 question offered without "no information": NA / Y / PY / PN / N. */
export const WITHOUT_NI = ["Y", "PY", "PN", "N", "NA"] as const;
export const LOW = "low";
export const SOME = "some_concerns";
export const HIGH = "high";

/** Every answer the algorithm reads; any one missing → no proposal yet. */
export function has(r: Responses, ...ids: string[]): boolean {
  return ids.every((id) => r[id] !== undefined && r[id] !== "");
}

/**
 * Domain 1, the guidance's domain 1 algorithm: 1.2 N/PN → high. 1.2 Y/PY: 1.1 N/PN → some concerns whatever 1.3
 * says; 1.1 Y/PY/NI → low when 1.3 is N/PN/NI, some concerns when Y/PY. 1.2 NI: 1.3 N/PN/NI → some concerns,
 * Y/PY → high (1.1 is not read).
 */
export function randomisation(r: Responses): string | null {
  const concealed = r["1.2"];
  if (!has(r, "1.2")) return null;
  if (isNo(concealed)) return HIGH;
  if (isYes(concealed) && isNo(r["1.1"])) return SOME;
  if (!has(r, "1.3")) return null;
  const imbalance = isYes(r["1.3"]);
  if (concealed === "NI") return imbalance ? HIGH : SOME;
  if (!has(r, "1.1")) return null;
  return imbalance ? SOME : LOW;
}

/**
 * Part 1 from node 2.3 on, once participants or those delivering the interventions may have been aware (2.1 or 2.2
 * Y/PY/NI): 2.3 N/PN/NA → low, NI → some concerns; Y/PY → 2.4: N/PN → some concerns; Y/PY/NI → 2.5: Y/PY → some
 * concerns, N/PN/NI → high. The 2.4 N/PN route (deviations from the trial context not likely to have affected the
 * outcome) follows the part 1 figure as this file has read it since RoB 2 was added; the guidance PDF could not be
 * reached from this machine to check it again, and one public transcription of the cluster trials' cribsheet (2021)
 * routes it to low instead, so it stays as read here until checked against the figure.
 */
export function deviationsFromTrialContext(r: Responses): string | null {
  if (!has(r, "2.3")) return null;
  const trialContext = r["2.3"];
  if (isNo(trialContext) || trialContext === "NA") return LOW;
  if (trialContext === "NI") return SOME;
  if (!has(r, "2.4")) return null;
  if (isNo(r["2.4"])) return SOME;
  if (!has(r, "2.5")) return null;
  return isYes(r["2.5"]) ? SOME : HIGH;
}

function deviationsPart1(r: Responses): string | null {
  if (!has(r, "2.1", "2.2")) return null;
  if (isNo(r["2.1"]) && isNo(r["2.2"])) return LOW;
  return deviationsFromTrialContext(r);
}

export function deviationsPart2(r: Responses): string | null {
  if (!has(r, "2.6")) return null;
  if (isYes(r["2.6"])) return LOW;
  if (!has(r, "2.7")) return null;
  return isNo(r["2.7"]) ? SOME : HIGH;
}

/**
 * Domain 2, effect of assignment: the guidance's algorithm in two parts. Part 1: 2.1 and 2.2 both N/PN → low;
 * otherwise 2.3 N/PN → low, NI → some concerns, Y/PY → 2.4: N/PN → some concerns, Y/PY/NI → 2.5: Y/PY → some
 * concerns, N/PN/NI → high. Part 2: 2.6 Y/PY → low; N/PN/NI → 2.7: N/PN → some concerns, Y/PY/NI → high. The
 * domain is low when both parts are low, high when either is high, some concerns otherwise.
 */
export function deviations(r: Responses): string | null {
  return combineParts(deviationsPart1(r), deviationsPart2(r));
}

/** Domain 2's two parts together: low when both are low, high when either is high, some concerns otherwise. */
export function combineParts(part1: string | null, part2: string | null): string | null {
  if (part1 === HIGH || part2 === HIGH) return HIGH;
  if (part1 === null || part2 === null) return null;
  return part1 === LOW && part2 === LOW ? LOW : SOME;
}

/** Either 2.4 or 2.5 may settle the domain on its own: one Y/PY/NI sends it to 2.6 whatever the other says. */
function adheringFailures(r: Responses): "fine" | "concern" | null {
  const concern = (a: string | undefined) => isYes(a) || a === "NI";
  if (concern(r["2.4"]) || concern(r["2.5"])) return "concern";
  return has(r, "2.4", "2.5") ? "fine" : null;
}

function adheringAnalysis(r: Responses): string | null {
  if (!has(r, "2.6")) return null;
  if (isYes(r["2.6"])) return SOME;
  // Once 2.6 is reached the diagram offers no "not applicable" way out: NA here is an answer to correct.
  return isNo(r["2.6"]) || r["2.6"] === "NI" ? HIGH : null;
}

/**
 * Domain 2, effect of adhering to intervention: the decision diagram of the full guidance (Higgins JPT, Savović J,
 * Page MJ, Sterne JAC, "Revised Cochrane risk-of-bias tool for randomized trials (RoB 2)", 22 August 2019,
 * riskofbias.info; the adhering diagram of domain 2, p. 14 of the cribsheet). 2.1 and 2.2 both N/PN → 2.4/2.5;
 * either Y/PY/NI → 2.3. 2.3 NA/Y/PY → 2.4/2.5; N/PN/NI → 2.6. 2.4 and 2.5 both NA/N/PN → low; either Y/PY/NI →
 * 2.6. 2.6 Y/PY → some concerns; N/PN/NI → high.
 */
export function deviationsAdhering(r: Responses): string | null {
  if (!has(r, "2.1", "2.2")) return null;
  if (!(isNo(r["2.1"]) && isNo(r["2.2"]))) {
    if (!has(r, "2.3")) return null;
    const balanced = r["2.3"] === "NA" || isYes(r["2.3"]);
    if (!balanced) return adheringAnalysis(r);
  }
  const failures = adheringFailures(r);
  if (failures === null) return null;
  return failures === "fine" ? LOW : adheringAnalysis(r);
}

/**
 * Domain 3, the guidance's algorithm: 3.1 Y/PY → low; N/PN/NI → 3.2: Y/PY → low; N/PN → 3.3: N/PN → low;
 * Y/PY/NI → 3.4: N/PN → some concerns, Y/PY/NI → high.
 */
export function missingData(r: Responses): string | null {
  if (!has(r, "3.1")) return null;
  if (isYes(r["3.1"])) return LOW;
  return missingDataFrom32(r);
}

/** Domain 3 from 3.2 on, once data may be missing. */
export function missingDataFrom32(r: Responses): string | null {
  if (!has(r, "3.2")) return null;
  if (isYes(r["3.2"])) return LOW;
  if (!has(r, "3.3")) return null;
  if (isNo(r["3.3"])) return LOW;
  if (!has(r, "3.4")) return null;
  return isNo(r["3.4"]) ? SOME : HIGH;
}

/**
 * Domain 4, the guidance's algorithm: 4.1 Y/PY → high; 4.2 Y/PY → high. With 4.2 N/PN the path 4.3 → 4.4 → 4.5
 * ends low at 4.3 N/PN or 4.4 N/PN, some concerns at 4.5 N/PN, high at 4.5 Y/PY/NI; with 4.2 NI the same path
 * ends some concerns where it would have been low.
 */
export function measurement(r: Responses): string | null {
  return measurementVia(r, ["4.3"]);
}

/**
 * Domain 4 with the awareness questions given (cluster trials ask 4.3a then 4.3b where individual trials ask 4.3):
 * an N/PN to any of them ends the path at the best judgement 4.2 allows.
 */
export function measurementVia(r: Responses, awareness: readonly string[]): string | null {
  if (!has(r, "4.1")) return null;
  if (isYes(r["4.1"])) return HIGH;
  if (!has(r, "4.2")) return null;
  if (isYes(r["4.2"])) return HIGH;
  // With no information on whether measurement differed between groups, the best a trial can reach is "some concerns".
  const best = r["4.2"] === "NI" ? SOME : LOW;
  for (const id of awareness) {
    if (!has(r, id)) return null;
    if (isNo(r[id])) return best;
  }
  if (!has(r, "4.4")) return null;
  if (isNo(r["4.4"])) return best;
  if (!has(r, "4.5")) return null;
  return isNo(r["4.5"]) ? SOME : HIGH;
}

/**
 * Domain 5, the guidance's algorithm: 5.2 or 5.3 Y/PY → high; both N/PN → low when 5.1 is Y/PY, some concerns
 * otherwise; either NI (and neither Y/PY) → some concerns.
 */
export function reportedResult(r: Responses): string | null {
  if (isYes(r["5.2"]) || isYes(r["5.3"])) return HIGH;
  if (!has(r, "5.2", "5.3")) return null;
  if (r["5.2"] === "NI" || r["5.3"] === "NI") return SOME;
  if (!has(r, "5.1")) return null;
  return isYes(r["5.1"]) ? LOW : SOME;
}

/**
 * The guidance's overall judgement (Sterne et al. 2019, Table 3, and the full guidance's overall criteria): low
 * when every domain is low, high when any domain is high, some concerns otherwise. The guidance adds that some
 * concerns in several domains may together lower confidence enough to judge the result high: that judgement is
 * the appraiser's, so the proposal stays "some concerns" and the form says when it may apply (see
 * `severalConcerns`); an override with its reason records it.
 */
export function rob2Overall(judgements: readonly string[]): string {
  if (judgements.includes(HIGH)) return HIGH;
  return judgements.every((j) => j === LOW) ? LOW : SOME;
}

export const AWARE_PARTICIPANTS = q("2.1", "Were participants aware of their assigned intervention during the trial?");
export const AWARE_CARERS = q(
  "2.2",
  "Were carers and people delivering the interventions aware of participants' assigned intervention during the trial?",
);

/** Several domains at some concerns (and none high): the case the guidance lets the appraiser judge high overall. */
export function severalConcerns(judgements: readonly (string | null)[]): boolean {
  return !judgements.includes(HIGH) && judgements.filter((j) => j === SOME).length > 1;
}

const aware = (r: Responses) => isYesOrNI(r["2.1"]) || isYesOrNI(r["2.2"]);

export const DEVIATIONS_ASSIGNMENT: DomainDefinition = {
  id: "D2",
  short: "D2",
  label: "Bias due to deviations from intended interventions (effect of assignment)",
  propose: deviations,
  questions: [
    AWARE_PARTICIPANTS,
    AWARE_CARERS,
    q(
      "2.3",
      "If Y/PY/NI to 2.1 or 2.2: were there deviations from the intended intervention that arose because of the trial context?",
      WITH_NA,
      aware,
    ),
    q("2.4", "If Y/PY to 2.3: were these deviations likely to have affected the outcome?", WITH_NA, (r) =>
      isYes(r["2.3"]),
    ),
    q(
      "2.5",
      "If Y/PY/NI to 2.4: were these deviations from intended intervention balanced between groups?",
      WITH_NA,
      (r) => isYesOrNI(r["2.4"]),
    ),
    q("2.6", "Was an appropriate analysis used to estimate the effect of assignment to intervention?"),
    q(
      "2.7",
      "If N/PN/NI to 2.6: was there potential for a substantial impact (on the result) of the failure to analyse participants in the group to which they were randomised?",
      WITH_NA,
      (r) => isNoOrNI(r["2.6"]),
    ),
  ],
};

// 2.3–2.5 are asked "if applicable": only for the deviations the review team chose to address; NA otherwise.
export const DEVIATIONS_ADHERING: DomainDefinition = {
  id: "D2",
  short: "D2",
  label: "Bias due to deviations from intended interventions (effect of adhering)",
  propose: deviationsAdhering,
  questions: [
    AWARE_PARTICIPANTS,
    AWARE_CARERS,
    q(
      "2.3",
      "[If applicable:] If Y/PY/NI to 2.1 or 2.2: were important non-protocol interventions balanced across intervention groups?",
      WITH_NA,
      aware,
    ),
    q(
      "2.4",
      "[If applicable:] Were there failures in implementing the intervention that could have affected the outcome?",
      WITH_NA,
    ),
    q(
      "2.5",
      "[If applicable:] Was there non-adherence to the assigned intervention regimen that could have affected participants' outcomes?",
      WITH_NA,
    ),
    q(
      "2.6",
      "If N/PN/NI to 2.3, or Y/PY/NI to 2.4 or 2.5: was an appropriate analysis used to estimate the effect of adhering to the intervention?",
      WITH_NA,
      (r) => isNoOrNI(r["2.3"]) || isYesOrNI(r["2.4"]) || isYesOrNI(r["2.5"]),
    ),
  ],
};

export const RANDOMISATION: DomainDefinition = {
  id: "D1",
  short: "D1",
  label: "Bias arising from the randomisation process",
  propose: randomisation,
  questions: [
    q("1.1", "Was the allocation sequence random?"),
    q("1.2", "Was the allocation sequence concealed until participants were enrolled and assigned to interventions?"),
    q("1.3", "Did baseline differences between intervention groups suggest a problem with the randomisation process?"),
  ],
};

export const MISSING_DATA: DomainDefinition = {
  id: "D3",
  short: "D3",
  label: "Bias due to missing outcome data",
  propose: missingData,
  questions: [
    q("3.1", "Were data for this outcome available for all, or nearly all, participants randomised?"),
    q(
      "3.2",
      "If N/PN/NI to 3.1: is there evidence that the result was not biased by missing outcome data?",
      WITHOUT_NI,
      (r) => isNoOrNI(r["3.1"]),
    ),
    q("3.3", "If N/PN to 3.2: could missingness in the outcome depend on its true value?", WITH_NA, (r) =>
      isNo(r["3.2"]),
    ),
    q(
      "3.4",
      "If Y/PY/NI to 3.3: is it likely that missingness in the outcome depended on its true value?",
      WITH_NA,
      (r) => isYesOrNI(r["3.3"]),
    ),
  ],
};

export const MEASUREMENT: DomainDefinition = {
  id: "D4",
  short: "D4",
  label: "Bias in measurement of the outcome",
  propose: measurement,
  questions: [
    q("4.1", "Was the method of measuring the outcome inappropriate?"),
    q("4.2", "Could measurement or ascertainment of the outcome have differed between intervention groups?"),
    q(
      "4.3",
      "If N/PN/NI to 4.1 and 4.2: were outcome assessors aware of the intervention received by study participants?",
      WITH_NA,
      (r) => isNoOrNI(r["4.1"]) && isNoOrNI(r["4.2"]),
    ),
    q(
      "4.4",
      "If Y/PY/NI to 4.3: could assessment of the outcome have been influenced by knowledge of intervention received?",
      WITH_NA,
      (r) => isYesOrNI(r["4.3"]),
    ),
    q(
      "4.5",
      "If Y/PY/NI to 4.4: is it likely that assessment of the outcome was influenced by knowledge of intervention received?",
      WITH_NA,
      (r) => isYesOrNI(r["4.4"]),
    ),
  ],
};

export const REPORTED_RESULT: DomainDefinition = {
  id: "D5",
  short: "D5",
  label: "Bias in selection of the reported result",
  propose: reportedResult,
  questions: [
    q(
      "5.1",
      "Were the data that produced this result analysed in accordance with a pre-specified analysis plan that was finalised before unblinded outcome data were available for analysis?",
    ),
    q(
      "5.2",
      "Is the numerical result being assessed likely to have been selected, on the basis of the results, from multiple eligible outcome measurements (e.g. scales, definitions, time points) within the outcome domain?",
    ),
    q(
      "5.3",
      "Is the numerical result being assessed likely to have been selected, on the basis of the results, from multiple eligible analyses of the data?",
    ),
  ],
};
