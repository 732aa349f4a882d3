"use client";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { mayChange } from "@/app/_lib/review-changes";
import type { Stage } from "@/server/shared/stages";
import type { VerdictChangeMode } from "./use-verdict-change";
import { type SettledView, VerdictDialog } from "./verdict-dialog";

interface Props {
  reviewId: string;
  recordId: string;
  stage: Stage;
  title: string;
  /** The settled verdict, or null when the stage is not settled (then only a message left by a change shows). */
  current: SettledView | null;
  reasons: { id: string; label: string }[];
}

/** A lead's "Reopen" and "Override verdict" for one settled stage of a record, each through its dialog. */
export function VerdictActions({ reviewId, recordId, stage, title, current, reasons }: Props) {
  const [mode, setMode] = useState<VerdictChangeMode | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  return (
    <div className="verdict-actions">
      <SuccessAlert className="small" tabIndex={-1} ref={doneRef}>
        {done}
      </SuccessAlert>
      {current && (
        <div className="row-actions">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setMode("reopen")}>
            Reopen…
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setMode("override")}>
            Override verdict…
          </button>
        </div>
      )}
      {mode && current && (
        <VerdictDialog
          target={{ reviewId, recordId, stage }}
          mode={mode}
          current={current}
          reasons={reasons}
          title={title}
          onClose={() => setMode(null)}
          onDone={(message) => {
            setMode(null);
            setDone(message);
            // The buttons that opened the dialog may be gone (a reopened stage is not settled): focus the message.
            requestAnimationFrame(() => doneRef.current?.focus());
          }}
        />
      )}
    </div>
  );
}

/**
 * The same for the record page, which knows the review by its address: shown to leads and owners only (and not
 * while the review is archived), with the
 * stage's exclusion reasons from the review.
 */
export function RecordVerdictActions(props: {
  slug: string;
  recordId: string;
  title: string;
  stage: Stage;
  current: SettledView | null;
}) {
  const { slug, ...rest } = props;
  const trpc = useTRPC();
  const review = useQuery(trpc.reviews.bySlug.queryOptions({ slug }));
  if (!review.data || !mayChange(review.data, "lead")) return null;
  const reasons = review.data.exclusionReasons
    .filter((r) => r.stage === props.stage)
    .map((r) => ({ id: r.id, label: r.label }));
  return <VerdictActions reviewId={review.data.id} {...rest} reasons={reasons} />;
}
