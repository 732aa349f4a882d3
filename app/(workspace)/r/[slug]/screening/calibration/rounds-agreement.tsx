"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_components/trpc";
import { STAGE_LABELS } from "@/server/shared/stages";
import { kappaText, percentText, STATISTIC_LABELS } from "./round-types";

/** The agreement report's part for calibration rounds: each closed round's kappa, apart from screening's own. */
export function RoundsAgreement({ reviewId, slug }: { reviewId: string; slug: string }) {
  const trpc = useTRPC();
  const closed = (useQuery(trpc.calibration.rounds.queryOptions({ reviewId })).data ?? []).filter(
    (r) => r.status === "closed",
  );
  if (closed.length === 0) return null;
  return (
    <div className="table-scroll">
      <table>
        <caption>
          Calibration rounds (practice, not counted above):{" "}
          <Link href={`/r/${slug}/screening/calibration`}>all rounds</Link>
        </caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Stage</th>
            <th scope="col">Statistic</th>
            <th scope="col">Kappa</th>
            <th scope="col">All agreed</th>
          </tr>
        </thead>
        <tbody>
          {closed.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/r/${slug}/screening/calibration/${r.id}`}>Round {r.number}</Link>
              </th>
              <td>{STAGE_LABELS[r.stage]}</td>
              <td>{r.agreement && STATISTIC_LABELS[r.agreement.statistic]}</td>
              <td>
                {kappaText(r.agreement?.kappa ?? null)}{" "}
                <span className="muted small">{r.agreement?.interpretation}</span>
              </td>
              <td>{percentText(r.agreement?.percentAgreement ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
