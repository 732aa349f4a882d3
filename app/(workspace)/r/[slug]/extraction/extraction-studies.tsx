"use client";
import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { DESIGN_LABELS, type Design } from "@/server/api/contract/studies";
import { AssignExtractors } from "./assign-extractors";
import type { ExtractionForms } from "./use-extraction-forms";

type Form = NonNullable<ExtractionForms["form"]>;
type Study = NonNullable<ExtractionForms["studies"]["data"]>[number];

interface Props {
  reviewId: string;
  slug: string;
  form: Form;
  studies: Study[];
  canLead: boolean;
  /** Leads assign extractors, except in an archived review, where they see who was assigned. */
  canAssign: boolean;
  candidates: { id: string; name: string }[];
}

/** The studies to extract with a form: who extracts each (leads assign them), how far they are, and the way in. */
export function ExtractionStudies({ reviewId, slug, form, studies, canLead, canAssign, candidates }: Props) {
  return (
    <DataTable
      stickyHeadings
      label="Studies and their extractors"
      rows={studies}
      rowKey={(s) => s.id}
      empty={
        <EmptyState compact>
          No studies yet. Included reports are grouped into studies on the{" "}
          <Link href={`/r/${slug}/studies`}>Studies</Link> page; each study is extracted once.
        </EmptyState>
      }
      columns={[
        {
          key: "study",
          header: "Study",
          rowHeader: true,
          cell: (s) => (
            <>
              {s.label}
              {s.design && <span className="muted small"> · {DESIGN_LABELS[s.design as Design] ?? s.design}</span>}
            </>
          ),
        },
        { key: "reports", header: "Reports", numeric: true, cell: (s) => s.reports },
        {
          key: "extractors",
          header: canLead ? "Extractors" : "Your extraction",
          cell: (s) =>
            canLead && !canAssign ? (
              s.extractors?.map((e) => e.name).join(", ") || <span className="muted">none assigned</span>
            ) : canLead ? (
              <AssignExtractors
                key={`${form.id}-${s.id}`}
                reviewId={reviewId}
                formId={form.id}
                studyId={s.id}
                studyLabel={s.label}
                slots={form.extractorsPerStudy}
                current={s.extractors ?? []}
                candidates={candidates}
              />
            ) : s.mine ? (
              s.mine.completed ? (
                "complete"
              ) : (
                "in progress"
              )
            ) : (
              <span className="muted">not assigned to you</span>
            ),
        },
        {
          key: "progress",
          header: "Progress",
          cell: (s) =>
            s.consensus ? (
              <span className="badge badge-done">consensus recorded</span>
            ) : s.extractors ? (
              `${s.extractors.filter((e) => e.completed).length} of ${form.extractorsPerStudy} complete`
            ) : (
              <span className="muted">—</span>
            ),
        },
        {
          key: "actions",
          header: "Actions",
          hideHeader: true,
          cell: (s) => (
            <div className="row-actions">
              {s.mine && (
                <Link
                  className="btn btn-small btn-primary"
                  href={`/r/${slug}/extraction/studies/${s.id}?form=${form.id}`}
                >
                  {s.mine.completed || s.consensus ? "Open" : "Extract"}
                </Link>
              )}
              {canLead && (s.extractors?.length ?? 0) > 0 && (
                <Link
                  className="btn btn-small btn-secondary"
                  href={`/r/${slug}/extraction/studies/${s.id}/compare?form=${form.id}`}
                >
                  {s.consensus ? "Consensus" : "Compare"}
                </Link>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
