"use client";
import Link from "next/link";
import { useState } from "react";
import { ErrorAlert, InfoAlert, SuccessAlert } from "@/app/_components/alerts";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import { ConsensusSection } from "./consensus-section";
import { entryKey, fromEntry } from "./entry-values";
import { ReportPane } from "./report-pane";
import { consensusKey, useExtractionConsensus } from "./use-extraction-consensus";

interface Props {
  reviewId: string;
  slug: string;
  formId: string;
  studyId: string;
}

export function ConsensusScreen({ reviewId, slug, formId, studyId }: Props) {
  const consensus = useExtractionConsensus(reviewId, formId, studyId);
  const { comparison, fields, entries, record, submit } = consensus;
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const [hideEmpty, setHideEmpty] = useState(true);
  const data = comparison.data;
  const writable = useMayChange("lead");

  if (comparison.isPending) return <p className="muted">Loading…</p>;
  if (comparison.error) return <ErrorAlert>{comparison.error.message}</ErrorAlert>;
  if (!data) return null;
  const allComplete = data.extractors.length > 0 && data.extractors.every((e) => e.completed);
  const isEmpty = (r: (typeof data.rows)[number]) =>
    r.values.every((v) => v === null) &&
    fromEntry(fields.get(r.fieldId)!, entries[entryKey(r.fieldId, consensusKey(r))]) === null;

  return (
    <>
      <p className="intro">
        <Link href={`/r/${slug}/extraction?form=${formId}`}>← All studies</Link> · {data.study.label} · form version{" "}
        {data.version}
      </p>
      <InfoAlert>
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
        {data.consensus && (
          <p>
            Consensus recorded by {data.consensus.recordedBy}
            {writable ? "; saving again replaces it." : "."}
          </p>
        )}
      </InfoAlert>
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
              <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />{" "}
              Show differences only
            </label>
            <label className="check">
              <input type="checkbox" checked={hideEmpty} onChange={(e) => setHideEmpty(e.target.checked)} /> Hide fields
              nobody filled
            </label>
          </div>
          {data.definition.sections.map((section) => {
            const rows = data.rows.filter(
              (r) => r.sectionId === section.id && (!onlyDifferences || !r.agree) && (!hideEmpty || !isEmpty(r)),
            );
            if (rows.length === 0) return null;
            return (
              <ConsensusSection
                key={section.id}
                section={section}
                rows={rows}
                extractors={data.extractors}
                consensus={consensus}
                writable={writable}
              />
            );
          })}
          {writable && (
            <div className="form-actions sticky-actions">
              <ErrorAlert>{record.error?.message}</ErrorAlert>
              <SuccessAlert>{record.isSuccess ? "Consensus recorded." : null}</SuccessAlert>
              {!allComplete && (
                <span className="muted small">Every extractor must complete their extraction first.</span>
              )}
              <button type="submit" className="btn btn-primary" disabled={record.isPending || !allComplete}>
                {record.isPending ? "Recording…" : "Record consensus"}
              </button>
            </div>
          )}
        </form>
      </div>
    </>
  );
}
