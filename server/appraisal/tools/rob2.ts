// Cochrane RoB 2 (Sterne et al., BMJ 2019;366:l4898): the individually randomised parallel-group tool's five domains
// (rob2-domains.ts), the two variants of domain 2 chosen per appraisal (effect of assignment, the default, or of
// adhering), and the trial designs whose additional considerations add or reword domains (rob2-cluster.ts,
// rob2-crossover.ts).
import { TOOL_LABELS } from "../../studies/designs";
import { CLUSTER_DESIGN } from "./rob2-cluster";
import { CROSSOVER_DESIGN } from "./rob2-crossover";
import {
  DEVIATIONS_ADHERING,
  DEVIATIONS_ASSIGNMENT,
  HIGH,
  LOW,
  MEASUREMENT,
  MISSING_DATA,
  RANDOMISATION,
  REPORTED_RESULT,
  rob2Overall,
  SOME,
  severalConcerns,
} from "./rob2-domains";
import type { ToolDefinition } from "./types";

export { clusterDeviations, clusterMeasurement, clusterMissingData, recruitment } from "./rob2-cluster";
export { periodAndCarryover } from "./rob2-crossover";
export {
  deviations,
  deviationsAdhering,
  measurement,
  missingData,
  randomisation,
  reportedResult,
  rob2Overall,
  severalConcerns,
} from "./rob2-domains";

export const ROB2: ToolDefinition = {
  name: "rob2",
  label: TOOL_LABELS.rob2,
  // 2: domain 1's algorithm, 3.2 without NI, conditional questions skipped. 3: cluster trials' reworded domains.
  version: 3,
  reference:
    "Sterne JAC et al. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ 2019;366:l4898.",
  levels: [
    { value: LOW, label: "Low risk", tone: "low", rank: 0 },
    { value: SOME, label: "Some concerns", tone: "moderate", rank: 1 },
    { value: HIGH, label: "High risk", tone: "serious", rank: 2 },
  ],
  domains: [RANDOMISATION, DEVIATIONS_ASSIGNMENT, MISSING_DATA, MEASUREMENT, REPORTED_RESULT],
  overall: rob2Overall,
  overallCaution: (judgements) =>
    severalConcerns(judgements)
      ? "Several domains raise some concerns. The guidance lets concerns in several domains together put the result at high risk of bias; if they do here, override with your reason."
      : null,
  // The guidance's additional considerations for other designs add their domains after domain 1.
  designs: {
    prompt: "Trial design",
    options: [
      { id: "parallel", label: "Individually randomised, parallel-group trial", adds: [] },
      CLUSTER_DESIGN,
      CROSSOVER_DESIGN,
    ],
  },
  variants: {
    domainId: "D2",
    prompt: "Effect of interest",
    genericLabel: "Bias due to deviations from intended interventions",
    options: [
      {
        id: "assignment",
        label: "Effect of assignment to intervention (intention-to-treat)",
        short: "assignment",
        domain: DEVIATIONS_ASSIGNMENT,
      },
      {
        id: "adhering",
        label: "Effect of adhering to intervention (per-protocol)",
        short: "adhering",
        domain: DEVIATIONS_ADHERING,
      },
    ],
  },
};
