"use client";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRef } from "react";
import { useTRPC } from "@/app/_components/trpc";
import type { AppRouter } from "@/server/api/root";
import { importPollDelay } from "./poll-delay";

export type ImportRow = inferRouterOutputs<AppRouter>["imports"]["list"][number];

// An import whose duplicate search never finished (a crashed worker) must not keep every open page polling.
const DEDUP_PATIENCE_MS = 15 * 60_000;

/** Still changing on the server: being read or withdrawn, or read but not yet compared with the review's records. */
export function isBusy(imp: ImportRow, now = Date.now()): boolean {
  if (imp.status === "queued" || imp.status === "running" || imp.status === "withdrawing") return true;
  if (imp.status !== "succeeded" || imp.dedupedAt) return false;
  return now - (imp.finishedAt ?? imp.createdAt).getTime() < DEDUP_PATIENCE_MS;
}

/** The review's imports, polled while any of them is still changing (ever less often: importPollDelay), not otherwise. */
export function useImports(reviewId: string) {
  const trpc = useTRPC();
  /** Polls since the imports last went quiet. */
  const busyPolls = useRef(0);
  return useQuery(
    trpc.imports.list.queryOptions(
      { reviewId },
      {
        staleTime: 0,
        refetchInterval: (query) => {
          if (!query.state.data?.some((imp) => isBusy(imp))) {
            busyPolls.current = 0;
            return false;
          }
          return importPollDelay(busyPolls.current++);
        },
      },
    ),
  );
}
