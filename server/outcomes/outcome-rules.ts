// What a review outcome is and the rules its name and unit follow; pure, so the outcome list screen checks a lead's
// typing with the same words the server refuses it in.

export const OUTCOME_TYPES = ["continuous", "binary", "time_to_event", "single_group"] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export const OUTCOME_TYPE_LABELS: Record<OutcomeType, string> = {
  continuous: "Continuous (mean, SD, n per arm)",
  binary: "Binary (events out of a total per arm)",
  time_to_event: "Time to event (hazard ratio)",
  single_group: "Single group (one arm's proportion or mean)",
};

export const OUTCOME_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export type OutcomeDirection = (typeof OUTCOME_DIRECTIONS)[number];

export const OUTCOME_DIRECTION_LABELS: Record<OutcomeDirection, string> = {
  higher_is_better: "Higher values or more events are good",
  lower_is_better: "Lower values or fewer events are good",
};

export const MAX_OUTCOME_NAME = 120;
export const MAX_OUTCOME_UNIT = 40;
export const MAX_OUTCOMES = 100;

export interface OutcomeFields {
  name: string;
  type: OutcomeType;
  unit: string;
  direction: OutcomeDirection;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Two names are one outcome when they differ only in case or spacing, so "FVC %" and "fvc  %" cannot both exist. */
export function sameOutcomeName(a: string, b: string): boolean {
  return squash(a).toLowerCase() === squash(b).toLowerCase();
}

export function checkOutcomeFields(input: OutcomeFields): { fields: OutcomeFields } | { error: string } {
  const name = squash(input.name);
  if (name === "") return { error: "Name the outcome." };
  if (name.length > MAX_OUTCOME_NAME) return { error: `An outcome's name has at most ${MAX_OUTCOME_NAME} characters.` };
  const unit = squash(input.unit);
  if (unit.length > MAX_OUTCOME_UNIT) return { error: `A unit has at most ${MAX_OUTCOME_UNIT} characters.` };
  return { fields: { name, type: input.type, unit, direction: input.direction } };
}
