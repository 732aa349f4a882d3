"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import type { RoundSummary } from "./round-types";

function useRound(reviewId: string, roundId: string): RoundSummary | undefined {
  const trpc = useTRPC();
  return useQuery(trpc.calibration.rounds.queryOptions({ reviewId })).data?.find((r) => r.id === roundId);
}

/** Who has finished the round, never how anyone decided (the server sends nothing of it while it is open). */
export function ParticipantProgress({ round }: { round: RoundSummary }) {
  return (
    <ul className="round-participants">
      {round.participants.map((p) => (
        <li key={p.id}>
          <span>{p.name}</span>{" "}
          {p.finished ? (
            <span className="badge badge-done">Finished</span>
          ) : (
            <span className="muted small">
              {p.decided} of {round.records}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function RoundProgress({ reviewId, roundId }: { reviewId: string; roundId: string }) {
  const round = useRound(reviewId, roundId);
  if (!round) return null;
  return (
    <section className="card round-progress" aria-label={`Round ${round.number} progress`}>
      <p className="small">
        <strong>Calibration round {round.number}</strong>: practice decisions, compared once everyone has finished. They
        count nowhere in screening unless a lead adopts them.
      </p>
      <ParticipantProgress round={round} />
    </section>
  );
}

export function RoundFinished({ reviewId, roundId, slug }: { reviewId: string; roundId: string; slug: string }) {
  const round = useRound(reviewId, roundId);
  const closed = round?.status === "closed";
  return (
    <EmptyState
      card
      title={closed ? "The round is closed" : "You have decided every record of this round"}
      actions={
        <p>
          {closed ? (
            <Link href={`/r/${slug}/screening/calibration/${roundId}`}>Open the calibration view</Link>
          ) : (
            <Link href={`/r/${slug}/screening/calibration`}>Back to the rounds</Link>
          )}
        </p>
      }
    >
      {closed
        ? "Everyone's verdicts can now be compared side by side."
        : "The calibration view opens when every participant has finished, or when a lead closes the round."}
    </EmptyState>
  );
}
