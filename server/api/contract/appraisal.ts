// The part of appraisal the screens may use: the tools' questions and judgement rules, the answers' checks, the plots.
export {
  type AppraisalAnswers,
  assess,
  type Judgement,
  overridesNeedingReason,
  type SetAside,
  switchVariant,
} from "../../appraisal/answers";
export { plottedOutcomes, rowsForOutcome } from "../../appraisal/plots/by-outcome";
export { summaryBarSvg } from "../../appraisal/plots/summary-bar";
export { TONE_COLOURS } from "../../appraisal/plots/svg";
export { trafficLightSvg } from "../../appraisal/plots/traffic-light";
export { isPerResult, type ResultRef, resultLabel } from "../../appraisal/result-ref";
export { levelLabel, TOOLS, toolDefinition } from "../../appraisal/tools";
export { skippedQuestions } from "../../appraisal/tools/asked";
export {
  type DomainDefinition,
  OPTION_LABELS,
  TOOL_NAMES,
  type ToolDefinition,
  type ToolName,
} from "../../appraisal/tools/types";
export { asChosen, effectiveDesign, effectiveVariant, withVariant } from "../../appraisal/tools/variants";
