import type { ReactNode } from "react";
import { recordTypeLabel } from "@/server/shared/record-types";
import { highlightSegments, type KeywordMatcher } from "./highlight";
import type { ScreeningRecord } from "./screening-types";

const AUTHORS_SHOWN = 15;
const KIND_TITLES = { include: "Inclusion keyword", exclude: "Exclusion keyword" } as const;

export function Highlighted({ text, matcher }: { text: string; matcher: KeywordMatcher | null }) {
  return (
    <>
      {highlightSegments(text, matcher).map((segment, i) =>
        segment.kind ? (
          <mark key={i} className={`kw kw-${segment.kind}`} title={KIND_TITLES[segment.kind]}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

export function authorList(authors: string[]): ReactNode {
  if (authors.length === 0) return <span className="muted">No authors listed</span>;
  if (authors.length <= AUTHORS_SHOWN) return authors.join("; ");
  return (
    <>
      {authors.slice(0, AUTHORS_SHOWN).join("; ")}
      <span className="muted"> … and {authors.length - AUTHORS_SHOWN} more</span>
    </>
  );
}

/** "Neurology 2019;92(4):e1–e10": the usual citation tail, from whatever parts the record has. */
export function citation(r: Pick<ScreeningRecord, "journal" | "year" | "volume" | "issue" | "pages">): string {
  const issue = r.volume
    ? `${r.volume}${r.issue ? `(${r.issue})` : ""}${r.pages ? `:${r.pages}` : ""}`
    : (r.pages ?? "");
  const when = [r.year?.toString(), issue].filter(Boolean).join(";");
  return [r.journal, when].filter(Boolean).join(" ");
}

function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURIComponent(doi).replace(/%2F/gi, "/")}`;
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

/** DOI, PubMed and trial-register links, opened in a new tab so the screener keeps their place. */
export function RecordLinks({ record }: { record: Pick<ScreeningRecord, "doi" | "pmid" | "nctIds"> }) {
  const links: ReactNode[] = [];
  if (record.doi) {
    links.push(
      <li key="doi">
        DOI <ExternalLink href={doiUrl(record.doi)}>{record.doi}</ExternalLink>
      </li>,
    );
  }
  if (record.pmid && /^\d+$/.test(record.pmid)) {
    links.push(
      <li key="pmid">
        PMID <ExternalLink href={`https://pubmed.ncbi.nlm.nih.gov/${record.pmid}/`}>{record.pmid}</ExternalLink>
      </li>,
    );
  }
  for (const nct of record.nctIds) {
    links.push(
      <li key={nct}>
        {/^NCT\d{8}$/i.test(nct) ? (
          <ExternalLink href={`https://clinicaltrials.gov/study/${nct.toUpperCase()}`}>{nct}</ExternalLink>
        ) : (
          nct
        )}
      </li>,
    );
  }
  if (links.length === 0) return null;
  return (
    <ul className="record-links" aria-label="Identifiers">
      {links}
    </ul>
  );
}

interface Props {
  record: ScreeningRecord;
  matcher: KeywordMatcher | null;
}

/** The record as a screener reads it: the title is the page's main heading for this record. */
export function RecordView({ record, matcher }: Props) {
  const source = citation(record);
  return (
    <>
      <h2 id="record-title" className="record-title">
        {record.title ? (
          <Highlighted text={record.title} matcher={matcher} />
        ) : (
          <span className="muted">(no title)</span>
        )}
      </h2>
      <p className="record-authors">{authorList(record.authors)}</p>
      {(source || record.type) && (
        <p className="record-source">
          {source && <cite>{source}</cite>}
          {record.type && <span className="muted"> · {recordTypeLabel(record.type)}</span>}
          {record.language &&
            record.language.toLowerCase() !== "eng" &&
            record.language.toLowerCase() !== "english" && <span className="muted"> · {record.language}</span>}
        </p>
      )}
      <RecordLinks record={record} />
      {record.keywords.length > 0 && (
        <p className="record-keywords">
          <span className="muted">Keywords: </span>
          {record.keywords.map((k, i) => (
            <span key={i}>
              {i > 0 && "; "}
              <Highlighted text={k} matcher={matcher} />
            </span>
          ))}
        </p>
      )}
      {record.abstract ? (
        <div className="record-abstract">
          <Highlighted text={record.abstract} matcher={matcher} />
        </div>
      ) : (
        <p className="muted record-abstract">This record has no abstract.</p>
      )}
      <p className="muted small">Source: {record.source.name}</p>
    </>
  );
}
