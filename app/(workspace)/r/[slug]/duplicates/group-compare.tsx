"use client";
import { type ReactNode, useState } from "react";
import { type Column, DataTable } from "@/app/_components/data-table";
import type { FillableField, PlannedFill } from "@/server/api/contract/duplicates";
import { recordTypeLabel } from "@/server/shared/record-types";
import { differs, wordDiff } from "./compare-text";
import type { GroupRecord } from "./pair-types";

interface Field {
  label: string;
  value: (r: GroupRecord) => string;
  /** The field a merge fills in the kept record when it is empty there. */
  fills?: FillableField;
  /** Punctuation does not count as a difference. */
  freeText?: boolean;
  /** Mark the words that differ from the kept record's rather than the whole row. */
  byWord?: boolean;
  show?: (r: GroupRecord) => ReactNode;
}

const AUTHORS_SHOWN = 12;

function authorList(r: GroupRecord): ReactNode {
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
  { label: "Authors", value: (r) => r.authors.join("; "), show: authorList, fills: "authors" },
  { label: "Year", value: (r) => r.year?.toString() ?? "", fills: "year" },
  { label: "Journal", value: (r) => r.journal ?? "", freeText: true, fills: "journal" },
  { label: "Volume", value: (r) => r.volume ?? "", fills: "volume" },
  { label: "Issue", value: (r) => r.issue ?? "", fills: "issue" },
  { label: "Pages", value: (r) => r.pages ?? "", fills: "pages" },
  { label: "DOI", value: (r) => r.doi ?? "", fills: "doi" },
  { label: "PMID", value: (r) => r.pmid ?? "", fills: "pmid" },
  { label: "PMCID", value: (r) => r.pmcid ?? "", fills: "pmcid" },
  { label: "NCT ids", value: (r) => r.nctIds.join(", ") },
  { label: "Keywords", value: (r) => r.keywords.join("; "), fills: "keywords" },
  // Compared as the sources wrote them; shown in words ("Journal article", not "JOUR").
  { label: "Type", value: (r) => r.type ?? "", show: (r) => recordTypeLabel(r.type), fills: "type" },
  { label: "Language", value: (r) => r.language ?? "", fills: "language" },
  { label: "URL", value: (r) => r.url ?? "", fills: "url" },
  { label: "Source", value: (r) => r.source.name },
  { label: "File", value: (r) => r.import?.fileName ?? "" },
];

function DiffMark() {
  return (
    <span className="diff-mark" title="The records differ here">
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
  values: ReactNode[];
  /** Where the kept record is empty and the merge fills it: from which record. */
  fill?: PlannedFill;
  extra?: ReactNode;
}

/** Differs when any two records' values differ, an empty field included, as in the two-record view. */
function anyDiffer(values: string[], freeText?: boolean): boolean {
  return values.some((v) => differs(v, values[0]!, freeText));
}

export const recordName = (index: number) => `Record ${index + 1}`;

/** A value the merge will write, as the table shows it; a long abstract is cut, the row's own cell has it whole. */
function fillText(value: PlannedFill["value"]): string {
  const text = Array.isArray(value) ? value.join("; ") : String(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

interface Props {
  records: GroupRecord[];
  /** The record a merge keeps; null for someone who cannot merge, who is shown no choice. */
  keptId: string | null;
  /** The record the keys act on (← →). */
  current: number;
  fills: PlannedFill[];
  /** A header's controls per record: keep, not a duplicate. */
  header: (record: GroupRecord, index: number) => ReactNode;
}

/** The group's records side by side, field by field; rows where they differ are tinted and marked ≠. */
export function GroupCompare({ records, keptId, current, fills, header }: Props) {
  const [fullAbstracts, setFullAbstracts] = useState(false);
  const kept = records.find((r) => r.id === keptId) ?? records[0]!;
  const fillOf = (field?: FillableField) => fills.find((f) => f.field === field);

  const lines: Line[] = FIELDS.map((field) => {
    const texts = records.map(field.value);
    const diff = anyDiffer(texts, field.freeText);
    const againstKept = (r: GroupRecord) =>
      field.value(r.id === kept.id ? (records.find((o) => o.id !== kept.id) ?? r) : kept);
    return {
      label: field.label,
      differs: diff,
      fill: fillOf(field.fills),
      values: records.map((r) => {
        const text = field.value(r);
        if (!text) return null;
        return diff && field.byWord ? (
          <Words key={r.id} text={text} other={againstKept(r)} />
        ) : (
          (field.show?.(r) ?? text)
        );
      }),
    };
  });
  const hasAbstract = records.some((r) => r.abstract);
  lines.push({
    label: "Abstract",
    differs: anyDiffer(
      records.map((r) => r.abstract),
      true,
    ),
    fill: fillOf("abstract"),
    values: records.map((r) =>
      r.abstract ? (
        <div key={r.id} className={fullAbstracts ? "abstract" : "abstract clamped"}>
          {r.abstract}
        </div>
      ) : null,
    ),
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
  });

  const indexOf = new Map(records.map((r, i) => [r.id, i]));
  const recordColumn = (record: GroupRecord, index: number): Column<Line> => {
    const isKept = record.id === keptId;
    return {
      key: record.id,
      header: header(record, index),
      className: (line) =>
        [
          line.values[index] === null && "missing",
          isKept && "kept",
          index === current && "current",
          isKept && line.values[index] === null && line.fill && "to-fill",
        ]
          .filter(Boolean)
          .join(" ") || undefined,
      cell: (line) => {
        const value = line.values[index];
        if (value !== null) return value;
        if (isKept && line.fill)
          return (
            <>
              <span className="fill-value">{fillText(line.fill.value)}</span>
              <span className="fill-note small">Filled from {recordName(indexOf.get(line.fill.donorId) ?? 0)}</span>
            </>
          );
        return "—";
      },
    };
  };

  return (
    <DataTable
      scroll
      className={`pair-table group-table records-${Math.min(records.length, 6)}`}
      caption="The group's records side by side"
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
        ...records.map(recordColumn),
      ]}
    />
  );
}
