"use client";
import { DataTable } from "@/app/_components/data-table";
import { formatFieldValue } from "@/server/api/contract/extraction";
import { entryKey, toEntry } from "./entry-values";
import { type Choice, FieldInput } from "./field-input";
import { consensusKey, type ExtractionConsensus } from "./use-extraction-consensus";

type Comparison = NonNullable<ExtractionConsensus["comparison"]["data"]>;
type Row = Comparison["rows"][number];

interface Props {
  section: Comparison["definition"]["sections"][number];
  rows: Row[];
  extractors: Comparison["extractors"];
  consensus: ExtractionConsensus;
  /** False in an archived review: the values and the recorded consensus are shown, not offered for change. */
  writable: boolean;
}

/** One section of the form: each extractor's value and the consensus, field by field; differing rows are marked. */
export function ConsensusSection({ section, rows, extractors, consensus, writable }: Props) {
  const { fields, entries, setEntry } = consensus;
  const fieldOf = (row: Row) => fields.get(row.fieldId)!;
  const all = consensus.comparison.data;
  // Arms are named by the matched item (the comparison gives every extractor's arm reference as the key the
  // consensus keeps); outcomes by the review's list.
  const choices = (field: ReturnType<typeof fieldOf>): Choice[] | undefined => {
    if (field.type === "outcome_ref")
      return Object.entries(all?.outcomes ?? {}).map(([value, label]) => ({ value, label }));
    if (field.type !== "arm_ref") return undefined;
    const arms = new Map<string, string>();
    for (const r of all?.rows ?? [])
      if (r.sectionId === field.armSectionId && r.itemKey !== "") arms.set(consensusKey(r), r.itemLabel);
    return [...arms].map(([value, label]) => ({ value, label }));
  };
  const shown = (field: ReturnType<typeof fieldOf>, value: unknown) =>
    choices(field)?.find((c) => c.value === value)?.label ?? formatFieldValue(field, value);
  return (
    <section className="card" aria-labelledby={`cmp-${section.id}`}>
      <h2 id={`cmp-${section.id}`}>{section.title}</h2>
      <DataTable
        stickyHeadings
        label={`${section.title} table`}
        className="compare-table"
        rows={rows}
        rowKey={(row) => `${row.fieldId}-${row.itemKey}`}
        rowClassName={(row) => (row.agree ? undefined : "differs")}
        groupHeading={(row, index) =>
          row.itemKey !== "" &&
          rows[index - 1]?.itemKey !== row.itemKey && (
            <>
              {section.repeat?.itemLabel}: {row.itemLabel}
              {row.instanceKeys.some((k) => k === "") && (
                <span className="muted"> — not entered by every extractor</span>
              )}
            </>
          )
        }
        columns={[
          {
            key: "field",
            header: "Field",
            rowHeader: true,
            cell: (row) => (
              <>
                <span className="visually-hidden">{row.itemLabel ? `${row.itemLabel}: ` : ""}</span>
                {fieldOf(row).label}
                {!row.agree && <span className="visually-hidden"> (differs)</span>}
              </>
            ),
          },
          ...extractors.map((extractor, i) => ({
            key: extractor.id,
            header: extractor.name,
            cell: (row: Row) => {
              const field = fieldOf(row);
              const value = row.values[i] ?? null;
              const label = row.itemLabel ? `${field.label} · ${row.itemLabel}` : field.label;
              return (
                <>
                  <span className="compare-value">{shown(field, value) || <span className="muted">—</span>}</span>
                  {writable && !row.agree && value !== null && (
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      aria-label={`Use ${extractor.name}'s value for ${label}`}
                      onClick={() => setEntry(entryKey(row.fieldId, consensusKey(row)), toEntry(field, value))}
                    >
                      Use
                    </button>
                  )}
                </>
              );
            },
          })),
          {
            key: "consensus",
            header: "Consensus",
            cell: (row) => {
              const key = entryKey(row.fieldId, consensusKey(row));
              return (
                <FieldInput
                  field={fieldOf(row)}
                  inputId={`c-${row.fieldId}-${row.itemKey}`}
                  entry={entries[key]}
                  compact
                  disabled={!writable}
                  onChange={(e) => setEntry(key, e)}
                  choices={choices(fieldOf(row))}
                />
              );
            },
          },
        ]}
      />
    </section>
  );
}
