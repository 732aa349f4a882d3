"use client";
import { useState } from "react";
import { ErrorAlert, InfoAlert, SuccessAlert } from "@/app/_components/alerts";
import { formatCount } from "@/app/_lib/format";
import type { Stage } from "@/server/shared/stages";
import { RemoveSelection } from "./remove-selection";
import type { RecordBrowser } from "./use-record-browser";

interface Props {
  browser: RecordBrowser;
  reviewId: string;
  stageLabels: Record<Stage, string>;
}

/**
 * A lead's actions on the chosen records, in a bar that stays at the foot of the screen while records are
 * selected: allocate them to a reviewer, put a team label on them or take it off, or download them.
 */
export function BulkActions({ browser, reviewId, stageLabels }: Props) {
  const { selected, options } = browser;
  const [stage, setStage] = useState<Stage>("title_abstract");
  const [reviewerId, setReviewerId] = useState("");
  const [labelId, setLabelId] = useState("");
  const labels = options.data?.labels ?? [];
  const reviewers = options.data?.reviewers ?? [];
  const count = selected.size;
  if (count === 0) return null;
  const { notice } = browser;
  return (
    <>
      <div className="bulk-spacer" />
      <section className="bulk-actions" aria-labelledby="bulk-heading">
        {notice?.kind === "success" && <SuccessAlert className="small">{notice.text}</SuccessAlert>}
        {notice?.kind === "info" && <InfoAlert className="small">{notice.text}</InfoAlert>}
        {notice?.kind === "error" && <ErrorAlert className="small">{notice.text}</ErrorAlert>}
        <h2 id="bulk-heading" className="bulk-heading">
          {formatCount(count)} selected
          <button type="button" className="link-button" onClick={browser.clearSelection}>
            Clear
          </button>
        </h2>
        <form
          className="bulk-form"
          onSubmit={(event) => {
            event.preventDefault();
            const reviewer = reviewers.find((r) => r.id === reviewerId);
            if (reviewer) void browser.allocateSelection(stage, reviewer.id, reviewer.name);
          }}
        >
          <label htmlFor="bulk-reviewer">Allocate to</label>
          <select
            id="bulk-reviewer"
            value={reviewerId}
            onChange={(event) => setReviewerId(event.target.value)}
            required
          >
            <option value="">a reviewer…</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <label htmlFor="bulk-stage">at</label>
          <select id="bulk-stage" value={stage} onChange={(event) => setStage(event.target.value as Stage)}>
            {(Object.keys(stageLabels) as Stage[]).map((s) => (
              <option key={s} value={s}>
                {stageLabels[s]}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-primary btn-small" disabled={!reviewerId || browser.allocating}>
            {browser.allocating ? "Allocating…" : "Allocate"}
          </button>
        </form>
        <RemoveSelection browser={browser} reviewId={reviewId} />
        {labels.length > 0 && (
          <form
            className="bulk-form"
            onSubmit={(event) => {
              event.preventDefault();
              const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
              if (labelId) void browser.labelSelection(labelId, submitter?.value !== "off");
            }}
          >
            <label htmlFor="bulk-label">Label</label>
            <select id="bulk-label" value={labelId} onChange={(event) => setLabelId(event.target.value)} required>
              <option value="">a label…</option>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <button
              type="submit"
              name="action"
              value="on"
              className="btn btn-primary btn-small"
              disabled={!labelId || browser.labelling}
            >
              Add label
            </button>
            <button
              type="submit"
              name="action"
              value="off"
              className="btn btn-secondary btn-small"
              disabled={!labelId || browser.labelling}
            >
              Remove label
            </button>
          </form>
        )}
        {/* A plain form post: the browser saves the file itself, however many records it holds. */}
        <form className="bulk-form" method="post" action={`/api/reviews/${reviewId}/records/export`}>
          <input type="hidden" name="ids" value={[...selected].join(",")} />
          <input type="hidden" name="stage" value={stage} />
          <span>Download, with {stageLabels[stage].toLowerCase()} decisions:</span>
          <button type="submit" name="format" value="csv" className="btn btn-secondary btn-small">
            CSV
          </button>
          <button type="submit" name="format" value="ris" className="btn btn-secondary btn-small">
            RIS
          </button>
        </form>
      </section>
    </>
  );
}
