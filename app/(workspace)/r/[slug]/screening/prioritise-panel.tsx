"use client";
import Link from "next/link";
import type { FormEvent } from "react";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { formatDateTime, plural } from "@/app/_lib/format";
import type { Stage } from "@/server/shared/stages";
import { IncludesChart } from "./includes-chart";
import { useStoppingSample } from "./use-stopping-sample";

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** For leads: the team's includes-found curve and "can we stop?" with the hypergeometric stopping rule. */
export function PrioritisePanel({
  reviewId,
  stage,
  slug,
  prioritise,
}: {
  reviewId: string;
  stage: Stage;
  slug: string;
  prioritise: boolean;
}) {
  const stopping = useStoppingSample(reviewId, stage);
  const { curve, status, error } = stopping;
  const sample = status?.sample;

  function onStart(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    stopping.start(Number(form.get("recall")) / 100, Number(form.get("confidence")) / 100);
  }

  return (
    <>
      <ErrorAlert>{error}</ErrorAlert>
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
      {curve &&
        (curve.points.length > 1 ? (
          <figure className="includes-figure">
            <IncludesChart points={curve.points} total={curve.total} />
            <figcaption className="small muted">
              Settled records in the order they settled; the dashed line is what screening in random order would find on
              average.
            </figcaption>
          </figure>
        ) : (
          <EmptyState compact>The chart of includes found appears once records are settled.</EmptyState>
        ))}
      <h3>Can we stop?</h3>
      {status?.excluded && (
        <InfoAlert>
          <p>
            {plural(status.excluded.excludedCount, "record")} {status.excluded.excludedCount === 1 ? "was" : "were"}{" "}
            excluded below the stopping threshold on {formatDateTime(status.excluded.excludedAt)} (target recall{" "}
            {percent(status.excluded.recallTarget)} at {percent(status.excluded.confidence)} confidence). PRISMA counts
            them as excluded by automation tools.
          </p>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={stopping.reverting || !!sample}
            onClick={() => stopping.revert(status.excluded!.id)}
          >
            Revert the exclusion
          </button>
          {sample && <span className="small muted"> Close the open sample first.</span>}
        </InfoAlert>
      )}
      {sample ? (
        <div className="stopping-sample">
          <p>
            A random sample of the {plural(sample.remaining, "record")} nobody had screened has been open since{" "}
            {formatDateTime(sample.startedAt)}; screeners now get records in random order.
            {sample.heldRecords > 0 && (
              <>
                {" "}
                The {plural(sample.heldRecords, "record")} already with screeners then{" "}
                {sample.heldRecords === 1 ? "was" : "were"} chosen by ranking, not at random, so{" "}
                {sample.heldRecords === 1 ? "it stays" : "they stay"} outside the sample.
              </>
            )}{" "}
            So far <strong>{plural(sample.test.sampled, "sampled record")}</strong> settled, with{" "}
            <strong>{plural(sample.test.sampleIncludes, "include")}</strong>;{" "}
            {plural(sample.test.includesBefore, "include")} {sample.test.includesBefore === 1 ? "was" : "were"} found
            before.
          </p>
          <p>
            {sample.test.sampled === 0 ? (
              "The test starts once records of the sample are settled. Keep screening."
            ) : sample.test.canStop ? (
              <strong>
                Recall of at least {percent(sample.recallTarget)} is reached at {percent(sample.confidence)} confidence
                (p = {sample.test.pValue.toFixed(3)}).
              </strong>
            ) : (
              <>
                Not yet: if the unscreened records still held {plural(sample.test.includesIfBelowTarget, "include")},
                recall would be below {percent(sample.recallTarget)}, and a sample like this one would happen with p ={" "}
                {sample.test.pValue.toFixed(3)} (stop below {(1 - sample.confidence).toFixed(2)}). Keep screening.
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
              disabled={!sample.test.canStop || sample.excludable === 0 || stopping.excluding}
              onClick={() => stopping.exclude(sample.id)}
            >
              Exclude the {plural(sample.excludable, "unscreened record")} below the stopping threshold
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={stopping.closing}
              onClick={() => stopping.close(sample.id)}
            >
              Close the sample
            </button>
          </div>
        </div>
      ) : (
        status &&
        (status.untouched === 0 ? (
          !status.excluded && (
            <EmptyState compact>
              Every record of this stage has been screened: there is nothing left to sample.
            </EmptyState>
          )
        ) : (
          <>
            <p className="muted small">
              {status.excluded
                ? "For records imported since the exclusion, open"
                : "When the ranking stops turning up includes, open"}{" "}
              a random sample of the {plural(status.untouched, "record")} nobody has screened. Screeners then get
              records in random order, and the hypergeometric test of Callaghan and Müller-Hansen (2020) tells you when
              the sample shows the target recall was reached. The rest can then be excluded in one step, reversibly.
            </p>
            <form className="inline-form" onSubmit={onStart}>
              <div className="field">
                <label htmlFor="stop-recall">Target recall (%)</label>
                <input
                  id="stop-recall"
                  name="recall"
                  type="number"
                  min={50}
                  max={99.9}
                  step={0.1}
                  defaultValue={95}
                  required
                />
              </div>
              <div className="field">
                <label htmlFor="stop-confidence">Confidence (%)</label>
                <input
                  id="stop-confidence"
                  name="confidence"
                  type="number"
                  min={50}
                  max={99.9}
                  step={0.1}
                  defaultValue={95}
                  required
                />
              </div>
              <button type="submit" className="btn btn-primary" disabled={stopping.starting}>
                Open a stopping sample
              </button>
            </form>
          </>
        ))
      )}
    </>
  );
}
