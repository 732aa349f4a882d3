"use client";
import { useEffect, useEffectEvent } from "react";
import { RecordLabels } from "../_labels/record-labels";
import { useRecordLabels } from "../_labels/use-record-labels";
import { TeamNotes } from "../_team-notes/team-notes";
import { isTyping } from "./use-decision-draft";

interface Props {
  reviewId: string;
  slug: string;
  recordId: string;
  canLead: boolean;
}

/**
 * Beside the decision, what the whole team shares about the record on screen: its labels, each put on or taken
 * off with the label's key, and the team's notes. None of it is part of the reviewer's blinded decision.
 */
export function TeamPanel({ reviewId, slug, recordId, canLead }: Props) {
  const labels = useRecordLabels(reviewId, recordId);

  // A label's key toggles it; the keys never clash with the decision's (the server refuses such shortcuts).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (isTyping(event.target)) return;
    const key = event.key.toUpperCase();
    const label = labels.labels.find((l) => l.shortcut === key);
    if (!label || !labels.loaded) return;
    event.preventDefault();
    void labels.toggle(label.id);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <section className="team-panel" aria-labelledby="team-panel-heading">
      <h3 id="team-panel-heading" className="panel-heading">
        Shared with the team
      </h3>
      <h4 id="screening-labels-heading">Labels</h4>
      <RecordLabels
        state={labels}
        canEdit
        showKeys
        slug={slug}
        canLead={canLead}
        headingId="screening-labels-heading"
      />
      <h4>Team notes</h4>
      <TeamNotes reviewId={reviewId} recordId={recordId} canWrite />
    </section>
  );
}
