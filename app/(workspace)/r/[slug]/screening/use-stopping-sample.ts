"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_components/trpc";
import type { Stage } from "@/server/shared/stages";

/**
 * A stage's includes-found curve and its stopping sample: opening one, closing it, excluding the unscreened
 * records below the threshold once the test allows, and reverting that exclusion. Fresh on every visit, as the
 * progress bar is: imports and others' decisions change both at any time.
 */
export function useStoppingSample(reviewId: string, stage: Stage) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const curve = useQuery(trpc.prioritise.includesCurve.queryOptions({ reviewId, stage }, { staleTime: 0 }));
  const stopping = useQuery(trpc.prioritise.stopping.queryOptions({ reviewId, stage }, { staleTime: 0 }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.prioritise.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.screening.progress.pathKey() }),
    ]);
  const options = { onSettled: refresh };
  const start = useMutation(trpc.prioritise.startSample.mutationOptions(options));
  const close = useMutation(trpc.prioritise.closeSample.mutationOptions(options));
  const exclude = useMutation(trpc.prioritise.excludeBelowThreshold.mutationOptions(options));
  const revert = useMutation(trpc.prioritise.revertExclusion.mutationOptions(options));

  return {
    curve: curve.data,
    status: stopping.data,
    error:
      [curve, stopping].find((q) => q.error)?.error?.message ??
      [start, close, exclude, revert].find((m) => m.error)?.error?.message,
    /** Recall target and confidence as shares (0.95, not 95). */
    start: (recallTarget: number, confidence: number) => start.mutate({ reviewId, stage, recallTarget, confidence }),
    starting: start.isPending,
    close: (sampleId: string) => close.mutate({ reviewId, sampleId }),
    closing: close.isPending,
    exclude: (sampleId: string) => exclude.mutate({ reviewId, sampleId }),
    excluding: exclude.isPending,
    revert: (sampleId: string) => revert.mutate({ reviewId, sampleId }),
    reverting: revert.isPending,
  };
}
