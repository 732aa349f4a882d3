"use client";
import { useState } from "react";

export interface PaneReport {
  id: string;
  title: string;
  authors: string[];
  year: number | null;
  nctIds: string[];
  hasFile: boolean;
  url: string | null;
  abstract: string;
}

/** The study's reports beside the form: the full text when a file was retrieved, else its link and abstract. */
export function ReportPane({ reports }: { reports: PaneReport[] }) {
  const [currentId, setCurrentId] = useState(reports.find((r) => r.hasFile)?.id ?? reports[0]?.id);
  const report = reports.find((r) => r.id === currentId);
  return (
    <aside className="card report-pane" aria-label="Report">
      {reports.length > 1 && (
        <div className="field">
          <label htmlFor="report-pick">Report</label>
          <select id="report-pick" value={currentId} onChange={(e) => setCurrentId(e.target.value)}>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {[r.authors[0], r.year].filter(Boolean).join(" ") || r.nctIds[0] || "Report"} — {r.title.slice(0, 70)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!report ? (
        <p className="muted">This study has no reports.</p>
      ) : (
        <>
          <h2 className="record-title">{report.title}</h2>
          <p className="small muted">
            {[
              report.authors.slice(0, 3).join(", ") + (report.authors.length > 3 ? " et al." : ""),
              report.year,
              report.nctIds.join(", "),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {report.hasFile ? (
            <iframe src={`/api/reports/${report.id}/file`} title={`Full text of ${report.title}`} />
          ) : (
            <>
              <p className="small">
                No full-text file is stored for this report.{" "}
                {report.url && (
                  <a href={report.url} target="_blank" rel="noreferrer noopener">
                    Open its page ↗
                  </a>
                )}
              </p>
              {report.abstract ? (
                <p className="record-abstract">{report.abstract}</p>
              ) : (
                <p className="muted">No abstract.</p>
              )}
            </>
          )}
        </>
      )}
    </aside>
  );
}
