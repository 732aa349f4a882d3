import { InfoAlert } from "@/app/_components/alerts";
import { reportFileUrl } from "@/app/(workspace)/r/[slug]/full-text/report-types";
import { authorList, citation, RecordLinks } from "@/app/(workspace)/r/[slug]/screening/record-view";
import type { ScreeningRecord } from "@/app/(workspace)/r/[slug]/screening/screening-types";

/** The report's PDF in the browser's own viewer, or its link when only a link was given. */
export function FullTextDocument({ record }: { record: ScreeningRecord }) {
  const report = record.report;
  const source = citation(record);
  return (
    <>
      <h2 id="record-title" className="record-title">
        {record.title || <span className="muted">(no title)</span>}
      </h2>
      <p className="record-authors">{authorList(record.authors)}</p>
      {source && (
        <p className="record-source">
          <cite>{source}</cite>
        </p>
      )}
      <RecordLinks record={record} />
      {report?.fileName ? (
        <>
          <iframe
            key={report.id}
            className="full-text-frame"
            src={reportFileUrl(report.id)}
            title={`Full text: ${report.fileName}`}
          />
          <p className="small muted full-text-hint">
            {report.fileName} ·{" "}
            <a href={reportFileUrl(report.id)} target="_blank" rel="noreferrer">
              Open in a new tab
            </a>
            {report.url && (
              <>
                {" · "}
                <a href={report.url} target="_blank" rel="noreferrer">
                  Publisher&apos;s link
                </a>
              </>
            )}
            . After reading, click outside the PDF so the decision keys work.
          </p>
        </>
      ) : report?.url ? (
        <InfoAlert className="full-text-link">
          <p>This report&apos;s full text is a link; read it in a new tab, then decide here.</p>
          <p>
            <a href={report.url} target="_blank" rel="noreferrer" className="btn btn-secondary">
              Open the full text<span className="visually-hidden"> (opens in a new tab)</span>
            </a>{" "}
            <span className="muted small">{report.url}</span>
          </p>
        </InfoAlert>
      ) : (
        <p className="muted">This report has no full text attached.</p>
      )}
      {record.abstract && (
        <details className="conflict-abstract">
          <summary>Abstract</summary>
          <div className="record-abstract">{record.abstract}</div>
        </details>
      )}
    </>
  );
}
