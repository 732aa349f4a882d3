"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { formatFieldValue } from "@/server/extraction/field-value";
import { ErrorAlert, SuccessAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { entryKey, fromEntry, toEntry, type Entries, type StoredValue } from "./entry-values";
import { FieldInput } from "./field-input";
import { ReportPane } from "./report-pane";

interface Props {
  reviewId: string;
  slug: string;
  formId: string;
  studyId: string;
}

export function ConsensusScreen({ reviewId, slug, formId, studyId }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const target = { reviewId, formId, studyId };
  const comparison = useQuery(trpc.extraction.compare.queryOptions(target, { refetchOnWindowFocus: false }));
  const [entries, setEntries] = useState<Entries>({});
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const [hideEmpty, setHideEmpty] = useState(true);
  const record = useMutation(
    trpc.extraction.recordConsensus.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.extraction.pathKey() }) }),
  );
  const data = comparison.data;

  const fields = useMemo(() => new Map(data?.definition.sections.flatMap((s) => s.fields.map((f) => [f.id, f] as const)) ?? []), [data]);
  /** The consensus keeps the first extractor's key for each matched item. */
  const consensusKey = (row: { instanceKeys: string[] }) => row.instanceKeys.find((k) => k !== "") ?? "";

  useEffect(() => {
    if (!data) return;
    const start: Entries = {};
    const stored = new Map((data.consensus?.values ?? []).map((v) => [entryKey(v.fieldId, v.instanceKey), v.value]));
    for (const row of data.rows) {
      const field = fields.get(row.fieldId)!;
      const key = entryKey(row.fieldId, consensusKey(row));
      const value = data.consensus ? stored.get(key) : row.agree ? row.values[0] : null;
      start[key] = toEntry(field, value ?? null);
    }
    setEntries(start);
  }, [data, fields]);

  if (comparison.isPending) return <p className="muted">Loading…</p>;
  if (comparison.error) return <ErrorAlert message={comparison.error.message} />;
  if (!data) return null;
  const allComplete = data.extractors.length > 0 && data.extractors.every((e) => e.completed);

  function submit() {
    if (!data) return;
    const values: StoredValue[] = data.rows.map((row) => ({
      fieldId: row.fieldId,
      instanceKey: consensusKey(row),
      value: fromEntry(fields.get(row.fieldId)!, entries[entryKey(row.fieldId, consensusKey(row))]),
    }));
    record.mutate({ ...target, formVersionId: data.formVersionId, values: values.filter((v) => v.value !== null) });
  }

  return (
    <>
      <p className="intro">
        <Link href={`/r/${slug}/extraction?form=${formId}`}>← All studies</Link> · {data.study.label} · form version {data.version}
      </p>
      <div className="alert alert-info">
        <p>
          {data.extractors.length > 0
            ? `${data.extractors.map((e) => `${e.name} (${e.completed ? "complete" : "in progress"})`).join(" and ")}.`
            : "No extractor is assigned."}{" "}
          {!allComplete
            ? "The comparison is final once every extractor has completed."
            : data.differences === 0
              ? "They agree on every field."
              : `They differ on ${data.differences} field${data.differences === 1 ? "" : "s"}, highlighted below.`}
        </p>
        {data.consensus && <p>Consensus recorded by {data.consensus.recordedBy}; saving again replaces it.</p>}
      </div>
      <div className="extraction-layout">
        <ReportPane reports={data.study.reports} />
        <form
          className="extraction-form"
          aria-label="Consensus"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="compare-filters">
            <label className="check">
              <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} /> Show differences only
            </label>
            <label className="check">
              <input type="checkbox" checked={hideEmpty} onChange={(e) => setHideEmpty(e.target.checked)} /> Hide fields nobody filled
            </label>
          </div>
          {data.definition.sections.map((section) => {
            const isEmpty = (r: (typeof data.rows)[number]) =>
              r.values.every((v) => v === null) && fromEntry(fields.get(r.fieldId)!, entries[entryKey(r.fieldId, consensusKey(r))]) === null;
            const rows = data.rows.filter((r) => r.sectionId === section.id && (!onlyDifferences || !r.agree) && (!hideEmpty || !isEmpty(r)));
            if (rows.length === 0) return null;
            return (
              <section key={section.id} className="card" aria-labelledby={`cmp-${section.id}`}>
                <h2 id={`cmp-${section.id}`}>{section.title}</h2>
                <div className="table-scroll">
                  <table className="data compare-table">
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        {data.extractors.map((e) => (
                          <th key={e.id} scope="col">
                            {e.name}
                          </th>
                        ))}
                        <th scope="col">Consensus</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.flatMap((row, index) => {
                        const field = fields.get(row.fieldId)!;
                        const key = entryKey(row.fieldId, consensusKey(row));
                        const label = row.itemLabel ? `${field.label} · ${row.itemLabel}` : field.label;
                        const itemHeading =
                          row.itemKey !== "" && rows[index - 1]?.itemKey !== row.itemKey ? (
                            <tr key={`item-${row.itemKey}`} className="item-heading">
                              <th scope="rowgroup" colSpan={data.extractors.length + 2}>
                                {section.repeat?.itemLabel}: {row.itemLabel}
                                {row.instanceKeys.some((k) => k === "") && <span className="muted"> — not entered by every extractor</span>}
                              </th>
                            </tr>
                          ) : null;
                        return [
                          itemHeading,
                          <tr key={`${row.fieldId}-${row.itemKey}`} className={row.agree ? undefined : "differs"}>
                            <th scope="row">
                              <span className="visually-hidden">{row.itemLabel ? `${row.itemLabel}: ` : ""}</span>
                              {field.label}
                              {!row.agree && <span className="visually-hidden"> (differs)</span>}
                            </th>
                            {row.values.map((value, i) => (
                              <td key={i}>
                                <span className="compare-value">{formatFieldValue(field, value) || <span className="muted">—</span>}</span>
                                {!row.agree && value !== null && (
                                  <button
                                    type="button"
                                    className="btn btn-secondary btn-small"
                                    aria-label={`Use ${data.extractors[i]?.name}'s value for ${label}`}
                                    onClick={() => setEntries((all) => ({ ...all, [key]: toEntry(field, value) }))}
                                  >
                                    Use
                                  </button>
                                )}
                              </td>
                            ))}
                            <td>
                              <FieldInput field={field} inputId={`c-${row.fieldId}-${row.itemKey}`} entry={entries[key]} compact onChange={(e) => setEntries((all) => ({ ...all, [key]: e }))} />
                            </td>
                          </tr>,
                        ];
                      })}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
          <div className="form-actions sticky-actions">
            <ErrorAlert message={record.error?.message} />
            <SuccessAlert message={record.isSuccess ? "Consensus recorded." : null} />
            {!allComplete && <span className="muted small">Every extractor must complete their extraction first.</span>}
            <button type="submit" className="btn btn-primary" disabled={record.isPending || !allComplete}>
              {record.isPending ? "Recording…" : "Record consensus"}
            </button>
          </div>
        </form>
      </div>
    </>
  );
}
