"use client";
import { useState, type ReactNode } from "react";
import { differs, wordDiff } from "./compare-text";
import type { PairRecord } from "./pair-types";

interface Field {
  label: string;
  value: (r: PairRecord) => string;
  /** Punctuation does not count as a difference. */
  freeText?: boolean;
  /** Mark the differing words rather than the whole cell. */
  byWord?: boolean;
  show?: (r: PairRecord) => ReactNode;
}

const AUTHORS_SHOWN = 12;

function authorList(r: PairRecord): ReactNode {
  if (r.authors.length <= AUTHORS_SHOWN) return r.authors.join("; ");
  return (
    <>
      {r.authors.slice(0, AUTHORS_SHOWN).join("; ")}
      <span className="muted"> … ({r.authors.length} authors)</span>
    </>
  );
}

const FIELDS: Field[] = [
  { label: "Title", value: (r) => r.title, freeText: true, byWord: true },
  { label: "Authors", value: (r) => r.authors.join("; "), show: authorList },
  { label: "Year", value: (r) => r.year?.toString() ?? "" },
  { label: "Journal", value: (r) => r.journal ?? "", freeText: true },
  { label: "Volume", value: (r) => r.volume ?? "" },
  { label: "Issue", value: (r) => r.issue ?? "" },
  { label: "Pages", value: (r) => r.pages ?? "" },
  { label: "DOI", value: (r) => r.doi ?? "" },
  { label: "PMID", value: (r) => r.pmid ?? "" },
  { label: "NCT ids", value: (r) => r.nctIds.join(", ") },
  { label: "Type", value: (r) => r.type ?? "" },
  { label: "Source", value: (r) => r.source.name },
  { label: "File", value: (r) => r.import?.fileName ?? "" },
];

function DiffMark() {
  return (
    <span className="diff-mark" title="The two records differ here">
      <span aria-hidden="true">≠</span>
      <span className="visually-hidden"> (differs)</span>
    </span>
  );
}

/** Runs of changed words share one mark, so "Comment on:" reads as one change rather than two. */
function Words({ text, other }: { text: string; other: string }) {
  const runs: { text: string; changed: boolean }[] = [];
  for (const word of wordDiff(text, other)) {
    const last = runs.at(-1);
    if (last && last.changed === word.changed) last.text += ` ${word.text}`;
    else runs.push({ ...word });
  }
  return (
    <>
      {runs.map((run, i) => (
        <span key={i}>
          {i > 0 && " "}
          {run.changed ? <mark>{run.text}</mark> : run.text}
        </span>
      ))}
    </>
  );
}

interface CellProps {
  field: Field;
  record: PairRecord;
  other: PairRecord;
  diff: boolean;
}

function Cell({ field, record, other, diff }: CellProps) {
  const text = field.value(record);
  if (!text) return <td className="missing">—</td>;
  const content =
    diff && field.byWord ? <Words text={text} other={field.value(other)} /> : (field.show?.(record) ?? text);
  return <td>{content}</td>;
}

/** Record A and record B field by field; rows where they differ are tinted and marked ≠. */
export function PairCompare({ a, b }: { a: PairRecord; b: PairRecord }) {
  const [fullAbstracts, setFullAbstracts] = useState(false);
  const abstractDiffers = differs(a.abstract, b.abstract, true);
  const hasAbstract = Boolean(a.abstract || b.abstract);
  return (
    <table className="data pair-table">
      <caption className="visually-hidden">The two records side by side</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Field</span>
          </th>
          <th scope="col">
            Record A <span className="muted small">kept if merged</span>
          </th>
          <th scope="col">Record B</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS.map((field) => {
          const diff = differs(field.value(a), field.value(b), field.freeText);
          return (
            <tr key={field.label} className={diff ? "differs" : undefined}>
              <th scope="row">
                {field.label}
                {diff && <DiffMark />}
              </th>
              <Cell field={field} record={a} other={b} diff={diff} />
              <Cell field={field} record={b} other={a} diff={diff} />
            </tr>
          );
        })}
        <tr className={abstractDiffers ? "differs" : undefined}>
          <th scope="row">
            Abstract
            {abstractDiffers && <DiffMark />}
            {hasAbstract && (
              <button
                type="button"
                className="link-button small"
                aria-expanded={fullAbstracts}
                onClick={() => setFullAbstracts((v) => !v)}
              >
                {fullAbstracts ? "Show less" : "Show all"}
              </button>
            )}
          </th>
          {[a, b].map((r) =>
            r.abstract ? (
              <td key={r.id}>
                <div className={fullAbstracts ? "abstract" : "abstract clamped"}>{r.abstract}</div>
              </td>
            ) : (
              <td key={r.id} className="missing">
                —
              </td>
            ),
          )}
        </tr>
      </tbody>
    </table>
  );
}
