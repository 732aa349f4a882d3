"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDate } from "@/app/_lib/format";
import { STAGE_LABELS } from "@/server/shared/stages";
import { VerdictBadge } from "../verdict-badge";
import { kappaText, percentText, STATISTIC_LABELS, type CalibrationView as View } from "./round-types";

/** A closed round side by side: agreement first, then the records where the team split, then the criteria. */
export function CalibrationView({
  reviewId,
  roundId,
  canLead,
}: {
  reviewId: string;
  roundId: string;
  canLead: boolean;
}) {
  const trpc = useTRPC();
  const view = useQuery(trpc.calibration.view.queryOptions({ reviewId, roundId }));
  if (!view.data) return <ErrorAlert>{view.error?.message}</ErrorAlert>;
  const data = view.data;
  return (
    <>
      <h1>Round {data.round.number}: calibration</h1>
      <p className="intro">
        {STAGE_LABELS[data.round.stage]}, {data.records.length} records, {data.participants.length} participants,
        criteria version {data.criteria.number}
        {data.round.closedAt ? `, closed on ${formatDate(data.round.closedAt)}` : ""}.
      </p>
      <Agreement data={data} />
      {canLead && <Adopt reviewId={reviewId} data={data} />}
      <Records data={data} />
      <Criteria data={data} />
    </>
  );
}

function Agreement({ data }: { data: View }) {
  const { agreement, round } = data;
  return (
    <section className="card" aria-labelledby="round-agreement">
      <h2 id="round-agreement">Agreement</h2>
      <dl className="round-figures">
        <div>
          <dt>{STATISTIC_LABELS[agreement.statistic]}</dt>
          <dd>
            <strong>{kappaText(agreement.kappa)}</strong> <span className="muted">{agreement.interpretation}</span>
          </dd>
        </div>
        <div>
          <dt>Records everyone agreed on</dt>
          <dd>
            <strong>{percentText(agreement.percentAgreement)}</strong>{" "}
            <span className="muted">of {agreement.complete} decided by all</span>
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>
            <strong>{kappaText(round.kappaTarget)}</strong>{" "}
            <span className={agreement.reached ? "target-met" : "target-unmet"}>
              {agreement.reached ? "reached" : "not reached"}
            </span>
          </dd>
        </div>
      </dl>
      {agreement.pairs.length > 1 && (
        <div className="table-scroll">
          <table>
            <caption>Cohen&apos;s kappa for each pair</caption>
            <thead>
              <tr>
                <th scope="col">Pair</th>
                <th scope="col">Records</th>
                <th scope="col">Kappa</th>
                <th scope="col">Agreement</th>
              </tr>
            </thead>
            <tbody>
              {agreement.pairs.map((p) => (
                <tr key={`${p.a}-${p.b}`}>
                  <th scope="row">
                    {p.a} and {p.b}
                  </th>
                  <td>{p.records}</td>
                  <td>{kappaText(p.kappa)}</td>
                  <td>{percentText(p.percentAgreement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Adopt({ reviewId, data }: { reviewId: string; data: View }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const adopt = useMutation(
    trpc.calibration.adopt.mutationOptions({
      onSuccess: ({ adopted, of }) => {
        setDone(`${adopted} of ${of} records are now settled in screening with the round's verdict.`);
        void queryClient.invalidateQueries({ queryKey: trpc.calibration.pathKey() });
      },
    }),
  );
  if (data.round.adoptedAt)
    return (
      <p className="card small">
        The unanimous decisions of this round were adopted into screening on {formatDate(data.round.adoptedAt)}.
      </p>
    );
  return (
    <section className="card" aria-labelledby="round-adopt">
      <h2 id="round-adopt">Adopt the unanimous decisions</h2>
      <p className="small muted">
        {data.unanimous} records were included or excluded by every participant. Adopting settles them in screening as
        judged under criteria version {data.criteria.number}; the rest stay to be screened as usual.
      </p>
      <ErrorAlert>{adopt.error?.message}</ErrorAlert>
      <SuccessAlert>{done}</SuccessAlert>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={adopt.isPending || data.unanimous === 0}
        onClick={() => adopt.mutate({ reviewId, roundId: data.round.id })}
      >
        Adopt {data.unanimous} unanimous decisions
      </button>
    </section>
  );
}

function Records({ data }: { data: View }) {
  const splits = data.records.filter((r) => r.split).length;
  return (
    <section className="card" aria-labelledby="round-records">
      <h2 id="round-records">Verdicts side by side</h2>
      <p className="small muted">
        {splits === 0 ? "The team agreed on every record." : `The team split on ${splits} records, listed first.`}
      </p>
      <div className="table-scroll">
        <table className="calibration-table">
          <thead>
            <tr>
              <th scope="col">Record</th>
              {data.participants.map((p) => (
                <th key={p.id} scope="col">
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.records.map((row) => (
              <tr key={row.record.id} className={row.split ? "split" : undefined}>
                <th scope="row">
                  {row.split && <span className="badge badge-split">Split</span>}{" "}
                  {row.record.title || "Untitled record"}
                  <span className="muted small">
                    {" "}
                    {[row.record.firstAuthor, row.record.year].filter(Boolean).join(", ")}
                  </span>
                </th>
                {row.verdicts.map((v) => (
                  <td key={v.participantId} data-label={data.participants.find((p) => p.id === v.participantId)?.name}>
                    {v.verdict ? <VerdictBadge verdict={v.verdict} /> : <span className="muted">Not decided</span>}
                    {v.reason && <span className="small"> {v.reason}</span>}
                    {v.note && <span className="small muted calibration-note"> “{v.note}”</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Criteria({ data }: { data: View }) {
  const { criteria } = data;
  const reasons = criteria.exclusionReasons[data.round.stage] ?? [];
  return (
    <section className="card" aria-labelledby="round-criteria">
      <h2 id="round-criteria">The criteria this round used (version {criteria.number})</h2>
      <p className="small muted">
        Saved by {criteria.by} on {formatDate(criteria.createdAt)}.
      </p>
      <h3>Inclusion criteria</h3>
      <p className="pre-wrap">{criteria.inclusionCriteria || "None written."}</p>
      <h3>Exclusion criteria</h3>
      <p className="pre-wrap">{criteria.exclusionCriteria || "None written."}</p>
      <h3>Exclusion reasons</h3>
      {reasons.length ? (
        <ol>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">None.</p>
      )}
      <h3>Highlighted keywords</h3>
      <p>
        {criteria.includeKeywords.map((k) => (
          <mark key={k} className="kw kw-include">
            {k}
          </mark>
        ))}{" "}
        {criteria.excludeKeywords.map((k) => (
          <mark key={k} className="kw kw-exclude">
            {k}
          </mark>
        ))}
        {criteria.includeKeywords.length + criteria.excludeKeywords.length === 0 && (
          <span className="muted">None.</span>
        )}
      </p>
    </section>
  );
}
