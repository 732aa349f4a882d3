"use client";
import { ErrorAlert } from "@/app/_components/alerts";
import { formatBytes } from "@/app/_lib/format";
import { RecordLinks } from "@/app/(workspace)/r/[slug]/screening/record-view";
import { PdfDrop } from "./pdf-drop";
import { OUTCOME_LABELS, RETRIEVAL_LABELS, type ReportRow, reportFileUrl } from "./report-types";
import { useReportRetrieval } from "./use-report-retrieval";

interface Props {
  reviewId: string;
  report: ReportRow;
  canEdit: boolean;
  maxBytes: number;
}

/** One report: what is known of its full text, and the ways to get it. */
export function ReportCard({ reviewId, report, canEdit, maxBytes }: Props) {
  const { form, setForm, error, refresh, ...retrieval } = useReportRetrieval(reviewId, report.id);
  const titleId = `report-${report.id}`;
  const { record } = report;

  return (
    <li className="report-card">
      <article aria-labelledby={titleId}>
        <div className="report-head">
          <h3 id={titleId} className="report-card-title">
            {record.title || <span className="muted">(no title)</span>}
          </h3>
          <span className={`badge retrieval-${report.retrievalStatus}`}>
            {RETRIEVAL_LABELS[report.retrievalStatus]}
          </span>
          {report.fullTextOutcome && report.retrievalStatus === "retrieved" && (
            <span className={`badge outcome-${report.fullTextOutcome}`}>
              {OUTCOME_LABELS[report.fullTextOutcome]}
              {report.fullTextReason && `: ${report.fullTextReason}`}
            </span>
          )}
        </div>
        <p className="small muted report-citation">
          {[
            record.authors.join("; ") + (record.moreAuthors > 0 ? ` and ${record.moreAuthors} more` : ""),
            record.journal,
            record.year,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <RecordLinks record={{ doi: record.doi, pmid: record.pmid, nctIds: [] }} />
        <ul className="report-full-text small">
          {report.fileName && (
            <li>
              PDF:{" "}
              <a href={reportFileUrl(report.id)} target="_blank" rel="noreferrer">
                {report.fileName}
              </a>
              {report.byteSize !== null && <span className="muted"> ({formatBytes(report.byteSize)})</span>}
            </li>
          )}
          {report.url && (
            <li>
              Link:{" "}
              <a href={report.url} target="_blank" rel="noreferrer" className="report-url">
                {report.url}
              </a>
            </li>
          )}
          {report.retrievalStatus === "not_retrieved" && (
            <li>
              Not retrieved
              {report.retrievalNote ? (
                <>
                  : <q>{report.retrievalNote}</q>
                </>
              ) : (
                "."
              )}
            </li>
          )}
        </ul>
        <ErrorAlert>{error}</ErrorAlert>
        {canEdit && report.retrievalStatus !== "not_retrieved" && (
          <PdfDrop
            reviewId={reviewId}
            reportId={report.id}
            replacing={Boolean(report.fileName)}
            maxBytes={maxBytes}
            onUploaded={refresh}
          />
        )}
        {canEdit && form === "link" && (
          <form
            className="report-form"
            onSubmit={(e) => {
              e.preventDefault();
              const url = String(new FormData(e.currentTarget).get("url") ?? "");
              retrieval.saveLink(url);
            }}
          >
            <label htmlFor={`url-${report.id}`}>Address of the full text</label>
            <input
              id={`url-${report.id}`}
              name="url"
              type="url"
              required
              maxLength={2000}
              defaultValue={report.url ?? ""}
              autoFocus
              placeholder="https://"
            />
            <button type="submit" className="btn btn-primary btn-small" disabled={retrieval.savingLink}>
              Save link
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setForm("none")}>
              Cancel
            </button>
          </form>
        )}
        {canEdit && form === "not-retrieved" && (
          <form
            className="report-form"
            onSubmit={(e) => {
              e.preventDefault();
              const note = String(new FormData(e.currentTarget).get("note") ?? "");
              retrieval.markNotRetrieved(note);
            }}
          >
            <label htmlFor={`note-${report.id}`}>
              Why <span className="muted">(optional)</span>
            </label>
            <input
              id={`note-${report.id}`}
              name="note"
              type="text"
              maxLength={2000}
              autoFocus
              placeholder="e.g. requested from the authors, no answer"
            />
            <button type="submit" className="btn btn-primary btn-small" disabled={retrieval.markingNotRetrieved}>
              Mark not retrieved
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setForm("none")}>
              Cancel
            </button>
          </form>
        )}
        {canEdit && form === "none" && (
          <div className="report-actions">
            {report.retrievalStatus !== "not_retrieved" && (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setForm("link")}>
                {report.url ? "Change link" : "Add a link"}
              </button>
            )}
            {report.retrievalStatus === "sought" && (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setForm("not-retrieved")}>
                Not retrieved…
              </button>
            )}
            {report.retrievalStatus !== "sought" && !report.screeningStarted && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={retrieval.undoing}
                onClick={retrieval.undo}
              >
                {report.retrievalStatus === "retrieved" ? "Remove full text" : "Undo: seek it again"}
              </button>
            )}
          </div>
        )}
      </article>
    </li>
  );
}
