"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

export function LeaveReviewButton({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const leave = useMutation(
    trpc.team.leave.mutationOptions({
      onSuccess: () => {
        router.push("/reviews");
        router.refresh();
      },
    }),
  );
  return (
    <>
      <ErrorAlert>{leave.error?.message}</ErrorAlert>
      <button
        type="button"
        className="btn btn-danger"
        disabled={leave.isPending || leave.isSuccess}
        onClick={() => {
          if (window.confirm("Leave this review? You will lose access until someone invites you again.")) {
            leave.mutate({ reviewId });
          }
        }}
      >
        Leave review
      </button>
    </>
  );
}
