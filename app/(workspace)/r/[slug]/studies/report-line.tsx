import type { ReportView } from "./study-types";

/** One report in a list: title, first author and year, its registration numbers. */
export function ReportLine({ report }: { report: ReportView }) {
  const author = report.authors[0];
  return (
    <span className="report-line">
      <span className="report-title">{report.title || "Untitled"}</span>
      <span className="muted small">
        {[author && (report.authors.length > 1 ? `${author} et al.` : author), report.year, report.journal]
          .filter(Boolean)
          .join(" · ")}
        {report.nctIds.length > 0 && <> · {report.nctIds.join(", ")}</>}
        {report.hasFile && " · PDF"}
      </span>
    </span>
  );
}
