// ROBINS-I for non-randomised studies of interventions (Sterne et al., BMJ 2016;355:i4919). Its guidance gives
// domain judgements as descriptions rather than an algorithm, so the appraiser judges each domain; the one
// shortcut it states (no potential for confounding → low) is proposed, and the overall rule is the tool's own.
import { TOOL_LABELS } from "../../studies/designs";
import { isNo, q, type Responses, SIGNALLING_OPTIONS, type ToolDefinition } from "./types";

const WITH_NA = [...SIGNALLING_OPTIONS, "NA"] as const;
const ORDER = ["low", "moderate", "serious", "critical"];

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

export const ROBINS_I: ToolDefinition = {
  name: "robins_i",
  label: TOOL_LABELS.robins_i,
  version: 1,
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
    {
      id: "D1",
      short: "D1",
      label: "Bias due to confounding",
      propose: confounding,
      questions: [
        q("1.1", "Is there potential for confounding of the effect of intervention in this study?"),
        q(
          "1.2",
          "Was the analysis based on splitting participants' follow-up time according to intervention received?",
          WITH_NA,
        ),
        q(
          "1.3",
          "Were intervention discontinuations or switches likely to be related to factors that are prognostic for the outcome?",
          WITH_NA,
        ),
        q(
          "1.4",
          "Did the authors use an appropriate analysis method that controlled for all the important confounding domains?",
          WITH_NA,
        ),
        q(
          "1.5",
          "Were confounding domains that were controlled for measured validly and reliably by the variables available in this study?",
          WITH_NA,
        ),
        q(
          "1.6",
          "Did the authors control for any post-intervention variables that could have been affected by the intervention?",
          WITH_NA,
        ),
        q(
          "1.7",
          "Did the authors use an appropriate analysis method that adjusted for all the important confounding domains and for time-varying confounding?",
          WITH_NA,
        ),
        q(
          "1.8",
          "Were confounding domains that were adjusted for measured validly and reliably by the variables available in this study?",
          WITH_NA,
        ),
      ],
    },
    {
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
          "Were the post-intervention variables that influenced selection likely to be associated with intervention?",
          WITH_NA,
        ),
        q(
          "2.3",
          "Were the post-intervention variables that influenced selection likely to be influenced by the outcome or a cause of the outcome?",
          WITH_NA,
        ),
        q("2.4", "Do start of follow-up and start of intervention coincide for most participants?"),
        q(
          "2.5",
          "Were adjustment techniques used that are likely to correct for the presence of selection biases?",
          WITH_NA,
        ),
      ],
    },
    {
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
    },
    {
      id: "D4",
      short: "D4",
      label: "Bias due to deviations from intended interventions",
      questions: [
        q(
          "4.1",
          "Were there deviations from the intended intervention beyond what would be expected in usual practice?",
        ),
        q(
          "4.2",
          "Were these deviations from intended intervention unbalanced between groups and likely to have affected the outcome?",
          WITH_NA,
        ),
        q("4.3", "Were important co-interventions balanced across intervention groups?", WITH_NA),
        q("4.4", "Was the intervention implemented successfully for most participants?", WITH_NA),
        q("4.5", "Did study participants adhere to the assigned intervention regimen?", WITH_NA),
        q(
          "4.6",
          "Was an appropriate analysis used to estimate the effect of starting and adhering to the intervention?",
          WITH_NA,
        ),
      ],
    },
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
          "Are the proportion of participants and reasons for missing data similar across interventions?",
          WITH_NA,
        ),
        q("5.5", "Is there evidence that results were robust to the presence of missing data?", WITH_NA),
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
};
