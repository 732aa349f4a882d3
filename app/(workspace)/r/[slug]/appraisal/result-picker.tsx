"use client";
// RoB 2 and ROBINS-I judge a result (an outcome at a time point): which of the study's results is open, a way to
// appraise another one (offered from the study's extracted results, or any outcome of the review), and, for an
// appraisal made before results were named, a way to name it.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useId, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import type { ResultRef } from "@/server/api/contract/appraisal";
import type { AppRouter } from "@/server/api/root";

type StudyResults = inferRouterOutputs<AppRouter>["appraisal"]["studyResults"];

const STATUS = { completed: "completed", in_progress: "in progress", not_started: "not started" } as const;
const keyOf = (r: ResultRef) => `${r.outcomeId ?? ""}\u0000${r.timePoint}`;

/** The result open on the form, chosen among the study's results. */
export function ResultChooser({
  data,
  value,
  onChange,
}: {
  data: StudyResults;
  value: ResultRef;
  onChange: (next: ResultRef) => void;
}) {
  const id = useId();
  const options = data.results.some((r) => keyOf(r) === keyOf(value))
    ? data.results
    : [
        ...data.results,
        { ...value, label: "New result", mine: "not_started" as const, consensus: undefined, extracted: false },
      ];
  return (
    <div className="field result-chooser">
      <label htmlFor={id}>Result appraised</label>
      <select
        id={id}
        value={keyOf(value)}
        onChange={(e) => {
          const next = options.find((r) => keyOf(r) === e.target.value);
          if (next) onChange({ outcomeId: next.outcomeId, timePoint: next.timePoint });
        }}
      >
        {options.map((r) => (
          <option key={keyOf(r)} value={keyOf(r)}>
            {r.label} — yours {STATUS[r.mine]}
            {r.consensus !== undefined ? ", consensus recorded" : ""}
            {r.extracted && r.mine === "not_started" ? " (extracted)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

/** An outcome of the review and a time point: the fields naming a result. */
function ResultFields({
  data,
  outcomeId,
  timePoint,
  setOutcomeId,
  setTimePoint,
}: {
  data: StudyResults;
  outcomeId: string;
  timePoint: string;
  setOutcomeId: (v: string) => void;
  setTimePoint: (v: string) => void;
}) {
  const id = useId();
  const times = [
    ...new Set(data.results.filter((r) => r.outcomeId === outcomeId && r.timePoint).map((r) => r.timePoint)),
  ];
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} value={outcomeId} onChange={(e) => setOutcomeId(e.target.value)} required>
          <option value="">Choose…</option>
          {data.outcomes.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-time`}>Time point</label>
        <input
          id={`${id}-time`}
          value={timePoint}
          onChange={(e) => setTimePoint(e.target.value)}
          list={`${id}-times`}
          maxLength={80}
          placeholder="e.g. week 28"
        />
        <datalist id={`${id}-times`}>
          {times.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
    </>
  );
}

/** Opens (on the form) a result not appraised yet; the appraisal itself starts from the form's Start button. */
export function AnotherResult({ data, onChoose }: { data: StudyResults; onChoose: (next: ResultRef) => void }) {
  const [outcomeId, setOutcomeId] = useState("");
  const [timePoint, setTimePoint] = useState("");
  if (data.outcomes.length === 0)
    return <p className="small muted">The review has no outcomes yet; a lead adds them in Extraction.</p>;
  return (
    <details className="another-result">
      <summary>Appraise another result</summary>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (outcomeId) onChoose({ outcomeId, timePoint: timePoint.trim().replace(/\s+/g, " ") });
        }}
      >
        <ResultFields
          data={data}
          outcomeId={outcomeId}
          timePoint={timePoint}
          setOutcomeId={setOutcomeId}
          setTimePoint={setTimePoint}
        />
        <button type="submit" className="btn btn-secondary btn-small" disabled={!outcomeId}>
          Open
        </button>
      </form>
    </details>
  );
}

/** For an appraisal made before results were named: name the outcome and time point it assesses. */
export function NameResult({
  reviewId,
  data,
  appraisal,
  onNamed,
}: {
  reviewId: string;
  data: StudyResults;
  appraisal: { id: string; version: number };
  onNamed: (named: ResultRef) => void;
}) {
  const trpc = useTRPC();
  const [outcomeId, setOutcomeId] = useState("");
  const [timePoint, setTimePoint] = useState("");
  const name = useMutation(trpc.appraisal.nameResult.mutationOptions());
  return (
    <section className="card name-result" aria-labelledby="name-result">
      <h2 id="name-result">Name the result this appraisal assesses</h2>
      <p className="small">
        RoB 2 and ROBINS-I judge one result: an outcome at a time point. This appraisal was made before results were
        named; it still counts, but the plots and analyses can use it only once it names its result.
        {data.outcomes.length === 0 && " The review has no outcomes yet: a lead adds them in Extraction first."}
      </p>
      {data.outcomes.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const result = { outcomeId, timePoint: timePoint.trim().replace(/\s+/g, " ") };
            name.mutate(
              { reviewId, appraisalId: appraisal.id, version: appraisal.version, result },
              { onSuccess: () => onNamed(result) },
            );
          }}
        >
          <ResultFields
            data={data}
            outcomeId={outcomeId}
            timePoint={timePoint}
            setOutcomeId={setOutcomeId}
            setTimePoint={setTimePoint}
          />
          <button type="submit" className="btn btn-primary btn-small" disabled={!outcomeId || name.isPending}>
            Name the result
          </button>
        </form>
      )}
      <ErrorAlert>{name.error?.message}</ErrorAlert>
    </section>
  );
}
