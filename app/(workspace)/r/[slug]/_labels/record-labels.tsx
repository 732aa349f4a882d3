"use client";
import Link from "next/link";
import { LabelChip } from "./label-chip";
import type { RecordLabelsState } from "./use-record-labels";

interface Props {
  state: RecordLabelsState;
  /** Whoever screens puts labels on and takes them off; observers read them. */
  canEdit: boolean;
  /** Show each label's key (the screening screen, where the keys work). */
  showKeys?: boolean;
  slug: string;
  canLead: boolean;
  headingId: string;
}

/**
 * A record's team labels: for whoever screens, every label of the review as a button that is pressed while the
 * label is on the record; for an observer, the labels it has. Each change is announced.
 */
export function RecordLabels({ state, canEdit, showKeys = false, slug, canLead, headingId }: Props) {
  const { labels, onRecord, applied, loaded, message } = state;
  if (!loaded) return <p className="muted small">Loading labels…</p>;
  return (
    <div className="record-labels">
      {!canEdit ? (
        onRecord.length === 0 ? (
          <p className="muted small">No labels on this record.</p>
        ) : (
          <ul className="label-list" aria-labelledby={headingId}>
            {onRecord.map((l) => (
              <li key={l.id}>
                <LabelChip name={l.name} colour={l.colour} />
              </li>
            ))}
          </ul>
        )
      ) : labels.length === 0 ? (
        <p className="muted small">
          The review has no labels yet.{" "}
          {canLead ? (
            <Link href={`/r/${slug}/settings#labels`}>Add labels in Settings</Link>
          ) : (
            "A lead can add them in Settings."
          )}
        </p>
      ) : (
        <ul className="label-list" aria-labelledby={headingId}>
          {labels.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                className={`label-chip label-toggle label-${l.colour}`}
                aria-pressed={applied.has(l.id)}
                aria-keyshortcuts={showKeys && l.shortcut ? l.shortcut : undefined}
                onClick={() => void state.toggle(l.id)}
              >
                <span className="label-check" aria-hidden="true">
                  {applied.has(l.id) ? "✓" : "+"}
                </span>
                {l.name}
                {showKeys && l.shortcut && <kbd>{l.shortcut}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className={message?.error ? "small label-message error-text" : "visually-hidden"} role="status">
        {message?.text}
      </p>
    </div>
  );
}
