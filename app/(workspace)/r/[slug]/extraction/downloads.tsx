const LINKS = [
  { format: "xlsx", layout: "wide", label: "XLSX (studies and repeating groups)" },
  { format: "csv", layout: "wide", label: "CSV, one row per study" },
  { format: "csv", layout: "long", label: "CSV, repeating groups (long)" },
] as const;

/** Plain links: the browser downloads the file the route handler streams back. */
export function Downloads({ reviewId, formId, canLead }: { reviewId: string; formId: string; canLead: boolean }) {
  const href = (format: string, layout: string, values: string) =>
    `/api/reviews/${reviewId}/extraction/export?${new URLSearchParams({ form: formId, format, layout, values })}`;
  return (
    <section className="card" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Download</h2>
      <p className="muted">Consensus values, one row per study. Spreadsheet formulas in the data are neutralised.</p>
      <ul className="download-links">
        {LINKS.map((l) => (
          <li key={`${l.format}-${l.layout}`}>
            <a href={href(l.format, l.layout, "consensus")} download>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      {canLead && (
        <>
          <p className="muted">Each extractor&apos;s own values (leads only), one row per study and extractor:</p>
          <ul className="download-links">
            {LINKS.map((l) => (
              <li key={`${l.format}-${l.layout}`}>
                <a href={href(l.format, l.layout, "extractors")} download>
                  {l.label}, per extractor
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
