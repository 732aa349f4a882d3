"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

/** Lead only: one or two independent appraisers per study. */
export function AppraisersSetting({ reviewId, value }: { reviewId: string; value: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const set = useMutation(trpc.appraisal.setAppraisers.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="inline-form card">
      <div className="field">
        <label htmlFor="appraisers-per-study">Appraisers per study</label>
        <select
          id="appraisers-per-study"
          value={value}
          disabled={set.isPending}
          onChange={(e) => set.mutate({ reviewId, appraisersPerStudy: Number(e.target.value) === 1 ? 1 : 2 })}
        >
          <option value={2}>Two, independently, then a consensus</option>
          <option value={1}>One</option>
        </select>
      </div>
      <ErrorAlert>{set.error?.message}</ErrorAlert>
    </div>
  );
}
