import { reportFileUrl } from "./report-types";

/** Where a report's full text can be read, for screens that show the report without embedding it. */
export function FullTextLinks({ report }: { report: { id: string; fileName: string | null; url: string | null } }) {
  if (!report.fileName && !report.url) return null;
  return (
    <p className="small full-text-links">
      Full text:{" "}
      {report.fileName && (
        <a href={reportFileUrl(report.id)} target="_blank" rel="noreferrer">
          {report.fileName}
          <span className="visually-hidden"> (PDF, opens in a new tab)</span>
        </a>
      )}
      {report.fileName && report.url && " · "}
      {report.url && (
        <a href={report.url} target="_blank" rel="noreferrer">
          link
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      )}
    </p>
  );
}
