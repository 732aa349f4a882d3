"use client";
import type { Ref } from "react";
import { InfoAlert } from "@/app/_components/alerts";
import { SCREENING_KEYS } from "@/server/shared/screening-keys";
import { closedText, reasonLabel, type ScreeningItem, type StageSetup, type Verdict } from "./screening-types";
import { VerdictBadge } from "./verdict-badge";

/** What the reviewer is putting together for the record on screen. */
export interface Draft {
  recordId: string | null;
  reasonId: string | null;
  note: string;
  /** Exclude was pressed at a stage that needs a reason, and none is chosen yet. */
  awaitingReason: boolean;
}

/** What was typed for a decision the server refused, to be put back with the record. */
export interface KeptDraft {
  reasonId: string | null;
  note: string;
}

/** A record's draft when it comes on screen: what was kept from a refused decision, else the reviewer's decision. */
export function draftFor(item: ScreeningItem | null, kept?: KeptDraft): Draft {
  if (item && kept) return { recordId: item.record.id, ...kept, awaitingReason: false };
  return {
    recordId: item?.record.id ?? null,
    reasonId: item?.myDecision?.verdict === "exclude" ? item.myDecision.reasonId : null,
    note: item?.myDecision?.note ?? "",
    awaitingReason: false,
  };
}

interface Props {
  setup: StageSetup;
  item: ScreeningItem;
  draft: Draft;
  /** Others' decisions are shown only at an unblinded stage, so a lead who screens stays blinded too. */
  showOthers: boolean;
  onDecide: (verdict: Verdict) => void;
  onReason: (reasonId: string | null) => void;
  onNote: (note: string) => void;
  onLeave: () => void;
  noteRef: Ref<HTMLTextAreaElement>;
  reasonsRef: Ref<HTMLFieldSetElement>;
  /** The record has been on screen long enough for a decision to count. */
  ready: boolean;
  canLead: boolean;
}

const BUTTONS: { verdict: Verdict; key: string; label: string }[] = [
  { verdict: "include", key: SCREENING_KEYS.include, label: "Include" },
  { verdict: "exclude", key: SCREENING_KEYS.exclude, label: "Exclude" },
  { verdict: "maybe", key: SCREENING_KEYS.maybe, label: "Maybe" },
];

export function DecisionPanel(props: Props) {
  const { setup, item, draft, showOthers, onDecide, onReason, onNote, onLeave, noteRef, reasonsRef, ready, canLead } =
    props;
  const { reasons, reasonRequired } = setup;
  const mine = item.myDecision;
  const closed = item.closedBecause;
  const others = showOthers ? item.otherDecisions : null;
  return (
    <section className="decision-panel" aria-labelledby="decision-heading">
      <div className="decision-heading-row">
        <h3 id="decision-heading" className="panel-heading">
          Your decision
        </h3>
        {/* Text and shape say it, not colour alone; the screen's live region announces readiness once. A record
            closed to decisions is never ready. */}
        {!closed && (
          <p className={ready ? "ready-cue is-ready" : "ready-cue"} data-testid="ready-cue">
            <span aria-hidden="true">{ready ? "●" : "○"}</span> {ready ? "Ready" : "Wait…"}
          </p>
        )}
      </div>
      {!mine && item.myEarlierDecision && (
        <InfoAlert className="small">
          <p>
            A lead reopened this record for screening again. You had decided{" "}
            <VerdictBadge verdict={item.myEarlierDecision.verdict} />
            {item.myEarlierDecision.reasonId && <> ({reasonLabel(reasons, item.myEarlierDecision.reasonId)})</>}: decide
            it afresh.
          </p>
        </InfoAlert>
      )}
      {closed ? (
        <InfoAlert className="small closed-record">
          <p>
            {mine ? (
              <>
                You decided <VerdictBadge verdict={mine.verdict} />
                {mine.reasonId && <> ({reasonLabel(reasons, mine.reasonId)})</>}; it can no longer change.{" "}
              </>
            ) : (
              "This record takes no more decisions. "
            )}
            {closedText(closed, canLead)}
          </p>
          <button type="button" className="btn btn-secondary btn-small" onClick={onLeave}>
            Go on to the next record
          </button>
        </InfoAlert>
      ) : (
        mine && (
          <InfoAlert className="small">
            <p>
              You decided <VerdictBadge verdict={mine.verdict} />
              {mine.reasonId && <> ({reasonLabel(reasons, mine.reasonId)})</>}. Choose again to change it.
            </p>
            <button type="button" className="btn btn-secondary btn-small" onClick={onLeave}>
              Leave it unchanged
            </button>
          </InfoAlert>
        )
      )}
      <div className="decision-buttons">
        {BUTTONS.map(({ verdict, key, label }) => (
          <button
            key={verdict}
            type="button"
            className={`btn btn-decide btn-${verdict}`}
            aria-keyshortcuts={key}
            aria-pressed={mine ? mine.verdict === verdict : undefined}
            disabled={closed !== null}
            onClick={() => onDecide(verdict)}
          >
            {label} <kbd>{key}</kbd>
          </button>
        ))}
      </div>

      <fieldset
        ref={reasonsRef}
        tabIndex={-1}
        className={draft.awaitingReason ? "reason-list awaiting" : "reason-list"}
        aria-describedby="reason-hint"
      >
        <legend>
          Exclusion reason <span className="muted">({reasonRequired ? "required" : "optional"})</span>
        </legend>
        {draft.awaitingReason && (
          <p className="reason-prompt" role="status">
            Choose a reason to exclude this record: press its number, or pick it and press Exclude again.
          </p>
        )}
        {reasons.length === 0 ? (
          <p className="muted small">
            No exclusion reasons are set up for this stage{reasonRequired && ", yet one is required"}; a lead can add
            them in Settings.
          </p>
        ) : (
          <ol>
            {reasons.map((reason, i) => (
              <li key={reason.id}>
                <input
                  type="radio"
                  id={`reason-${reason.id}`}
                  name="exclusion-reason"
                  value={reason.id}
                  checked={draft.reasonId === reason.id}
                  onChange={() => onReason(reason.id)}
                />
                <label htmlFor={`reason-${reason.id}`}>
                  {i < 9 && <kbd>{i + 1}</kbd>} {reason.label}
                </label>
              </li>
            ))}
          </ol>
        )}
        <p id="reason-hint" className="hint">
          {reasonRequired
            ? "Press E, then the reason's number; or press the number first, then E."
            : "To give a reason, press its number before E. Press the number again to clear it."}
        </p>
        {draft.reasonId && !reasonRequired && (
          <button type="button" className="link-button small" onClick={() => onReason(null)}>
            Clear the reason
          </button>
        )}
      </fieldset>

      <div className="field note-field">
        <label htmlFor="decision-note">
          Note with your decision <kbd>N</kbd>
        </label>
        <textarea
          id="decision-note"
          ref={noteRef}
          rows={2}
          maxLength={5000}
          value={draft.note}
          onChange={(e) => onNote(e.target.value)}
          aria-describedby="note-hint"
        />
        <span id="note-hint" className="hint">
          Saved with your decision and as blind as it is. Esc leaves the note so the keys work again.
        </span>
      </div>

      {others && others.length > 0 && (
        <div className="other-decisions">
          <h4>Other reviewers</h4>
          <ul>
            {others.map((d, i) => (
              <li key={i}>
                {d.reviewer}: <VerdictBadge verdict={d.verdict} />
                {d.reasonId && <span className="muted"> {reasonLabel(reasons, d.reasonId)}</span>}
                {d.note && <span className="other-note"> “{d.note}”</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      <p className="muted small shortcut-help" id="shortcut-legend">
        Keys: <kbd>I</kbd> include, <kbd>E</kbd> exclude, <kbd>M</kbd> maybe, <kbd>1</kbd>–<kbd>9</kbd> reason,{" "}
        <kbd>N</kbd> note, <kbd>Esc</kbd> leave the note, <kbd>Z</kbd> undo; a label&apos;s key puts it on or takes it
        off.
      </p>
    </section>
  );
}
