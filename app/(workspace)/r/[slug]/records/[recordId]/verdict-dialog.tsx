"use client";
import { type FormEvent, useEffect, useId, useRef } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { STAGE_LABELS } from "@/server/shared/stages";
import { type ReopenImpact, useVerdictChange, type VerdictChangeMode, type VerdictTarget } from "./use-verdict-change";

export interface SettledView {
  status: "included" | "excluded";
  reason: string | null;
  settledBy: ReopenImpact["settledBy"] | null;
}

const SETTLED_BY: Record<ReopenImpact["settledBy"], string> = {
  agreement: "the reviewers agreed",
  resolution: "a lead resolved the reviewers' conflict",
  override: "a lead overrode the verdict",
  stopping_rule: "excluded unscreened by the stopping rule",
};

interface Props {
  target: VerdictTarget;
  mode: VerdictChangeMode;
  current: SettledView;
  /** The stage's exclusion reasons, for an override to exclusion. */
  reasons: { id: string; label: string }[];
  /** The record's title, so the lead knows which record the dialog is about. */
  title: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

function Impact({ impact, mode }: { impact: ReturnType<typeof useVerdictChange>["impact"]; mode: VerdictChangeMode }) {
  if (impact.isPending) return <p className="muted small">Checking what depends on this verdict…</p>;
  if (impact.isError) return <ErrorAlert>{impact.error.message}</ErrorAlert>;
  const { undoes, summary, needsConfirmation } = impact.data;
  if (undoes.length === 0)
    return <p className="small muted">Nothing done after this verdict depends on it: no other work is undone.</p>;
  return (
    <div className={`verdict-impact${needsConfirmation ? " verdict-impact-warn" : ""}`}>
      {summary && <p className="verdict-impact-summary">{summary}</p>}
      <p>{mode === "reopen" ? "Reopening" : "Overriding"} it also undoes this:</p>
      <ul>
        {undoes.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Reopen or override one settled verdict, in a modal dialog: focus moves into it, Esc or Cancel closes it, Enter
 * submits. What the change would undo is listed before the button that does it.
 */
export function VerdictDialog({ target, mode, current, reasons, title, onClose, onDone }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const change = useVerdictChange(target, mode, current.status);
  const stage = STAGE_LABELS[target.stage].toLowerCase();

  // Modal: the page behind is inert and focus moves in; removing the element on close ends it.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const message = await change.submit({
      reasonId: String(form.get("reasonId") ?? "") || null,
      note: String(form.get("note") ?? ""),
    });
    if (message) onDone(message);
  }

  const confirming = change.impact.data?.needsConfirmation ?? false;
  const verb = mode === "reopen" ? "Reopen" : "Override";
  return (
    <dialog ref={ref} className="verdict-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={onSubmit}>
        <h2 id={`${id}-title`}>{mode === "reopen" ? `Reopen at ${stage}` : `Override the verdict at ${stage}`}</h2>
        <p className="verdict-dialog-record">{title || "(no title)"}</p>
        <p>
          Now: <strong>{current.status === "included" ? "Included" : "Excluded"}</strong>
          {current.reason && ` (${current.reason})`}
          {current.settledBy && <span className="muted">, because {SETTLED_BY[current.settledBy]}</span>}.
        </p>
        {mode === "reopen" ? (
          <p className="small">
            The record goes back to screening at {stage}. The reviewers&apos; decisions stay in its history but no
            longer count, and it is served again to as many reviewers as this stage needs. Agreement keeps counting
            their first decisions.
          </p>
        ) : (
          <>
            <fieldset className="verdict-choice">
              <legend>New final verdict</legend>
              {(["include", "exclude"] as const).map((v) => (
                <span key={v} className="check">
                  <input
                    type="radio"
                    id={`${id}-${v}`}
                    name="verdict"
                    value={v}
                    checked={change.verdict === v}
                    onChange={() => change.setVerdict(v)}
                  />
                  <label htmlFor={`${id}-${v}`}>{v === "include" ? "Include" : "Exclude"}</label>
                </span>
              ))}
            </fieldset>
            {change.verdict === "exclude" && (
              <div className="field">
                <label htmlFor={`${id}-reason`}>Exclusion reason</label>
                <select id={`${id}-reason`} name="reasonId" defaultValue="" required>
                  <option value="">Choose a reason</option>
                  {reasons.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {mode === "reopen" ? "Note for the record's history" : "Why"}{" "}
            <span className="muted">({mode === "reopen" ? "optional" : "required"})</span>
          </label>
          <textarea id={`${id}-note`} name="note" rows={2} maxLength={5000} required={mode === "override"} />
        </div>
        <Impact impact={change.impact} mode={mode} />
        <ErrorAlert>{change.error}</ErrorAlert>
        <div className="form-actions">
          <button
            type="submit"
            className={confirming ? "btn btn-danger" : "btn btn-primary"}
            disabled={change.pending || change.impact.isPending || change.impact.isError}
          >
            {change.pending
              ? `${verb === "Reopen" ? "Reopening" : "Overriding"}…`
              : confirming
                ? `${verb} and undo this work`
                : verb}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
