"use client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";
import { FullTextLinks } from "@/app/(workspace)/r/[slug]/full-text/full-text-links";
import type { KeywordMatcher } from "@/app/(workspace)/r/[slug]/screening/highlight";
import { authorList, citation, Highlighted, RecordLinks } from "@/app/(workspace)/r/[slug]/screening/record-view";
import type { StageSetup } from "@/app/(workspace)/r/[slug]/screening/screening-types";
import { VerdictBadge } from "@/app/(workspace)/r/[slug]/screening/verdict-badge";
import type { Conflict } from "./conflict-types";

interface Props {
  reviewId: string;
  setup: StageSetup;
  conflict: Conflict;
  matcher: KeywordMatcher | null;
  onResolved: (conflictId: string, message: string) => void;
}

/** One disagreement: the record, each reviewer's decision side by side, and the lead's final decision. */
export function OpenConflict({ reviewId, setup, conflict, matcher, onResolved }: Props) {
  const trpc = useTRPC();
  const { record, decisions } = conflict;
  const [verdict, setVerdict] = useState<"include" | "exclude" | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const resolve = useMutation(trpc.screening.resolveConflict.mutationOptions());
  const id = `conflict-${conflict.id}`;
  const title = record.title || "Untitled record";
  const source = citation({ journal: record.journal, year: record.year, volume: null, issue: null, pages: null });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reasonId = String(form.get("reasonId") ?? "") || null;
    if (!verdict) return setFormError("Choose Include or Exclude as the final decision.");
    if (verdict === "exclude" && setup.reasonRequired && !reasonId) {
      return setFormError("Choose the final exclusion reason: this stage requires one.");
    }
    setFormError(null);
    resolve.mutate(
      {
        reviewId,
        conflictId: conflict.id,
        verdict,
        reasonId: verdict === "exclude" ? reasonId : null,
        note: String(form.get("note") ?? ""),
      },
      {
        onSuccess: () =>
          onResolved(conflict.id, `Resolved: “${title}” is ${verdict === "include" ? "included" : "excluded"}.`),
      },
    );
  }

  return (
    <article className="card conflict" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="conflict-title">
        {record.title ? (
          <Highlighted text={record.title} matcher={matcher} />
        ) : (
          <span className="muted">(no title)</span>
        )}
      </h2>
      <p className="record-authors small">{authorList(record.authors)}</p>
      {source && (
        <p className="small">
          <cite>{source}</cite>
        </p>
      )}
      <RecordLinks record={record} />
      {setup.stage === "full_text" && record.report && <FullTextLinks report={record.report} />}
      {record.abstract ? (
        <details className="conflict-abstract">
          <summary>Abstract</summary>
          <div className="record-abstract">
            <Highlighted text={record.abstract} matcher={matcher} />
          </div>
        </details>
      ) : (
        <p className="muted small">This record has no abstract.</p>
      )}

      <h3 className="visually-hidden">Reviewers&apos; decisions</h3>
      <ul className="conflict-decisions">
        {decisions.map((d) => (
          <li key={d.reviewer.id} className="conflict-decision">
            <p className="conflict-reviewer">
              <strong>{d.reviewer.name}</strong> <VerdictBadge verdict={d.verdict} />
            </p>
            {d.reason && <p className="small">Reason: {d.reason.label}</p>}
            {d.note ? <p className="small conflict-note">“{d.note}”</p> : <p className="small muted">No note.</p>}
            <p className="small muted">{formatDateTime(d.updatedAt)}</p>
          </li>
        ))}
      </ul>

      <form className="resolve-form" onSubmit={onSubmit}>
        <ErrorAlert>{formError ?? resolve.error?.message}</ErrorAlert>
        <fieldset className="verdict-choice">
          <legend>Final decision</legend>
          {(["include", "exclude"] as const).map((v) => (
            <span key={v} className="check">
              <input
                type="radio"
                id={`${id}-${v}`}
                name="verdict"
                value={v}
                checked={verdict === v}
                onChange={() => setVerdict(v)}
              />
              <label htmlFor={`${id}-${v}`}>{v === "include" ? "Include" : "Exclude"}</label>
            </span>
          ))}
        </fieldset>
        <div className="resolve-fields">
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              Exclusion reason <span className="muted">({setup.reasonRequired ? "required" : "optional"})</span>
            </label>
            <select id={`${id}-reason`} name="reasonId" disabled={verdict !== "exclude"} defaultValue="">
              <option value="">{setup.reasonRequired ? "Choose a reason" : "No reason"}</option>
              {setup.reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>Note</label>
            <textarea id={`${id}-note`} name="note" rows={2} maxLength={5000} />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={resolve.isPending}>
          {resolve.isPending ? "Resolving…" : "Resolve"}
        </button>
      </form>
    </article>
  );
}
