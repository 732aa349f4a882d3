"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import type { FullTextOutcome, RetrievalStatus } from "./report-types";

export type RetrievalTab = RetrievalStatus | "all";

const PAGE = 50;

/**
 * The reports of a retrieval tab, filtered by full-text outcome, a page at a time, with the counts the tabs
 * show. `hidden` is true when blinding keeps the list from this viewer.
 */
export function useRetrievalList(reviewId: string) {
  const trpc = useTRPC();
  const [tab, setTab] = useState<RetrievalTab>("sought");
  const [outcome, setOutcome] = useState<FullTextOutcome | "">("");
  const list = useInfiniteQuery(
    trpc.fullText.list.infiniteQueryOptions(
      { reviewId, status: tab === "all" ? undefined : tab, outcome: outcome || undefined, take: PAGE },
      { getNextPageParam: (page) => (page.visible ? (page.nextCursor ?? undefined) : undefined), staleTime: 0 },
    ),
  );
  const first = list.data?.pages[0];
  const counts = first?.visible ? first.counts : null;
  const total = counts ? counts.byStatus.sought + counts.byStatus.retrieved + counts.byStatus.not_retrieved : null;
  const tabCounts: Record<RetrievalTab, number | null> = {
    sought: counts?.byStatus.sought ?? null,
    retrieved: counts?.byStatus.retrieved ?? null,
    not_retrieved: counts?.byStatus.not_retrieved ?? null,
    all: total,
  };
  return {
    list,
    hidden: first !== undefined && !first.visible,
    items: list.data?.pages.flatMap((p) => (p.visible ? p.items : [])) ?? [],
    counts,
    total,
    tabCounts,
    tab,
    setTab,
    outcome,
    setOutcome,
  };
}
