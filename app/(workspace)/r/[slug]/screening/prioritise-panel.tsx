"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import type { StageName } from "@/server/reviews/review-settings";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime, plural } from "@/app/_lib/format";
import { IncludesChart } from "./includes-chart";

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** For leads: the team's includes-found curve and "can we stop?" with the hypergeometric stopping rule. */
export function PrioritisePanel({ reviewId, stage, slug, prioritise }: { reviewId: string; stage: StageName; slug: string; prioritise: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Fresh on every visit, as the progress bar is: imports and others' decisions change both at any time.
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
  const error = [curve, stopping].find((q) => q.error)?.error?.message ?? [start, close, exclude, revert].find((m) => m.error)?.error?.message;
  const status = stopping.data;
  const sample = status?.sample;

  function onStart(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start.mutate({ reviewId, stage, recallTarget: Number(form.get("recall")) / 100, confidence: Number(form.get("confidence")) / 100 });
  }

  return (
    <>
      <ErrorAlert message={error} />
      <p className="muted">
        {prioritise ? (
          "On at this stage: each screener gets first the records their own ranking rates likeliest to be included."
        ) : (
          <>
            Off at this stage: screeners get records in the order they were imported. Leads can switch it on in{" "}
            <Link href={`/r/${slug}/settings`}>Settings</Link>.
          </>
        )}
      </p>
      {curve.data &&
        (curve.data.points.length > 1 ? (
          <figure className="includes-figure">
            <IncludesChart points={curve.data.points} total={curve.data.total} />
            <figcaption className="small muted">
              Settled records in the order they settled; the dashed line is what screening in random order would find on
              average.
            </figcaption>
          </figure>
        ) : (
          <p className="muted">The chart of includes found appears once records are settled.</p>
        ))}
      <h3>Can we stop?</h3>
      {status?.excluded && (
        <div className="alert alert-info">
          <p>
            {plural(status.excluded.excludedCount, "record")} {status.excluded.excludedCount === 1 ? "was" : "were"} excluded below the stopping threshold on{" "}
            {formatDateTime(status.excluded.excludedAt)} (target recall {percent(status.excluded.recallTarget)} at{" "}
            {percent(status.excluded.confidence)} confidence). PRISMA counts them as excluded by automation tools.
          </p>
          <button type="button" className="btn btn-secondary btn-small" disabled={revert.isPending || !!sample} onClick={() => revert.mutate({ reviewId, sampleId: status.excluded!.id })}>
            Revert the exclusion
          </button>
          {sample && <span className="small muted"> Close the open sample first.</span>}
        </div>
      )}
      {sample ? (
        <div className="stopping-sample">
          <p>
            A random sample of the {plural(sample.remaining, "record")} nobody had screened has been open since{" "}
            {formatDateTime(sample.startedAt)}; screeners now get records in random order.
            {sample.heldRecords > 0 && (
              <>
                {" "}
                The {plural(sample.heldRecords, "record")} already with screeners then {sample.heldRecords === 1 ? "was" : "were"} chosen by
                ranking, not at random, so {sample.heldRecords === 1 ? "it stays" : "they stay"} outside the sample.
              </>
            )}{" "}
            So far{" "}
            <strong>{plural(sample.test.sampled, "sampled record")}</strong> settled, with{" "}
            <strong>{plural(sample.test.sampleIncludes, "include")}</strong>; {plural(sample.test.includesBefore, "include")}{" "}
            {sample.test.includesBefore === 1 ? "was" : "were"} found before.
          </p>
          <p>
            {sample.test.sampled === 0 ? (
              "The test starts once records of the sample are settled. Keep screening."
            ) : sample.test.canStop ? (
              <strong>
                Recall of at least {percent(sample.recallTarget)} is reached at {percent(sample.confidence)} confidence (p ={" "}
                {sample.test.pValue.toFixed(3)}).
              </strong>
            ) : (
              <>
                Not yet: if the unscreened records still held {plural(sample.test.includesIfBelowTarget, "include")}, recall would be
                below {percent(sample.recallTarget)}, and a sample like this one would happen with p = {sample.test.pValue.toFixed(3)}
                {" "}(stop below {(1 - sample.confidence).toFixed(2)}). Keep screening.
              </>
            )}
          </p>
          {sample.importedSince > 0 && (
            <p className="small muted">
              {plural(sample.importedSince, "record")} imported since the sample began{" "}
              {sample.importedSince === 1 ? "is" : "are"} not part of it: the test says nothing about{" "}
              {sample.importedSince === 1 ? "it, so it is" : "them, so they are"} left to screen.
            </p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={!sample.test.canStop || sample.excludable === 0 || exclude.isPending}
              onClick={() => exclude.mutate({ reviewId, sampleId: sample.id })}
            >
              Exclude the {plural(sample.excludable, "unscreened record")} below the stopping threshold
            </button>
            <button type="button" className="btn btn-secondary" disabled={close.isPending} onClick={() => close.mutate({ reviewId, sampleId: sample.id })}>
              Close the sample
            </button>
          </div>
        </div>
      ) : (
        status &&
        (status.untouched === 0 ? (
          !status.excluded && <p className="muted">Every record of this stage has been screened: there is nothing left to sample.</p>
        ) : (
          <>
            <p className="muted small">
              {status.excluded ? "For records imported since the exclusion, open" : "When the ranking stops turning up includes, open"} a
              random sample of the {plural(status.untouched, "record")} nobody has screened. Screeners then get records in random order, and the hypergeometric test of Callaghan and Müller-Hansen (2020)
              tells you when the sample shows the target recall was reached. The rest can then be excluded in one step, reversibly.
            </p>
            <form className="inline-form" onSubmit={onStart}>
              <div className="field">
                <label htmlFor="stop-recall">Target recall (%)</label>
                <input id="stop-recall" name="recall" type="number" min={50} max={99.9} step={0.1} defaultValue={95} required />
              </div>
              <div className="field">
                <label htmlFor="stop-confidence">Confidence (%)</label>
                <input id="stop-confidence" name="confidence" type="number" min={50} max={99.9} step={0.1} defaultValue={95} required />
              </div>
              <button type="submit" className="btn btn-primary" disabled={start.isPending}>
                Open a stopping sample
              </button>
            </form>
          </>
        ))
      )}
    </>
  );
}
