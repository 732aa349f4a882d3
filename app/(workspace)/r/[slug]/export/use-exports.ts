"use client";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/app/_components/trpc";
import type { AppRouter } from "@/server/api/root";

export type ExportRow = inferRouterOutputs<AppRouter>["exports"]["mine"][number];

export const isBusy = (e: ExportRow) => e.status === "queued" || e.status === "running";

/** The caller's exports, polled every second while one is being built and not at all otherwise. */
export function useExports(reviewId: string, enabled = true) {
  const trpc = useTRPC();
  return useQuery(
    trpc.exports.mine.queryOptions(
      { reviewId },
      { enabled, staleTime: 0, refetchInterval: (query) => (query.state.data?.some(isBusy) ? 1000 : false) },
    ),
  );
}
