"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import type { Stage } from "@/server/shared/stages";

export type ConflictTab = "open" | "resolved" | "withdrawn";

/**
 * The conflicts of a stage by tab: the open ones at once, the others when their tab is first shown (their counts
 * come from the progress counts meanwhile). A conflict resolved here leaves the open list at once, and the
 * confirmation takes the focus its card had.
 */
export function useConflicts(reviewId: string, stage: Stage) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<ConflictTab>("open");
  const open = useQuery(trpc.screening.conflicts.queryOptions({ reviewId, stage, status: "open" }, { staleTime: 0 }));
  const other = useQuery({
    ...trpc.screening.conflicts.queryOptions(
      { reviewId, stage, status: tab === "open" ? "resolved" : tab },
      { staleTime: 0 },
    ),
    enabled: tab !== "open",
  });
  const progress = useQuery(trpc.screening.progress.queryOptions({ reviewId, stage }, { staleTime: 0 }));
  // Resolved here: gone from the list at once, before the refetch confirms it.
  const [resolvedHere, setResolvedHere] = useState<ReadonlySet<string>>(new Set());
  const [success, setSuccess] = useState<string | null>(null);
  const successRef = useRef<HTMLDivElement>(null);

  const openList = (open.data ?? []).filter((c) => !resolvedHere.has(c.id));

  function onResolved(conflictId: string, message: string) {
    setResolvedHere((set) => new Set(set).add(conflictId));
    setSuccess(message);
    void queryClient.invalidateQueries({ queryKey: trpc.screening.pathKey() });
    // The card that had focus is gone; the confirmation takes it, so keyboard users are not dropped at the top.
    requestAnimationFrame(() => successRef.current?.focus());
  }

  const byStatus = progress.data?.team.conflictsByStatus ?? null;
  const counts: Record<ConflictTab, number | null> = {
    open: open.data ? openList.length : (byStatus?.open ?? null),
    resolved: byStatus?.resolved ?? null,
    withdrawn: byStatus?.withdrawn ?? null,
  };

  return {
    tab,
    setTab,
    counts,
    /** The query of the tab shown, for its loading and error states and, off the open tab, its list. */
    current: tab === "open" ? open : other,
    openList,
    onResolved,
    success,
    successRef,
  };
}
