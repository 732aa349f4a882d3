"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_components/trpc";

/** On the screening page: the open round waiting for the caller, and the way to every round. */
export function RoundNotice({ reviewId, slug }: { reviewId: string; slug: string }) {
  const trpc = useTRPC();
  // Asked afresh whenever the screening page opens, so a round opened since the last visit is never missed.
  const rounds =
    useQuery({ ...trpc.calibration.rounds.queryOptions({ reviewId }), refetchOnMount: "always" }).data ?? [];
  const base = `/r/${slug}/screening/calibration`;
  const waiting = rounds.find((r) => r.waitsForMe);
  return (
    <p className="round-notice small">
      {waiting ? (
        <>
          <strong>Calibration round {waiting.number} is open for you.</strong>{" "}
          <Link href={`${base}/${waiting.id}/screen`}>Screen the round</Link> ·{" "}
        </>
      ) : null}
      <Link href={base}>Calibration rounds</Link>
    </p>
  );
}
