// A study's design decides which risk-of-bias tool applies; validity of conclusions applies to every study.
// server/appraisal defines each tool (its questions and judgement rules) under these names.

/** The appraisal tools a study can be appraised with. */
export const TOOL_NAMES = ["rob2", "robins_i", "syrcle", "validity_of_conclusions"] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** What each tool is called wherever it is named; server/appraisal's tool definitions carry these labels. */
export const TOOL_LABELS: Record<ToolName, string> = {
  rob2: "RoB 2",
  robins_i: "ROBINS-I",
  syrcle: "SYRCLE",
  validity_of_conclusions: "Validity of conclusions",
};

export const DESIGNS = ["rct", "non_randomised", "single_arm", "animal", "other"] as const;
export type Design = (typeof DESIGNS)[number];

export const DESIGN_LABELS: Record<Design, string> = {
  rct: "Randomised controlled trial",
  non_randomised: "Non-randomised controlled study",
  single_arm: "Single-arm (uncontrolled) study",
  animal: "Animal study",
  other: "Other",
};

/** Single-arm studies have no comparison for ROBINS-I to judge, so they get validity of conclusions only. */
export const DEFAULT_TOOL: Record<Design, ToolName | null> = {
  rct: "rob2",
  non_randomised: "robins_i",
  single_arm: null,
  animal: "syrcle",
  other: null,
};

export const RISK_OF_BIAS_TOOLS = ["rob2", "robins_i", "syrcle"] as const satisfies readonly ToolName[];

/** The tools a study is appraised with: its risk-of-bias tool, if any, then validity of conclusions. */
export function studyTools(appraisalTool: string | null): ToolName[] {
  const rob = RISK_OF_BIAS_TOOLS.find((t) => t === appraisalTool);
  return rob ? [rob, "validity_of_conclusions"] : ["validity_of_conclusions"];
}
