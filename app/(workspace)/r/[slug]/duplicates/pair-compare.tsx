"use client";
import { type ReactNode, useState } from "react";
import { type Column, DataTable } from "@/app/_components/data-table";
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

/** One line of the comparison: a field's value in each record, null where the record has none. */
interface Line {
  label: string;
  differs: boolean;
  values: [ReactNode, ReactNode];
  /** Beside the field's name, e.g. a button to show more. */
  extra?: ReactNode;
}

function fieldLine(field: Field, a: PairRecord, b: PairRecord): Line {
  const diff = differs(field.value(a), field.value(b), field.freeText);
  const value = (record: PairRecord, other: PairRecord) => {
    const text = field.value(record);
    if (!text) return null;
    return diff && field.byWord ? <Words text={text} other={field.value(other)} /> : (field.show?.(record) ?? text);
  };
  return { label: field.label, differs: diff, values: [value(a, b), value(b, a)] };
}

function recordColumn(index: 0 | 1, header: ReactNode): Column<Line> {
  return {
    key: index === 0 ? "a" : "b",
    header,
    className: (line) => (line.values[index] === null ? "missing" : undefined),
    cell: (line) => line.values[index] ?? "—",
  };
}

/** Record A and record B field by field; rows where they differ are tinted and marked ≠. */
export function PairCompare({ a, b }: { a: PairRecord; b: PairRecord }) {
  const [fullAbstracts, setFullAbstracts] = useState(false);
  const hasAbstract = Boolean(a.abstract || b.abstract);
  const abstract = (r: PairRecord) =>
    r.abstract ? <div className={fullAbstracts ? "abstract" : "abstract clamped"}>{r.abstract}</div> : null;
  const lines: Line[] = [
    ...FIELDS.map((field) => fieldLine(field, a, b)),
    {
      label: "Abstract",
      differs: differs(a.abstract, b.abstract, true),
      values: [abstract(a), abstract(b)],
      extra: hasAbstract && (
        <button
          type="button"
          className="link-button small"
          aria-expanded={fullAbstracts}
          onClick={() => setFullAbstracts((v) => !v)}
        >
          {fullAbstracts ? "Show less" : "Show all"}
        </button>
      ),
    },
  ];
  return (
    <DataTable
      className="pair-table"
      caption="The two records side by side"
      captionClassName="visually-hidden"
      rows={lines}
      rowKey={(line) => line.label}
      rowClassName={(line) => (line.differs ? "differs" : undefined)}
      columns={[
        {
          key: "field",
          header: "Field",
          hideHeader: true,
          rowHeader: true,
          cell: (line) => (
            <>
              {line.label}
              {line.differs && <DiffMark />}
              {line.extra}
            </>
          ),
        },
        recordColumn(
          0,
          <>
            Record A <span className="muted small">kept if merged</span>
          </>,
        ),
        recordColumn(1, "Record B"),
      ]}
    />
  );
}
