"use client";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/app/_components/trpc";
import type { AppRouter } from "@/server/api/root";

export type ImportRow = inferRouterOutputs<AppRouter>["imports"]["list"][number];

// An import whose duplicate search never finished (a crashed worker) must not keep every open page polling.
const DEDUP_PATIENCE_MS = 15 * 60_000;

/** Still changing on the server: being read or withdrawn, or read but not yet compared with the review's records. */
export function isBusy(imp: ImportRow, now = Date.now()): boolean {
  if (imp.status === "queued" || imp.status === "running" || imp.status === "withdrawing") return true;
  if (imp.status !== "succeeded" || imp.dedupedAt) return false;
  return now - (imp.finishedAt ?? imp.createdAt).getTime() < DEDUP_PATIENCE_MS;
}

/** The review's imports, polled every second while any of them is still changing and not at all otherwise. */
export function useImports(reviewId: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.imports.list.queryOptions(
      { reviewId },
      {
        staleTime: 0,
        refetchInterval: (query) => (query.state.data?.some((imp) => isBusy(imp)) ? 1000 : false),
      },
    ),
  );
}
