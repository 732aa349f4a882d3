"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_components/trpc";
import type { Stage } from "@/server/shared/stages";
import type { ScreeningItem, Verdict } from "./screening-types";

export interface QueueDecision {
  recordId: string;
  verdict: Verdict;
  reasonId: string | null | undefined;
  note: string;
}

/**
 * What the screening queue asks the server: screening proper, or with `roundId` a calibration round, whose
 * records, decisions and undo are the round's own (practice) and never screening's.
 */
export function useQueueApi(reviewId: string, stage: Stage, roundId?: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(trpc.screening.decide.mutationOptions());
  const undo = useMutation(trpc.screening.undo.mutationOptions());
  const next = useMutation(trpc.screening.next.mutationOptions());
  const roundDecide = useMutation(trpc.calibration.decide.mutationOptions());
  const roundUndo = useMutation(trpc.calibration.undo.mutationOptions());
  const roundNext = useMutation(trpc.calibration.next.mutationOptions());

  return {
    next: (count: number): Promise<ScreeningItem[]> =>
      roundId ? roundNext.mutateAsync({ reviewId, roundId, count }) : next.mutateAsync({ reviewId, stage, count }),
    /** Records the decision and brings the counts up to date: screening's reply carries them as they now stand. */
    decide: async (d: QueueDecision): Promise<void> => {
      if (roundId) {
        await roundDecide.mutateAsync({ reviewId, roundId, ...d });
        void queryClient.invalidateQueries({ queryKey: trpc.calibration.rounds.pathKey() });
        return;
      }
      const reply = await decide.mutateAsync({ reviewId, stage, ...d });
      queryClient.setQueryData(trpc.screening.progress.queryKey({ reviewId, stage }), reply.progress);
      void queryClient.invalidateQueries({ queryKey: trpc.screening.myDecisions.pathKey() });
    },
    undo: (): Promise<{ recordId: string; restored: { verdict: Verdict } | null }> =>
      roundId ? roundUndo.mutateAsync({ reviewId, roundId }) : undo.mutateAsync({ reviewId, stage }),
    /** The record read afresh, as the queue shows it. */
    record: (recordId: string): Promise<ScreeningItem | null> =>
      roundId
        ? queryClient.fetchQuery({
            ...trpc.calibration.record.queryOptions({ reviewId, roundId, recordId }),
            staleTime: 0,
          })
        : queryClient.fetchQuery({
            ...trpc.screening.record.queryOptions({ reviewId, stage, recordId }),
            staleTime: 0,
          }),
    refreshCounts: () => {
      if (roundId) {
        void queryClient.invalidateQueries({ queryKey: trpc.calibration.rounds.pathKey() });
        return;
      }
      void queryClient.invalidateQueries({ queryKey: trpc.screening.progress.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.screening.myDecisions.pathKey() });
    },
  };
}
