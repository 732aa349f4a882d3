// The part of review outcomes the screens may use: the types and directions with their labels, and the rules the
// outcome list screen checks as the lead types (the server applies the same).
export {
  checkOutcomeFields,
  MAX_OUTCOME_NAME,
  MAX_OUTCOME_UNIT,
  MAX_OUTCOMES,
  OUTCOME_DIRECTION_LABELS,
  OUTCOME_DIRECTIONS,
  OUTCOME_TYPE_LABELS,
  OUTCOME_TYPES,
  type OutcomeDirection,
  type OutcomeFields,
  type OutcomeType,
} from "../../outcomes/outcome-rules";
export type { OutcomeSummary } from "../../outcomes/review-outcomes";
