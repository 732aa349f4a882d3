"use client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useEffectEvent, useRef, useState } from "react";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";
import { FullTextLinks } from "@/app/(workspace)/r/[slug]/full-text/full-text-links";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import { errorText } from "@/app/(workspace)/r/[slug]/screening/error-text";
import type { KeywordMatcher } from "@/app/(workspace)/r/[slug]/screening/highlight";
import { authorList, citation, Highlighted, RecordLinks } from "@/app/(workspace)/r/[slug]/screening/record-view";
import type { StageSetup } from "@/app/(workspace)/r/[slug]/screening/screening-types";
import { isTyping } from "@/app/(workspace)/r/[slug]/screening/use-decision-draft";
import { VerdictBadge } from "@/app/(workspace)/r/[slug]/screening/verdict-badge";
import { SCREENING_KEYS } from "@/server/shared/screening-keys";
import type { Conflict } from "./conflict-types";

interface Props {
  reviewId: string;
  setup: StageSetup;
  conflict: Conflict;
  matcher: KeywordMatcher | null;
  onResolved: (conflictId: string, message: string) => void;
  /** The conflict the keys act on: I, E, 1–9, N and Enter. */
  active: boolean;
  onActivate: () => void;
}

/**
 * One disagreement: the record, each reviewer's decision side by side, and the lead's final decision, made with
 * the mouse or, on the active conflict, with the screening keys (I, E, 1–9 for a reason, N for the note) and
 * Enter to resolve.
 */
export function OpenConflict({ reviewId, setup, conflict, matcher, onResolved, active, onActivate }: Props) {
  const trpc = useTRPC();
  const { record, decisions } = conflict;
  const [verdict, setVerdict] = useState<"include" | "exclude" | null>(null);
  const [reasonId, setReasonId] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const resolve = useMutation(trpc.screening.resolveConflict.mutationOptions());
  // An archived review's conflicts are read as they stand: no form, no keys.
  const canResolve = useMayChange("lead");
  const id = `conflict-${conflict.id}`;
  const title = record.title || "Untitled record";
  const source = citation({ journal: record.journal, year: record.year, volume: null, issue: null, pages: null });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (resolve.isPending) return;
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
        reasonId: verdict === "exclude" ? reasonId || null : null,
        note: String(form.get("note") ?? ""),
      },
      {
        onSuccess: () =>
          onResolved(conflict.id, `Resolved: “${title}” is ${verdict === "include" ? "included" : "excluded"}.`),
      },
    );
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (isTyping(event.target)) {
      // Esc leaves the note (or the reason list) so the keys work again.
      if (event.key === "Escape" && event.target instanceof HTMLElement) event.target.blur();
      return;
    }
    const key = event.key.toUpperCase();
    if (key === SCREENING_KEYS.include) setVerdict("include");
    else if (key === SCREENING_KEYS.exclude) setVerdict("exclude");
    else if (/^[1-9]$/.test(key)) {
      // A reason only goes with an exclusion, so picking one chooses Exclude as well.
      const reason = setup.reasons[Number(key) - 1];
      if (!reason) return;
      setVerdict("exclude");
      setReasonId(reason.id);
    } else if (key === SCREENING_KEYS.note) noteRef.current?.focus();
    else if (event.key === "Enter") {
      // Enter on a button, link or summary keeps its own meaning.
      if (event.target instanceof Element && event.target.closest("button, a, summary")) return;
      formRef.current?.requestSubmit();
    } else return;
    event.preventDefault();
  });
  useEffect(() => {
    if (!active || conflict.resolveRefusal || !canResolve) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [active, conflict.resolveRefusal, canResolve]);

  return (
    <article
      id={id}
      tabIndex={-1}
      className={active ? "card conflict is-active" : "card conflict"}
      aria-labelledby={`${id}-title`}
      aria-current={active ? "true" : undefined}
      onFocus={active ? undefined : onActivate}
    >
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

      {conflict.resolveRefusal ? (
        <InfoAlert>
          <p>{conflict.resolveRefusal}</p>
        </InfoAlert>
      ) : (
        canResolve && (
          <form className="resolve-form" ref={formRef} onSubmit={onSubmit}>
            {/* The form stays as the lead left it (verdict, reason and note), to send again or copy. */}
            <ErrorAlert>{formError ?? (resolve.error && errorText(resolve.error))}</ErrorAlert>
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
                  <label htmlFor={`${id}-${v}`}>
                    {v === "include" ? "Include" : "Exclude"}{" "}
                    <kbd>{v === "include" ? SCREENING_KEYS.include : SCREENING_KEYS.exclude}</kbd>
                  </label>
                </span>
              ))}
            </fieldset>
            <div className="resolve-fields">
              <div className="field">
                <label htmlFor={`${id}-reason`}>
                  Exclusion reason <span className="muted">({setup.reasonRequired ? "required" : "optional"})</span>
                </label>
                <select
                  id={`${id}-reason`}
                  name="reasonId"
                  disabled={verdict !== "exclude"}
                  value={reasonId}
                  onChange={(e) => setReasonId(e.target.value)}
                >
                  <option value="">{setup.reasonRequired ? "Choose a reason" : "No reason"}</option>
                  {setup.reasons.map((r, i) => (
                    <option key={r.id} value={r.id}>
                      {i < 9 ? `${i + 1}. ` : ""}
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-note`}>
                  Note <kbd>{SCREENING_KEYS.note}</kbd>
                </label>
                <textarea id={`${id}-note`} ref={noteRef} name="note" rows={2} maxLength={5000} />
              </div>
            </div>
            <button type="submit" className="btn btn-primary" disabled={resolve.isPending} aria-keyshortcuts="Enter">
              {resolve.isPending ? "Resolving…" : "Resolve"} <kbd>Enter</kbd>
            </button>
          </form>
        )
      )}
    </article>
  );
}
