"use client";
import { useState } from "react";

export interface StudyReport {
  id: string;
  hasFile: boolean;
  fileName: string | null;
  url: string | null;
  record: {
    title: string;
    abstract: string;
    authors: string[];
    year: number | null;
    journal: string | null;
    doi: string | null;
    nctIds: string[];
  };
}

/** The study's reports beside the form: the full text when one was uploaded, else its link and abstract. */
export function ReportPane({ reports }: { reports: StudyReport[] }) {
  const [index, setIndex] = useState(0);
  const report = reports[index];
  if (!report) {
    return (
      <p className="report-missing muted" role="note">
        No report is linked to this study yet, so there is nothing to read beside the form. Reports join a study on the
        Studies page.
      </p>
    );
  }
  const { record } = report;
  return (
    <aside className="report-pane card" aria-label="Report">
      {reports.length > 1 && (
        <div className="field">
          <label htmlFor="report-choice">Report</label>
          <select id="report-choice" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {reports.map((r, i) => (
              <option key={r.id} value={i}>
                {r.record.title || r.fileName || `Report ${i + 1}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {report.hasFile ? (
        <iframe className="report-file" title={`Full text: ${record.title}`} src={`/api/reports/${report.id}/file`} />
      ) : (
        <div className="report-text">
          <h2>{record.title || "Untitled report"}</h2>
          <p className="muted small">
            {[
              record.authors.slice(0, 3).join(", ") + (record.authors.length > 3 ? " et al." : ""),
              record.journal,
              record.year,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p className="small">
            {record.doi && (
              <a href={`https://doi.org/${record.doi}`} target="_blank" rel="noreferrer">
                doi:{record.doi}
              </a>
            )}{" "}
            {record.nctIds.map((id) => (
              <a key={id} href={`https://clinicaltrials.gov/study/${id}`} target="_blank" rel="noreferrer">
                {id}{" "}
              </a>
            ))}
            {report.url && (
              <a href={report.url} target="_blank" rel="noreferrer">
                Full text link
              </a>
            )}
          </p>
          {record.abstract ? (
            <p className="abstract">{record.abstract}</p>
          ) : (
            <p className="muted">No abstract; no full text uploaded.</p>
          )}
        </div>
      )}
    </aside>
  );
}
