import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type List = Extract<inferRouterOutputs<AppRouter>["fullText"]["list"], { visible: true }>;

export type ReportRow = List["items"][number];
export type ReportCounts = List["counts"];
export type RetrievalStatus = ReportRow["retrievalStatus"];
export type FullTextOutcome = NonNullable<ReportRow["fullTextOutcome"]>;

export const RETRIEVAL_LABELS: Record<RetrievalStatus, string> = {
  sought: "To retrieve",
  retrieved: "Retrieved",
  not_retrieved: "Not retrieved",
};

export const OUTCOME_LABELS: Record<FullTextOutcome, string> = {
  awaiting: "Not settled yet",
  conflict: "Conflict",
  included: "Included",
  excluded: "Excluded",
};

/** The one address every screen embeds to show a report's PDF. */
export function reportFileUrl(reportId: string): string {
  return `/api/reports/${encodeURIComponent(reportId)}/file`;
}
