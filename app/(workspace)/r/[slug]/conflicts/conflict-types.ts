import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type Conflict = inferRouterOutputs<AppRouter>["screening"]["conflicts"][number];
export type ConflictRecord = Conflict["record"];
export type ConflictDecision = Conflict["decisions"][number];
