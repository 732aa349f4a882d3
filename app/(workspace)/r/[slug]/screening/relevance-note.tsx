"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import type { Stage } from "@/server/shared/stages";

/** The screener's own ranking: the current record's relevance and what the model has learnt from so far, or why the order is random. */
export function RelevanceNote({
  reviewId,
  stage,
  recordId,
}: {
  reviewId: string;
  stage: Stage;
  recordId: string | null;
}) {
  const trpc = useTRPC();
  const ranking = useQuery(
    trpc.prioritise.myRanking.queryOptions({ reviewId, stage, recordIds: recordId ? [recordId] : [] }),
  ).data;
  if (ranking?.sampleOpen) {
    return (
      <p className="small muted relevance-note">
        A stopping sample is open: records now come in random order, so that the team can tell whether the rest may be
        left unscreened.
      </p>
    );
  }
  if (!ranking?.prioritise) return null;
  const relevance = recordId ? ranking.relevance[recordId] : undefined;
  const trained = ranking.model?.trainedAt;
  return (
    <p className="small muted relevance-note">
      {ranking.showRelevance && relevance !== undefined && (
        <>
          <span className="relevance" title="Percentile of this record in your ranking: 100 is the likeliest include">
            Relevance {relevance}/100
          </span>{" "}
        </>
      )}
      {trained
        ? `Likely relevant first: ranked from ${plural(ranking.model!.labelled, "decision")}.`
        : "Likely relevant first: the ranking starts once you have included and excluded at least one record."}
    </p>
  );
}
