"use client";
import { useEffect, useRef } from "react";
import { Alert, ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { plural } from "@/app/_lib/format";
import { ReportLine } from "./report-line";
import { StudyCard } from "./study-card";
import { SuggestionsPanel } from "./suggestions-panel";
import { useStudyGrouping } from "./use-study-grouping";

interface Props {
  reviewId: string;
  slug: string;
  canEdit: boolean;
  canLead: boolean;
}

export function StudiesScreen({ reviewId, slug, canEdit: mayEdit, canLead }: Props) {
  const grouping = useStudyGrouping(reviewId, mayEdit);
  const { overview, canEdit, actions, ungroupedPicked, studiesPicked, reportsPicked } = grouping;
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (actions.message) messageRef.current?.focus();
  }, [actions.message]);

  if (overview.isPending) return <p className="muted">Loading studies…</p>;
  if (overview.isError) return <ErrorAlert>{overview.error.message}</ErrorAlert>;
  const { studies, ungrouped, suggestions, mayGroup } = overview.data;

  return (
    <div className="stack">
      {actions.message && (
        <Alert kind={actions.message.kind} ref={messageRef} tabIndex={-1}>
          {actions.message.text}
        </Alert>
      )}
      {canEdit && (
        <p className="shortcut-help small muted">
          Keyboard: tick with <kbd>Space</kbd>, then <kbd>g</kbd> groups ticked ungrouped reports, <kbd>m</kbd> merges
          ticked studies, <kbd>s</kbd> splits ticked reports into a new study.
        </p>
      )}
      {!mayGroup && (
        <InfoAlert>
          Full-text screening is blinded, so the review&rsquo;s leads group the included reports into studies; the
          studies they make appear here.
        </InfoAlert>
      )}
      {mayGroup && studies.length === 0 && ungrouped.length === 0 && (
        <EmptyState card>
          <strong>No reports to group yet.</strong> Reports appear here once their records are included at full-text
          screening.
        </EmptyState>
      )}
      <SuggestionsPanel
        reviewId={reviewId}
        suggestions={suggestions}
        studies={studies}
        actions={actions}
        canEdit={canEdit}
      />
      {ungrouped.length > 0 && (
        <section className="card" aria-labelledby="ungrouped-heading">
          <h2 id="ungrouped-heading">Reports not in a study ({ungrouped.length})</h2>
          <ul className="plain-list pick-list">
            {ungrouped.map((r) => (
              <li key={r.id}>
                <label className="pick">
                  {canEdit && (
                    <input
                      type="checkbox"
                      checked={ungroupedPicked.has(r.id)}
                      onChange={() => grouping.toggleUngrouped(r.id)}
                    />
                  )}
                  <ReportLine report={r} />
                </label>
              </li>
            ))}
          </ul>
          {canEdit && (
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={ungroupedPicked.size === 0}
                onClick={grouping.groupPicked}
              >
                {ungroupedPicked.size === 0
                  ? "Make one study of the ticked reports"
                  : `Make one study of ${plural(ungroupedPicked.size, "ticked report")}`}
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={ungroupedPicked.size === 0}
                onClick={grouping.eachOwnStudy}
              >
                Each ticked report is its own study
              </button>
            </div>
          )}
        </section>
      )}
      {studies.length > 0 && (
        <section aria-labelledby="studies-heading">
          <div className="panel-heading">
            <h2 id="studies-heading">Studies ({studies.length})</h2>
            {canEdit && (
              <div className="row-actions">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={studiesPicked.size < 2}
                  onClick={grouping.mergePicked}
                >
                  Merge ticked studies
                </button>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={reportsPicked.size === 0}
                  onClick={grouping.splitPicked}
                >
                  Split ticked reports off
                </button>
              </div>
            )}
          </div>
          <div className="stack">
            {studies.map((study) => (
              <StudyCard
                key={study.id}
                reviewId={reviewId}
                slug={slug}
                study={study}
                studies={studies}
                actions={actions}
                canEdit={canEdit}
                canLead={canLead}
                picked={studiesPicked.has(study.id)}
                onPick={() => grouping.toggleStudy(study.id)}
                reportsPicked={reportsPicked}
                onPickReport={grouping.toggleReport}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
