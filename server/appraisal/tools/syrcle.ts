// SYRCLE's risk of bias tool for animal studies (Hooijmans et al., BMC Med Res Methodol 2014;14:43): ten items,
// each answered yes / no / unclear, where "yes" means low risk. Its authors advise against a summary score, so
// the tool has no overall judgement.
import { TOOL_LABELS } from "../../studies/designs";
import { q, type ToolDefinition } from "./types";

const OPTIONS = ["yes", "no", "unclear"] as const;
const JUDGEMENT: Record<string, string> = { yes: "low", no: "high", unclear: "unclear" };

function item(id: string, short: string, label: string, question: string) {
  return {
    id,
    short,
    label,
    questions: [q(`${id}.1`, question, OPTIONS)],
    propose: (r: Readonly<Record<string, string | undefined>>) => JUDGEMENT[r[`${id}.1`] ?? ""] ?? null,
  };
}

export const SYRCLE: ToolDefinition = {
  name: "syrcle",
  label: TOOL_LABELS.syrcle,
  version: 1,
  reference: "Hooijmans CR et al. SYRCLE's risk of bias tool for animal studies. BMC Med Res Methodol 2014;14:43.",
  levels: [
    { value: "low", label: "Low risk", tone: "low", rank: 0 },
    { value: "unclear", label: "Unclear", tone: "unclear", rank: 1 },
    { value: "high", label: "High risk", tone: "serious", rank: 2 },
  ],
  domains: [
    item("S1", "1", "Sequence generation", "Was the allocation sequence adequately generated and applied?"),
    item(
      "S2",
      "2",
      "Baseline characteristics",
      "Were the groups similar at baseline or were they adjusted for confounders in the analysis?",
    ),
    item("S3", "3", "Allocation concealment", "Was the allocation adequately concealed?"),
    item("S4", "4", "Random housing", "Were the animals randomly housed during the experiment?"),
    item(
      "S5",
      "5",
      "Blinding of caregivers and investigators",
      "Were the caregivers and/or investigators blinded from knowledge of which intervention each animal received during the experiment?",
    ),
    item("S6", "6", "Random outcome assessment", "Were animals selected at random for outcome assessment?"),
    item("S7", "7", "Blinding of outcome assessors", "Was the outcome assessor blinded?"),
    item("S8", "8", "Incomplete outcome data", "Were incomplete outcome data adequately addressed?"),
    item("S9", "9", "Selective outcome reporting", "Are reports of the study free of selective outcome reporting?"),
    item(
      "S10",
      "10",
      "Other sources of bias",
      "Was the study apparently free of other problems that could result in high risk of bias?",
    ),
  ],
  overall: null,
};
