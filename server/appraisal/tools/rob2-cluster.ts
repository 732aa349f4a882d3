// RoB 2 for cluster-randomized parallel-group trials (Eldridge S, Campbell MK, Campbell MJ, Drahota AK, Giraudeau B,
// Reeves BC, Siegfried N, Higgins JPT, "Revised Cochrane risk of bias tool for randomized trials (RoB 2): additional
// considerations for cluster-randomized trials (RoB 2 CRT)", version of 18 March 2021, riskofbias.info). Besides its
// own domain 1b, the cluster tool asks four standard domains in its own words: domain 1 conceals the allocation of
// clusters, domain 2 (effect of assignment) splits 2.1 into awareness of being in a trial (2.1a) and of the assigned
// intervention (2.1b), domain 3 splits 3.1 into missing clusters (3.1a) and missing participants within clusters
// (3.1b), domain 4 splits 4.3 into assessors aware of a trial (4.3a) and of the intervention received (4.3b). The
// guidance PDF could not be reached from this machine: the questions, conditions and routes follow a public
// transcription of the cribsheet of that date (a "RoB 2 CRT sharable methodology reference", its domains 1a–4), and
// the rest of each domain's route is the individually randomized tool's (rob2-domains.ts). Pure.
import {
  combineParts,
  DEVIATIONS_ASSIGNMENT,
  deviationsFromTrialContext,
  deviationsPart2,
  HIGH,
  has,
  LOW,
  MEASUREMENT,
  MISSING_DATA,
  measurementVia,
  missingDataFrom32,
  RANDOMISATION,
  SOME,
  WITHOUT_NI,
} from "./rob2-domains";
import {
  type DesignOption,
  type DomainDefinition,
  isNo,
  isNoOrNI,
  isYes,
  isYesOrNI,
  type Question,
  q,
  type Responses,
  WITH_NA,
} from "./types";

/**
 * Domain 1b, bias from the timing of identification and recruitment of participants, as its algorithm: all
 * participants identified (and recruited) before the clusters were randomised (1b.1 Y/PY) → low, such bias being
 * then impossible; otherwise 1b.2: selection affected by knowledge of the cluster's intervention (Y/PY) → high; not
 * affected (N/PN) → low, or some concerns with baseline imbalances suggesting differential recruitment (1b.3 Y/PY);
 * no information (NI) → some concerns, or high with such imbalances.
 */
export function recruitment(r: Responses): string | null {
  if (!has(r, "1b.1")) return null;
  if (isYes(r["1b.1"])) return LOW;
  if (!has(r, "1b.2")) return null;
  if (isYes(r["1b.2"])) return HIGH;
  if (!has(r, "1b.3")) return null;
  const imbalance = isYes(r["1b.3"]);
  if (r["1b.2"] === "NI") return imbalance ? HIGH : SOME;
  return imbalance ? SOME : LOW;
}

/**
 * Domain 2 (effect of assignment) for cluster trials. Part 1: participants who did not know they were in a trial
 * (2.1a N/PN) cannot deviate because of the trial context, so only carers' awareness (2.2) sends the path on;
 * otherwise 2.1b or 2.2 Y/PY/NI does. Unaware → low; aware → 2.3 onwards as for individually randomized trials.
 * Part 2 (2.6, 2.7) and the two parts' combination are unchanged.
 */
export function clusterDeviations(r: Responses): string | null {
  return combineParts(clusterDeviationsPart1(r), deviationsPart2(r));
}

function clusterDeviationsPart1(r: Responses): string | null {
  if (!has(r, "2.1a", "2.2")) return null;
  if (isYesOrNI(r["2.2"])) return deviationsFromTrialContext(r);
  if (isNo(r["2.1a"])) return LOW;
  if (!has(r, "2.1b")) return null;
  return isYesOrNI(r["2.1b"]) ? deviationsFromTrialContext(r) : LOW;
}

/** Domain 3 for cluster trials: outcome data for every recruiting cluster (3.1a) and nearly every participant in them (3.1b) → low; otherwise 3.2 onwards. */
export function clusterMissingData(r: Responses): string | null {
  if (!has(r, "3.1a", "3.1b")) return null;
  if (isYes(r["3.1a"]) && isYes(r["3.1b"])) return LOW;
  return missingDataFrom32(r);
}

/** Domain 4 for cluster trials: assessors unaware that a trial was taking place (4.3a N/PN), or of the intervention received (4.3b N/PN), end the path as 4.3 N/PN does. */
export function clusterMeasurement(r: Responses): string | null {
  return measurementVia(r, ["4.3a", "4.3b"]);
}

const RECRUITMENT: DomainDefinition = {
  id: "D1b",
  short: "D1b",
  label: "Bias arising from the timing of identification and recruitment of participants",
  propose: recruitment,
  questions: [
    q(
      "1b.1",
      "Were all the individual participants identified and recruited (if appropriate) before randomization of clusters?",
    ),
    q(
      "1b.2",
      "If N/PN/NI to 1b.1: Is it likely that selection of individual participants was affected by knowledge of the intervention assigned to the cluster?",
      WITH_NA,
      (r) => isNoOrNI(r["1b.1"]),
    ),
    q(
      "1b.3",
      "Were there baseline imbalances that suggest differential identification or recruitment of individual participants between intervention groups?",
    ),
  ],
};

/** The domain with some of its questions asked in other words (or as two), the rest kept in order. */
function withQuestions(
  domain: DomainDefinition,
  propose: DomainDefinition["propose"],
  replaced: Record<string, readonly Question[]>,
): DomainDefinition {
  return {
    ...domain,
    propose,
    questions: domain.questions.flatMap((question) => replaced[question.id] ?? [question]),
  };
}

const CLUSTER_RANDOMISATION = withQuestions(RANDOMISATION, RANDOMISATION.propose, {
  "1.2": [
    q("1.2", "Was the allocation sequence concealed until clusters were enrolled and assigned to interventions?"),
  ],
});

// 2.1b reads NA when 2.1a is N/PN (participants unaware of a trial), so it then sends nothing on.
const clusterAware = (r: Responses) => isYesOrNI(r["2.1b"]) || isYesOrNI(r["2.2"]);

const CLUSTER_DEVIATIONS = withQuestions(DEVIATIONS_ASSIGNMENT, clusterDeviations, {
  "2.1": [
    q("2.1a", "Were participants aware that they were in a trial?"),
    q(
      "2.1b",
      "If Y/PY/NI to 2.1a: Were participants aware of their assigned intervention during the trial?",
      WITH_NA,
      (r) => isYesOrNI(r["2.1a"]),
    ),
  ],
  "2.3": [
    q(
      "2.3",
      "If Y/PY/NI to 2.1b or 2.2: Were there deviations from the intended intervention that arose because of the trial context?",
      WITH_NA,
      clusterAware,
    ),
  ],
});

const CLUSTER_MISSING = withQuestions(MISSING_DATA, clusterMissingData, {
  "3.1": [
    q("3.1a", "Were data for this outcome available for all clusters that recruited participants?"),
    q("3.1b", "Were data for this outcome available for all, or nearly all, participants within clusters?"),
  ],
  "3.2": [
    q(
      "3.2",
      "If N/PN/NI to 3.1a or 3.1b: Is there evidence that the result was not biased by missing outcome data?",
      WITHOUT_NI,
      (r) => isNoOrNI(r["3.1a"]) || isNoOrNI(r["3.1b"]),
    ),
  ],
});

const CLUSTER_MEASUREMENT = withQuestions(MEASUREMENT, clusterMeasurement, {
  "4.3": [
    q(
      "4.3a",
      "If N/PN/NI to 4.1 and 4.2: Were outcome assessors aware that a trial was taking place?",
      WITH_NA,
      (r) => isNoOrNI(r["4.1"]) && isNoOrNI(r["4.2"]),
    ),
    q(
      "4.3b",
      "If Y/PY/NI to 4.3a: Were outcome assessors aware of the intervention received by study participants?",
      WITH_NA,
      (r) => isYesOrNI(r["4.3a"]),
    ),
  ],
  "4.4": [
    q(
      "4.4",
      "If Y/PY/NI to 4.3b: Could assessment of the outcome have been influenced by knowledge of intervention received?",
      WITH_NA,
      (r) => isYesOrNI(r["4.3b"]),
    ),
  ],
});

export const CLUSTER_DESIGN: DesignOption = {
  id: "cluster",
  label: "Cluster-randomised, parallel-group trial",
  adds: [{ after: "D1", domain: RECRUITMENT }],
  replaces: [
    { of: RANDOMISATION, by: CLUSTER_RANDOMISATION },
    { of: DEVIATIONS_ASSIGNMENT, by: CLUSTER_DEVIATIONS },
    { of: MISSING_DATA, by: CLUSTER_MISSING },
    { of: MEASUREMENT, by: CLUSTER_MEASUREMENT },
  ],
};
