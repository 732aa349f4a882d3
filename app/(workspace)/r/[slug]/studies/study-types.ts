import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type StudiesOverview = inferRouterOutputs<AppRouter>["studies"]["list"];
export type StudyView = StudiesOverview["studies"][number];
export type ReportView = StudiesOverview["ungrouped"][number];
export type Suggestion = StudiesOverview["suggestions"][number];
