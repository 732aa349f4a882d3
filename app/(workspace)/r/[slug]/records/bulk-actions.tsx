"use client";
import Link from "next/link";
import { useState } from "react";
import { ErrorAlert, InfoAlert, SuccessAlert } from "@/app/_components/alerts";
import { formatCount } from "@/app/_lib/format";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import { MAX_ROUND_RECORDS } from "@/server/api/contract/calibration";
import type { SelectionFormat } from "@/server/api/contract/export";
import type { Stage } from "@/server/shared/stages";
import { SHORT_FORMAT } from "../export/export-labels";
import { ExportStatus } from "../export/export-list";
import { RemoveSelection } from "./remove-selection";
import type { RecordBrowser } from "./use-record-browser";

interface Props {
  browser: RecordBrowser;
  reviewId: string;
  slug: string;
  canLead: boolean;
  stageLabels: Record<Stage, string>;
}

function StageChoices({ stageLabels }: { stageLabels: Record<Stage, string> }) {
  return (Object.keys(stageLabels) as Stage[]).map((s) => (
    <option key={s} value={s}>
      {stageLabels[s]}
    </option>
  ));
}

/**
 * The actions on the chosen records, in a bar that stays at the foot of the screen while records are selected or
 * their export is being made: export them (anyone), allocate them to a reviewer, put a team label on them or
 * take it off, or open a calibration round on the few ticked (leads).
 */
export function BulkActions({ browser, reviewId, slug, canLead, stageLabels }: Props) {
  const { options, exported } = browser;
  const [stage, setStage] = useState<Stage>("title_abstract");
  const [exportStage, setExportStage] = useState<Stage>("title_abstract");
  const [reviewerId, setReviewerId] = useState("");
  const [labelId, setLabelId] = useState("");
  const labels = options.data?.labels ?? [];
  const reviewers = options.data?.reviewers ?? [];
  const count = browser.selectedCount;
  // An archived review's records can still be downloaded, not allocated or labelled.
  const mayEdit = useMayChange("lead");
  if (count === 0 && !exported) return null;
  const { notice } = browser;
  return (
    <>
      <div className="bulk-spacer" />
      <section className="bulk-actions" aria-labelledby="bulk-heading">
        {notice?.kind === "success" && <SuccessAlert className="small">{notice.text}</SuccessAlert>}
        {notice?.kind === "info" && <InfoAlert className="small">{notice.text}</InfoAlert>}
        {notice?.kind === "error" && <ErrorAlert className="small">{notice.text}</ErrorAlert>}
        <h2 id="bulk-heading" className="bulk-heading">
          {count === 0 ? "Your export" : `${formatCount(count)} selected`}
          {count > 0 && (
            <button type="button" className="link-button" onClick={browser.clearSelection}>
              Clear
            </button>
          )}
        </h2>
        {exported && (
          // Announced as it goes: the file is offered here once the job has made it.
          <div className="bulk-export" aria-live="polite">
            <span>
              {SHORT_FORMAT[exported.format as SelectionFormat]}
              {exported.stage && `, with ${stageLabels[exported.stage].toLowerCase()} decisions`}:
            </span>
            <ExportStatus e={exported} reviewId={reviewId} />
            <Link href={`/r/${slug}/export`} className="small">
              All your exports
            </Link>
          </div>
        )}
        {count > 0 && (
          // The file is made in the background, however many records there are, and offered here when done.
          <form
            className="bulk-form"
            onSubmit={(event) => {
              event.preventDefault();
              const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
              void browser.exportSelection(submitter?.value === "ris" ? "ris" : "csv", exportStage);
            }}
          >
            <label htmlFor="bulk-export-stage">Export, with decisions at</label>
            <select
              id="bulk-export-stage"
              value={exportStage}
              onChange={(event) => setExportStage(event.target.value as Stage)}
            >
              <StageChoices stageLabels={stageLabels} />
            </select>
            <button
              type="submit"
              name="format"
              value="csv"
              className="btn btn-secondary btn-small"
              disabled={browser.exporting}
            >
              CSV
            </button>
            <button
              type="submit"
              name="format"
              value="ris"
              className="btn btn-secondary btn-small"
              disabled={browser.exporting}
            >
              RIS
            </button>
          </form>
        )}
        {canLead && mayEdit && count > 0 && (
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
              <StageChoices stageLabels={stageLabels} />
            </select>
            <button type="submit" className="btn btn-primary btn-small" disabled={!reviewerId || browser.allocating}>
              {browser.allocating ? "Allocating…" : "Allocate"}
            </button>
          </form>
        )}
        {canLead && mayEdit && count > 0 && <RemoveSelection browser={browser} reviewId={reviewId} />}
        {canLead && mayEdit && !browser.allMatching && count >= 2 && count <= MAX_ROUND_RECORDS && (
          <Link
            className="btn btn-secondary btn-small"
            href={`/r/${slug}/screening/calibration?records=${browser.chosen().recordIds?.join(",") ?? ""}`}
          >
            Open a calibration round on these
          </Link>
        )}
        {canLead && mayEdit && count > 0 && labels.length > 0 && (
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
      </section>
    </>
  );
}
