import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["prismaFlow"];
export type FlowDiagram = Outputs["diagram"];
export type IdentityCheck = FlowDiagram["flow"]["checks"][number];
export type FlowItemsPage = Outputs["items"];
export type ListKey = FlowItemsPage["key"];
