import { z } from "zod";
import { TEMPLATE_IDS } from "../extraction/templates/template-ids";
import type { Stage } from "../shared/stages";

export const StageSettingsInput = z.object({
  reviewersPerRecord: z.number().int().min(1).max(10),
  blinded: z.boolean(),
  reasonRequired: z.boolean(),
  /** Serve the likeliest includes first; on by default at title/abstract. */
  prioritise: z.boolean().optional(),
  showRelevance: z.boolean().optional(),
  /** How long a new record is on screen before a decision key counts; keys pressed sooner are ignored. */
  decisionDelayMs: z
    .number()
    .int()
    .min(0, "The pause before a key decides cannot be negative.")
    .max(2000, "Keep the pause before a key decides at 2,000 ms or less.")
    .optional(),
  /** A lead may not resolve a conflict on which they decided: a third person adjudicates. */
  independentAdjudication: z.boolean().optional(),
});
export type StageSettings = z.infer<typeof StageSettingsInput>;

const ReasonList = z.array(z.string().trim().min(1).max(200)).max(50);

export const ReviewDetailsInput = z.object({
  title: z.string().trim().min(3, "Give the review a title of at least 3 characters.").max(300),
  question: z.string().trim().max(5000).default(""),
  inclusionCriteria: z.string().trim().max(10000).default(""),
  exclusionCriteria: z.string().trim().max(10000).default(""),
});

export const NewReviewInput = ReviewDetailsInput.extend({
  stages: z.object({ title_abstract: StageSettingsInput, full_text: StageSettingsInput }).default({
    title_abstract: { reviewersPerRecord: 2, blinded: true, reasonRequired: false },
    full_text: { reviewersPerRecord: 2, blinded: true, reasonRequired: true },
  }),
  exclusionReasons: z
    .object({ title_abstract: ReasonList, full_text: ReasonList })
    .default({ title_abstract: [], full_text: [] }),
  /** Shipped extraction forms to start with, each published as version 1. */
  extractionTemplates: z.array(z.enum(TEMPLATE_IDS)).max(TEMPLATE_IDS.length).default([]),
});
export type NewReview = z.input<typeof NewReviewInput>;

export const DEFAULT_EXCLUSION_REASONS: Record<Stage, string[]> = {
  title_abstract: ["Wrong population", "Wrong intervention", "Wrong study design", "Not primary research"],
  full_text: [
    "Wrong population",
    "Wrong intervention",
    "Wrong comparator",
    "Wrong outcomes",
    "Wrong study design",
    "Duplicate report",
    "Full text in another language",
  ],
};
