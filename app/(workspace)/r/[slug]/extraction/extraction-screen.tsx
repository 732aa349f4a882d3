"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert, InfoAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import { FormEntry } from "./form-entry";
import { ReportPane } from "./report-pane";
import { useMyExtraction } from "./use-my-extraction";
import { VersionChanges } from "./version-changes";

interface Props {
  reviewId: string;
  slug: string;
  formId: string;
  studyId: string;
}

export function ExtractionScreen({ reviewId, slug, formId, studyId }: Props) {
  // An archived review's extraction is read as it was saved: the values show, nothing saves (Ctrl S neither).
  const writable = useMayChange("reviewer");
  const extraction = useMyExtraction(reviewId, formId, studyId, writable);
  const { mine, busy } = extraction;
  const data = mine.data;
  const closed = data?.consensusRecorded ?? false;
  const trpc = useTRPC();
  const outcomes = useQuery(trpc.outcomes.list.queryOptions({ reviewId }));

  if (mine.isPending) return <p className="muted">Loading…</p>;
  if (mine.error) return <ErrorAlert>{mine.error.message}</ErrorAlert>;
  if (!data) return null;
  return (
    <>
      <p className="intro">
        <Link href={`/r/${slug}/extraction?form=${formId}`}>← All studies</Link> · {data.study.label} · form version{" "}
        {data.version}
        {data.completedAt && <span className="badge badge-done">complete</span>}
      </p>
      {data.changesSince.length > 0 && (
        <InfoAlert>
          <p>
            <strong>
              You extracted this study under version {data.extractedUnder}; the form is now version {data.version}.
            </strong>{" "}
            Your values are kept. What changed:
          </p>
          <VersionChanges changes={data.changesSince} />
        </InfoAlert>
      )}
      {closed && <InfoAlert>A lead has recorded the consensus for this study; your extraction is closed.</InfoAlert>}
      <div className="extraction-layout">
        <ReportPane reports={data.study.reports} />
        <form
          className="extraction-form"
          aria-label="Extraction form"
          onSubmit={(e) => {
            e.preventDefault();
            void extraction.save(false);
          }}
        >
          <FormEntry
            definition={data.definition}
            entries={extraction.entries}
            instances={extraction.instances}
            disabled={closed || busy || !writable}
            readOnly={!writable}
            markMissing={extraction.missingRefused}
            onEntry={extraction.setEntry}
            onInstances={extraction.setSectionInstances}
            outcomes={outcomes.data ?? []}
          />
          {writable && (
            <div className="form-actions sticky-actions">
              <ErrorAlert>{extraction.error}</ErrorAlert>
              {extraction.stale && !closed && (
                <button type="button" className="btn btn-secondary" onClick={extraction.loadNewVersion}>
                  Load the new version, keeping my entries
                </button>
              )}
              <SuccessAlert>{extraction.message}</SuccessAlert>
              <button type="submit" className="btn btn-primary" disabled={closed || busy}>
                {extraction.saving ? "Saving…" : "Save"} <kbd>Ctrl S</kbd>
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                disabled={closed || busy}
                onClick={() => void extraction.save(true)}
              >
                Save and mark complete
              </button>
              {extraction.dirty && <span className="muted small">Unsaved changes</span>}
            </div>
          )}
        </form>
      </div>
    </>
  );
}
