import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["prisma2020Flow"];
export type FlowDiagram = Outputs["diagram"];
export type IdentityCheck = FlowDiagram["flow"]["checks"][number];
export type FlowItemsPage = Outputs["items"];
export type ListKey = FlowItemsPage["key"];

/** A box whose records are listed beside the diagram. */
export interface OpenList {
  key: ListKey;
  title: string;
  /** The element to give focus back to when the list closes. */
  opener: HTMLElement | null;
}
