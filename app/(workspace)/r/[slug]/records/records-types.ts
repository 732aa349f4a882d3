import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["records"];

export type RecordListPage = Outputs["list"];
export type RecordListItem = RecordListPage["items"][number];
export type FilterOptions = Outputs["filterOptions"];
export type RecordPageData = Outputs["get"];
export type WithdrawnRecordData = Outputs["getWithdrawn"];
export type WithdrawnList = Outputs["withdrawn"];
export type StageView = RecordPageData["stages"][number];
export type Outcome = NonNullable<StageView["outcome"]>;
export type Verdict = "include" | "exclude" | "maybe";

export const OUTCOME_LABELS: Record<Outcome, string> = {
  awaiting: "Undecided",
  conflict: "Conflict",
  included: "Included",
  excluded: "Excluded",
};
export const VERDICT_LABELS: Record<Verdict, string> = { include: "Include", exclude: "Exclude", maybe: "Maybe" };
export const RETRIEVAL_LABELS = {
  sought: "Full text sought",
  retrieved: "Full text retrieved",
  not_retrieved: "Full text not retrieved",
};
