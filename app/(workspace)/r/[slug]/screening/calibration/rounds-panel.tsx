"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { formatDate } from "@/app/_lib/format";
import { STAGE_LABELS } from "@/server/shared/stages";
import { KappaHistory } from "./kappa-history";
import { ParticipantProgress } from "./round-progress";
import { kappaText, percentText, STATISTIC_LABELS } from "./round-types";

/** The open round with who has finished, and every closed round with its agreement, as a chart and a table. */
export function RoundsPanel({ reviewId, slug, canLead }: { reviewId: string; slug: string; canLead: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rounds = useQuery(trpc.calibration.rounds.queryOptions({ reviewId }));
  const close = useMutation(
    trpc.calibration.close.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.calibration.rounds.pathKey() }),
    }),
  );
  if (!rounds.data) return <ErrorAlert>{rounds.error?.message}</ErrorAlert>;
  const open = rounds.data.filter((r) => r.status === "open");
  const closed = rounds.data.filter((r) => r.status === "closed");
  const base = `/r/${slug}/screening/calibration`;
  return (
    <>
      <ErrorAlert>{close.error?.message}</ErrorAlert>
      {open.map((round) => (
        <section key={round.id} className="card round-open" aria-labelledby={`round-${round.number}`}>
          <h2 id={`round-${round.number}`}>Round {round.number} is open</h2>
          <p className="muted small">
            {round.records} records at {STAGE_LABELS[round.stage].toLowerCase()}, criteria version{" "}
            {round.criteriaVersion}, target kappa {kappaText(round.kappaTarget)}. Opened by {round.openedBy} on{" "}
            {formatDate(round.openedAt)}.
          </p>
          <ParticipantProgress round={round} />
          <div className="button-row">
            {round.isParticipant && (
              <Link className="btn btn-primary" href={`${base}/${round.id}/screen`}>
                Screen this round
              </Link>
            )}
            {canLead && (
              <button
                type="button"
                className="btn btn-secondary"
                disabled={close.isPending}
                onClick={() => close.mutate({ reviewId, roundId: round.id })}
              >
                Close the round now
              </button>
            )}
          </div>
        </section>
      ))}
      <section className="card" aria-labelledby="round-history">
        <h2 id="round-history">Rounds so far</h2>
        {closed.length === 0 ? (
          <EmptyState>No round has closed yet: the calibration view and the history start with the first.</EmptyState>
        ) : (
          <>
            <KappaHistory
              points={[...closed].reverse().map((r) => ({
                round: r.number,
                kappa: r.agreement?.kappa ?? null,
                target: r.kappaTarget,
                criteriaVersion: r.criteriaVersion,
              }))}
            />
            <div className="table-scroll">
              <table className="round-table">
                <caption className="visually-hidden">Closed calibration rounds and their agreement</caption>
                <thead>
                  <tr>
                    <th scope="col">Round</th>
                    <th scope="col" className="wide-only">
                      Stage
                    </th>
                    <th scope="col">Criteria</th>
                    <th scope="col" className="wide-only">
                      Participants
                    </th>
                    <th scope="col">Kappa</th>
                    <th scope="col">Agreement</th>
                    <th scope="col">Target</th>
                    <th scope="col" className="wide-only">
                      Closed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {closed.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link href={`${base}/${r.id}`}>Round {r.number}</Link>
                      </th>
                      <td className="wide-only">{STAGE_LABELS[r.stage]}</td>
                      <td>Version {r.criteriaVersion}</td>
                      <td className="wide-only">{r.participants.length}</td>
                      <td>
                        {kappaText(r.agreement?.kappa ?? null)}{" "}
                        <span className="muted small">
                          {r.agreement && STATISTIC_LABELS[r.agreement.statistic]}, {r.agreement?.interpretation}
                        </span>
                      </td>
                      <td>{percentText(r.agreement?.percentAgreement ?? null)}</td>
                      <td>
                        {kappaText(r.kappaTarget)}{" "}
                        {r.agreement?.kappa != null && (
                          <span className="muted small">{r.agreement.kappa >= r.kappaTarget ? "met" : "not met"}</span>
                        )}
                      </td>
                      <td className="wide-only">{r.closedAt ? formatDate(r.closedAt) : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
