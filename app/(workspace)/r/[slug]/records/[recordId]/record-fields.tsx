import { formatDateTime } from "@/app/_lib/format";
import { recordTypeLabel } from "@/server/shared/record-types";
import type { RecordPageData } from "../records-types";

/** "Journal article (JOUR)": the words, and the code as the source file gave it when it differs. */
function typeInWords(type: string | null): string | null {
  const label = recordTypeLabel(type);
  return label && type && label !== type.trim() ? `${label} (${type.trim()})` : label;
}

type Field = [label: string, value: string | number | null | undefined];

function FactList({ fields }: { fields: Field[] }) {
  return (
    <dl className="facts record-facts">
      {fields.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === "" ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every field Sift read from the record, and where it came from. */
export function RecordFields({ page }: { page: Pick<RecordPageData, "record" | "source" | "import"> }) {
  const r = page.record;
  return (
    <section className="card" aria-labelledby="fields-heading">
      <h2 id="fields-heading">All fields</h2>
      <FactList
        fields={[
          ["Title", r.title],
          ["Authors", r.authors.join("; ")],
          ["Year", r.year],
          ["Journal", r.journal],
          ["Volume", r.volume],
          ["Issue", r.issue],
          ["Pages", r.pages],
          ["DOI", r.doi],
          ["PMID", r.pmid],
          ["PMCID", r.pmcid],
          ["Trial registration", r.nctIds.join(", ")],
          ["Keywords", r.keywords.join("; ")],
          ["Type", typeInWords(r.type)],
          ["Language", r.language],
          ["URL", r.url],
          ["Source", `${page.source.name} (${page.source.kind.replace("_", " ")})`],
          [
            "Import",
            page.import ? `${page.import.fileName}, ${formatDateTime(new Date(page.import.createdAt))}` : null,
          ],
          ["Sift id", r.id],
        ]}
      />
    </section>
  );
}

function rawValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(rawValue).join("\n");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value === null || value === undefined ? "" : String(value);
}

/** The fields exactly as the imported file had them, under its own names. */
export function RawFields({ raw }: { raw: Record<string, unknown> }) {
  const entries = Object.entries(raw ?? {});
  return (
    <section className="card" aria-labelledby="raw-heading">
      <details>
        <summary>
          <h2 id="raw-heading" className="inline-heading">
            Fields as imported ({entries.length})
          </h2>
        </summary>
        {entries.length === 0 ? (
          <p className="muted">The import kept no raw fields for this record.</p>
        ) : (
          <dl className="facts record-facts raw-facts">
            {entries.map(([key, value]) => (
              <div key={key} className="fact">
                <dt>
                  <code>{key}</code>
                </dt>
                <dd className="pre-wrap">{rawValue(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </details>
    </section>
  );
}
