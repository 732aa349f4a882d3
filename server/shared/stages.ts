// The two screening stages, as every domain and screen names them. The database's `stage` enum has the same values
// (stages.test.ts holds them equal), so a value read from a row is a Stage without conversion.

export const STAGES = ["title_abstract", "full_text"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  title_abstract: "Title and abstract",
  full_text: "Full text",
};

/** Full-text exclusions always need a reason (PRISMA reports one per excluded report). */
export function effectiveReasonRequired(stage: Stage, setting: boolean): boolean {
  return stage === "full_text" ? true : setting;
}
