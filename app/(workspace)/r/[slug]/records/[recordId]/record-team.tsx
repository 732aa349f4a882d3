"use client";
import { RecordLabels } from "../../_labels/record-labels";
import { useRecordLabels } from "../../_labels/use-record-labels";
import { TeamNotes } from "../../_team-notes/team-notes";

interface Props {
  reviewId: string;
  slug: string;
  recordId: string;
  canScreen: boolean;
  canLead: boolean;
}

/** The record's team labels and notes, which the whole team sees; whoever screens changes them here too. */
export function RecordTeam({ reviewId, slug, recordId, canScreen, canLead }: Props) {
  const labels = useRecordLabels(reviewId, recordId);
  return (
    <section className="card record-team" aria-labelledby="record-team-heading">
      <h2 id="record-team-heading">Labels and team notes</h2>
      <h3 id="record-labels-heading">Labels</h3>
      <RecordLabels
        state={labels}
        canEdit={canScreen}
        slug={slug}
        canLead={canLead}
        headingId="record-labels-heading"
      />
      <h3>Team notes</h3>
      <TeamNotes reviewId={reviewId} recordId={recordId} canWrite={canScreen} />
    </section>
  );
}
