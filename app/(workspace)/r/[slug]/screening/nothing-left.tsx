"use client";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { plural } from "@/app/_lib/format";
import { conflictsPath, TeamProgressText, useScreeningProgress } from "./screening-progress";
import type { StageSetup } from "./screening-types";

interface Props {
  reviewId: string;
  setup: StageSetup;
  slug: string;
  canResolve: boolean;
  onCheck: () => void;
}

/** Where the record would be when the reviewer has none left: why, and where to go next. */
export function NothingLeft({ reviewId, setup, slug, canResolve, onCheck }: Props) {
  const progress = useScreeningProgress(reviewId, setup.stage).data;
  if (progress && progress.total === 0 && setup.stage === "full_text") {
    return (
      <EmptyState
        card
        actions={
          <p>
            <Link href={`/r/${slug}/full-text`}>Retrieve full texts</Link>
          </p>
        }
      >
        No full texts are retrieved yet: records reach this stage once they are included at title/abstract and their PDF
        or link is added.
      </EmptyState>
    );
  }
  if (progress && progress.total === 0) {
    return (
      <EmptyState
        card
        actions={
          canResolve && (
            <p>
              <Link href={`/r/${slug}/import`}>Import records</Link>
            </p>
          )
        }
      >
        There are no records to screen yet.
      </EmptyState>
    );
  }
  const waiting = progress?.mine.remaining ?? 0;
  return (
    <EmptyState
      card
      actions={
        <>
          {waiting > 0 && (
            <p className="muted">
              Other reviewers are screening the remaining {plural(waiting, "record")}; any they leave will come back
              here.
            </p>
          )}
          {progress && (
            <p>
              <TeamProgressText progress={progress} slug={slug} canResolve={canResolve} />.
            </p>
          )}
          <div className="form-actions empty-actions">
            <button type="button" className="btn btn-secondary" onClick={onCheck}>
              Check again
            </button>
            {canResolve && (
              <Link className="btn btn-secondary" href={conflictsPath(slug, setup.stage)}>
                Go to Conflicts
              </Link>
            )}
          </div>
        </>
      }
    >
      <strong>Nothing is left for you to screen at this stage.</strong>
    </EmptyState>
  );
}
