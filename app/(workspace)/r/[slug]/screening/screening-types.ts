import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Stage } from "@/server/shared/stages";

type Outputs = inferRouterOutputs<AppRouter>["screening"];

export type ScreeningItem = Outputs["next"][number];
export type ScreeningRecord = ScreeningItem["record"];
export type ScreeningProgress = Outputs["progress"];
export type AgreementStage = Outputs["agreement"][number];
export type AgreementPair = AgreementStage["pairs"][number];
export type Verdict = "include" | "exclude" | "maybe";
export type ClosedBecause = NonNullable<ScreeningItem["closedBecause"]>;

export interface Reason {
  id: string;
  label: string;
}

/** What the screening screens need to know about a stage, read once on the server. */
export interface StageSetup {
  stage: Stage;
  reasons: Reason[];
  reasonRequired: boolean;
  blinded: boolean;
  /** How long a new record is on screen before a decision key counts. */
  decisionDelayMs: number;
}

/** The schema's default for the pause before a key decides, for a stage without a settings row. */
export const DEFAULT_DECISION_DELAY_MS = 300;

export const VERDICT_LABELS: Record<Verdict, string> = { include: "Include", exclude: "Exclude", maybe: "Maybe" };
export const VERDICT_DONE: Record<Verdict, string> = {
  include: "Included",
  exclude: "Excluded",
  maybe: "Marked maybe",
};

export function reasonLabel(reasons: Reason[], id: string | null | undefined): string | null {
  if (!id) return null;
  return reasons.find((r) => r.id === id)?.label ?? "a reason no longer in the list";
}

/**
 * Why a record takes no more decisions from the reviewer, and the way back: a lead's reopening, which leads do
 * from the record's page.
 */
export function closedText(reason: ClosedBecause, canLead: boolean): string {
  const reopen = canLead ? "reopen it from its record page" : "ask a lead to reopen it";
  if (reason === "resolved") return `Resolved by a lead: ${reopen} to change your decision.`;
  if (reason === "in_full_text") return `In full-text screening: ${reopen} to change your decision.`;
  if (reason === "merged") return "Merged into another record as a duplicate: it is not screened.";
  return "No longer in full-text screening: its full text or its inclusion was taken back.";
}
