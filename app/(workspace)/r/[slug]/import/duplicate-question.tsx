"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount, formatDate, plural } from "@/app/_lib/format";
import type { DuplicateCheck } from "@/server/api/contract/import";
import type { ImportRow } from "./use-imports";

/** The earlier imports it repeats, as they are now (an earlier upload may have finished reading meanwhile). */
function earlier(check: DuplicateCheck, all: ImportRow[]) {
  return check.imports.map((i) => {
    const now = all.find((a) => a.id === i.id);
    const what =
      check.reason === "overlap"
        ? `${formatCount(i.records)} of its records`
        : now && (now.status === "queued" || now.status === "running")
          ? "still being read"
          : plural(now?.recordCount ?? i.records, "record");
    return (
      <li key={i.id}>
        <strong>{i.fileName}</strong> ({i.source}, uploaded {formatDate(new Date(i.createdAt))}): {what}
      </li>
    );
  });
}

/** What the review already holds of this upload, and the lead's answer: import it anyway, or not. */
export function DuplicateQuestion({
  reviewId,
  imp,
  all,
  canAnswer,
}: {
  reviewId: string;
  imp: ImportRow;
  /** The review's imports, to say how the earlier ones stand now. */
  all: ImportRow[];
  canAnswer: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey({ reviewId }) });
  const confirm = useMutation(trpc.imports.confirm.mutationOptions({ onSettled: refresh }));
  const cancel = useMutation(trpc.imports.cancel.mutationOptions({ onSettled: refresh }));
  const check = imp.duplicateCheck;
  if (!check) return null;
  const busy = confirm.isPending || cancel.isPending;
  const headingId = `question-${imp.id}`;
  const share = check.total ? Math.floor(((check.matched ?? 0) / check.total) * 100) : 0;
  return (
    <section className="duplicate-question" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {check.reason === "same_file"
          ? "This file has been imported before"
          : "Almost all of this file's records are in the review already"}
      </h3>
      {check.reason === "same_file" ? (
        <p>It is exactly the same file (byte for byte) as:</p>
      ) : (
        <p>
          {formatCount(check.matched ?? 0)} of its {plural(check.total ?? 0, "record")} ({share} %) match a record
          already in the review by DOI, PMID, or title and year. They came from:
        </p>
      )}
      <ul>{earlier(check, all)}</ul>
      <p>
        Sift has not imported it. Imported anyway, its records would be added a second time; de-duplication would then
        merge the copies, which PRISMA counts as duplicates removed.
      </p>
      <ErrorAlert>{confirm.error?.message ?? cancel.error?.message}</ErrorAlert>
      {canAnswer ? (
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy}
            onClick={() => cancel.mutate({ reviewId, importId: imp.id })}
          >
            Don&apos;t import it
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            onClick={() => confirm.mutate({ reviewId, importId: imp.id })}
          >
            Import it anyway
          </button>
        </div>
      ) : (
        <p className="muted small">A lead of the review decides whether to import it.</p>
      )}
    </section>
  );
}
