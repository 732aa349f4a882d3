"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

interface Props {
  reviewId: string;
  slug: string;
  title: string;
  archived: boolean;
}

/** Owners only: archive (read-only) or restore the review, or delete it for good once its title is typed. */
export function ArchiveDeleteSection({ reviewId, slug, title, archived }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const setArchived = useMutation(trpc.reviews.setArchived.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.reviews.delete.mutationOptions({ onSuccess: () => router.push("/reviews") }));
  const matches = typed.trim() === title.trim();

  function onDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matches) remove.mutate({ reviewId, confirmTitle: typed });
  }

  return (
    <section className="card" id="review-archive" aria-labelledby="review-archive-heading">
      <h2 id="review-archive-heading">Archive or delete this review</h2>
      <ErrorAlert>{setArchived.error?.message}</ErrorAlert>
      {archived ? (
        <>
          <p>
            This review is archived: it is listed under Archived and nobody can change it. Restoring it brings it back
            to everyone&apos;s reviews list, as it was.
          </p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={setArchived.isPending}
            onClick={() => setArchived.mutate({ reviewId, archived: false })}
          >
            {setArchived.isPending ? "Restoring…" : "Restore from archive"}
          </button>
        </>
      ) : (
        <>
          <p>
            Archive a finished or paused review: it moves to the Archived section of everyone&apos;s reviews list and
            becomes read-only, so nothing changes by accident. It can still be read and exported, and an owner can
            restore it at any time.
          </p>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={setArchived.isPending}
            onClick={() => setArchived.mutate({ reviewId, archived: true })}
          >
            {setArchived.isPending ? "Archiving…" : "Archive review"}
          </button>
        </>
      )}
      <hr />
      <h3>Delete this review</h3>
      <p>
        Deleting removes the review for everyone: its records, decisions, extraction, audit trail and stored files
        (uploaded searches and full-text PDFs). It cannot be undone.{" "}
        <Link href={`/r/${slug}/export`}>Download a whole-review bundle first</Link> to keep a copy you can restore with{" "}
        <code>sift restore</code>.
      </p>
      <ErrorAlert>{remove.error?.message}</ErrorAlert>
      <form onSubmit={onDelete}>
        <div className="field">
          <label htmlFor="confirm-title">
            Type the review&apos;s title, <strong>{title}</strong>, to confirm
          </label>
          <input
            id="confirm-title"
            name="confirmTitle"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-danger" disabled={!matches || remove.isPending || remove.isSuccess}>
          {remove.isPending || remove.isSuccess ? "Deleting…" : "Delete review for good"}
        </button>
      </form>
    </section>
  );
}
