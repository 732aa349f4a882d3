"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

/** The archived banner's way back for owners: the review becomes changeable again on every screen at once. */
export function RestoreReviewButton({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const restore = useMutation(trpc.reviews.setArchived.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <>
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={restore.isPending}
        onClick={() => restore.mutate({ reviewId, archived: false })}
      >
        {restore.isPending ? "Restoring…" : "Restore this review"}
      </button>
      <ErrorAlert>{restore.error?.message}</ErrorAlert>
    </>
  );
}
