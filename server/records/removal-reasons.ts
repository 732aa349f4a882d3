// Why a lead may remove a record before screening, other than as a duplicate: the examples the PRISMA 2020
// statement gives for "Records removed for other reasons" (Page et al., BMJ 2021;372:n71, Figure 1), and "other"
// with the lead's own words. Browser-safe: the screens build their choices from it.
import { z } from "zod";

export const REMOVAL_REASONS = ["retracted", "outside_date_range", "language", "other"] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  retracted: "Retracted",
  outside_date_range: "Outside the date range",
  language: "Language",
  other: "Other",
};

export const MAX_REMOVAL_NOTE = 500;

/** The reason as a sentence's words: "Retracted", or "Other: conference abstract before 2005". */
export function removalReasonText(reason: RemovalReason, note: string): string {
  if (reason === "other") return note ? `Other: ${note}` : "Other";
  return note ? `${REMOVAL_REASON_LABELS[reason]} (${note})` : REMOVAL_REASON_LABELS[reason];
}

export const RemovalFields = {
  reason: z.enum(REMOVAL_REASONS),
  note: z.string().trim().max(MAX_REMOVAL_NOTE).default(""),
};
