// ROBINS-I for non-randomised studies of interventions (Sterne et al., BMJ 2016;355:i4919), as its tool template
// (version of 19 September 2016) and detailed guidance (Sterne, Higgins, Elbers, Reeves, updated 20 October 2016,
// riskofbias.info) print it: the signalling questions with their response options and the conditions printed
// before them ("If Y/PY to 1.4: …"), which decide whether a question is asked at all. Domain 4 is asked for the
// effect of interest the appraiser chooses, as the template splits it: 4.1–4.2 for the effect of assignment to
// intervention, 4.3–4.6 for the effect of starting and adhering to intervention. The guidance describes each
// domain's judgements in words rather than mapping the answers to them, so the appraiser judges each domain; the
// one mapping it states (N/PN to 1.1: low risk of bias due to confounding) is proposed, and the overall rule is
// the tool's own.
import { TOOL_LABELS } from "../../studies/designs";
import { type DomainDefinition, isNo, isNoOrNI, isYes, q, type Responses, type ToolDefinition, WITH_NA } from "./types";

const ORDER = ["low", "moderate", "serious", "critical"];

/** 1.1 has no "no information" answer in the tool: the potential for confounding is always judged. */
const NO_NI = ["Y", "PY", "PN", "N"] as const;

/** The guidance's one stated mapping: N/PN to 1.1 → low risk of bias due to confounding, nothing else asked. */
export function confounding(r: Responses): string | null {
  return isNo(r["1.1"]) ? "low" : null;
}

/**
 * The overall judgement is that of the most severe domain; "no information" only when nothing is serious or
 * critical and some domain lacks information.
 */
export function robinsOverall(judgements: readonly string[]): string {
  const worst = Math.max(...judgements.map((j) => ORDER.indexOf(j)));
  if (worst >= 2) return ORDER[worst]!;
  if (judgements.includes("no_information")) return "no_information";
  return ORDER[Math.max(worst, 0)]!;
}

// Domain 1's routing (template, domain 1): Y/PY to 1.1 → 1.2; N/PN to 1.2 → baseline confounding (1.4–1.6);
// Y/PY to 1.2 → 1.3; N/PN to 1.3 → baseline confounding; Y/PY to 1.3 → baseline and time-varying confounding
// (1.7–1.8). The template routes only Y/PY and N/PN; an NI at 1.2 or 1.3 is read as not establishing that the
// analysis split follow-up time by switches related to prognosis, so the baseline questions are asked.
const confoundingPossible = (r: Responses) => isYes(r["1.1"]);
const timeVarying = (r: Responses) => confoundingPossible(r) && isYes(r["1.2"]) && isYes(r["1.3"]);
const baselineOnly = (r: Responses) =>
  confoundingPossible(r) && (isNoOrNI(r["1.2"]) || (isYes(r["1.2"]) && isNoOrNI(r["1.3"])));

const CONFOUNDING: DomainDefinition = {
  id: "D1",
  short: "D1",
  label: "Bias due to confounding",
  propose: confounding,
  unproposed: (r) =>
    isYes(r["1.1"])
      ? "The guidance proposes low only where there is no potential for confounding; here, choose the judgement below."
      : null,
  questions: [
    q("1.1", "Is there potential for confounding of the effect of intervention in this study?", NO_NI),
    q(
      "1.2",
      "Was the analysis based on splitting participants' follow-up time according to intervention received?",
      WITH_NA,
      confoundingPossible,
    ),
    q(
      "1.3",
      "Were intervention discontinuations or switches likely to be related to factors that are prognostic for the outcome?",
      WITH_NA,
      (r) => confoundingPossible(r) && isYes(r["1.2"]),
    ),
    q(
      "1.4",
      "Did the authors use an appropriate analysis method that controlled for all the important confounding domains?",
      WITH_NA,
      baselineOnly,
    ),
    q(
      "1.5",
      "If Y/PY to 1.4: Were confounding domains that were controlled for measured validly and reliably by the variables available in this study?",
      WITH_NA,
      (r) => baselineOnly(r) && isYes(r["1.4"]),
    ),
    q(
      "1.6",
      "Did the authors control for any post-intervention variables that could have been affected by the intervention?",
      WITH_NA,
      baselineOnly,
    ),
    q(
      "1.7",
      "Did the authors use an appropriate analysis method that adjusted for all the important confounding domains and for time-varying confounding?",
      WITH_NA,
      timeVarying,
    ),
    q(
      "1.8",
      "If Y/PY to 1.7: Were confounding domains that were adjusted for measured validly and reliably by the variables available in this study?",
      WITH_NA,
      (r) => timeVarying(r) && isYes(r["1.7"]),
    ),
  ],
};

const SELECTION: DomainDefinition = {
  id: "D2",
  short: "D2",
  label: "Bias in selection of participants into the study",
  questions: [
    q(
      "2.1",
      "Was selection of participants into the study (or into the analysis) based on participant characteristics observed after the start of intervention?",
    ),
    q(
      "2.2",
      "If Y/PY to 2.1: Were the post-intervention variables that influenced selection likely to be associated with intervention?",
      WITH_NA,
      (r) => isYes(r["2.1"]),
    ),
    q(
      "2.3",
      "If Y/PY to 2.2: Were the post-intervention variables that influenced selection likely to be influenced by the outcome or a cause of the outcome?",
      WITH_NA,
      (r) => isYes(r["2.2"]),
    ),
    q("2.4", "Do start of follow-up and start of intervention coincide for most participants?"),
    q(
      "2.5",
      "If Y/PY to 2.2 and 2.3, or N/PN to 2.4: Were adjustment techniques used that are likely to correct for the presence of selection biases?",
      WITH_NA,
      (r) => (isYes(r["2.2"]) && isYes(r["2.3"])) || isNo(r["2.4"]),
    ),
  ],
};

const CLASSIFICATION: DomainDefinition = {
  id: "D3",
  short: "D3",
  label: "Bias in classification of interventions",
  questions: [
    q("3.1", "Were intervention groups clearly defined?"),
    q("3.2", "Was the information used to define intervention groups recorded at the start of the intervention?"),
    q(
      "3.3",
      "Could classification of intervention status have been affected by knowledge of the outcome or risk of the outcome?",
    ),
  ],
};

const DEVIATIONS_ASSIGNMENT: DomainDefinition = {
  id: "D4",
  short: "D4",
  label: "Bias due to deviations from intended interventions (effect of assignment)",
  questions: [
    q("4.1", "Were there deviations from the intended intervention beyond what would be expected in usual practice?"),
    q(
      "4.2",
      "If Y/PY to 4.1: Were these deviations from intended intervention unbalanced between groups and likely to have affected the outcome?",
      WITH_NA,
      (r) => isYes(r["4.1"]),
    ),
  ],
};

const DEVIATIONS_ADHERING: DomainDefinition = {
  id: "D4",
  short: "D4",
  label: "Bias due to deviations from intended interventions (effect of starting and adhering)",
  questions: [
    q("4.3", "Were important co-interventions balanced across intervention groups?"),
    q("4.4", "Was the intervention implemented successfully for most participants?"),
    q("4.5", "Did study participants adhere to the assigned intervention regimen?"),
    q(
      "4.6",
      "If N/PN to 4.3, 4.4 or 4.5: Was an appropriate analysis used to estimate the effect of starting and adhering to the intervention?",
      WITH_NA,
      (r) => isNo(r["4.3"]) || isNo(r["4.4"]) || isNo(r["4.5"]),
    ),
  ],
};

const missingDataConcern = (r: Responses) => isNo(r["5.1"]) || isYes(r["5.2"]) || isYes(r["5.3"]);

export const ROBINS_I: ToolDefinition = {
  name: "robins_i",
  label: TOOL_LABELS.robins_i,
  // 2: conditional questions skipped, 1.1 without NI, domain 4 asked for the chosen effect of interest.
  version: 2,
  reference:
    "Sterne JAC et al. ROBINS-I: a tool for assessing risk of bias in non-randomised studies of interventions. BMJ 2016;355:i4919.",
  levels: [
    { value: "low", label: "Low risk", tone: "low", rank: 0 },
    { value: "moderate", label: "Moderate risk", tone: "moderate", rank: 1 },
    { value: "serious", label: "Serious risk", tone: "serious", rank: 2 },
    { value: "critical", label: "Critical risk", tone: "critical", rank: 3 },
    { value: "no_information", label: "No information", tone: "unclear", rank: 4 },
  ],
  domains: [
    CONFOUNDING,
    SELECTION,
    CLASSIFICATION,
    DEVIATIONS_ASSIGNMENT,
    {
      id: "D5",
      short: "D5",
      label: "Bias due to missing data",
      questions: [
        q("5.1", "Were outcome data available for all, or nearly all, participants?"),
        q("5.2", "Were participants excluded due to missing data on intervention status?"),
        q("5.3", "Were participants excluded due to missing data on other variables needed for the analysis?"),
        q(
          "5.4",
          "If PN/N to 5.1, or Y/PY to 5.2 or 5.3: Are the proportion of participants and reasons for missing data similar across interventions?",
          WITH_NA,
          missingDataConcern,
        ),
        q(
          "5.5",
          "If PN/N to 5.1, or Y/PY to 5.2 or 5.3: Is there evidence that results were robust to the presence of missing data?",
          WITH_NA,
          missingDataConcern,
        ),
      ],
    },
    {
      id: "D6",
      short: "D6",
      label: "Bias in measurement of outcomes",
      questions: [
        q("6.1", "Could the outcome measure have been influenced by knowledge of the intervention received?"),
        q("6.2", "Were outcome assessors aware of the intervention received by study participants?"),
        q("6.3", "Were the methods of outcome assessment comparable across intervention groups?"),
        q("6.4", "Were any systematic errors in measurement of the outcome related to intervention received?"),
      ],
    },
    {
      id: "D7",
      short: "D7",
      label: "Bias in selection of the reported result",
      questions: [
        q(
          "7.1",
          "Is the reported effect estimate likely to be selected, on the basis of the results, from multiple outcome measurements within the outcome domain?",
        ),
        q("7.2", "… from multiple analyses of the intervention–outcome relationship?"),
        q("7.3", "… from different subgroups?"),
      ],
    },
  ],
  overall: robinsOverall,
  variants: {
    domainId: "D4",
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
        label: "Effect of starting and adhering to intervention (per-protocol)",
        short: "starting and adhering",
        domain: DEVIATIONS_ADHERING,
      },
    ],
  },
};
