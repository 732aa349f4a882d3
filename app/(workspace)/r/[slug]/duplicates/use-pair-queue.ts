"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";

const PAGE = 50;

/** Keys typed into a field are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;
}

/** The tab list moves between tabs with the arrow keys itself. */
function inTabList(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("[role=tablist]") !== null;
}

/**
 * The pending pairs, one on screen at a time: merging, keeping apart and moving between them, from buttons or
 * keys (M, N, J or →, K or ←). Pages of pairs load ahead as the reviewer nears the end of what is loaded.
 */
export function usePairQueue(reviewId: string, canDecide: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pairs = useInfiniteQuery(
    trpc.duplicates.pairs.infiniteQueryOptions(
      { reviewId, status: "pending", take: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  // Decided here: hidden at once rather than after the refetch, so the next pair follows without a flicker.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [position, setPosition] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const merge = useMutation(trpc.duplicates.merge.mutationOptions());
  const notDuplicates = useMutation(trpc.duplicates.notDuplicates.mutationOptions());
  const deciding = merge.isPending || notDuplicates.isPending;

  const list = (pairs.data?.pages.flatMap((p) => p.pairs) ?? []).filter((p) => !decided.has(p.id));
  const index = Math.min(position, Math.max(list.length - 1, 0));
  const pair = list[index];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pairs;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && index >= list.length - 5) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, index, list.length]);

  function refresh() {
    return queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
  }

  function decide(kind: "merge" | "not-duplicates") {
    if (!pair || deciding || !canDecide) return;
    setError(null);
    const mutation = kind === "merge" ? merge : notDuplicates;
    mutation.mutate(
      { reviewId, pairId: pair.id },
      {
        onSuccess: () => {
          setDecided((set) => new Set(set).add(pair.id));
          const done = kind === "merge" ? "Merged." : "Marked as not duplicates.";
          setStatus(list.length > 1 ? `${done} Showing the next pair.` : `${done} No more pairs wait for review.`);
          void refresh();
        },
        onError: (err) => {
          setError(err.message);
          setStatus("");
          void refresh();
        },
      },
    );
  }

  function move(step: number) {
    setPosition(Math.min(Math.max(index + step, 0), Math.max(list.length - 1, 0)));
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "m" && canDecide) decide("merge");
    else if (key === "n" && canDecide) decide("not-duplicates");
    else if (key === "j" || (key === "arrowright" && !inTabList(event.target))) move(1);
    else if (key === "k" || (key === "arrowleft" && !inTabList(event.target))) move(-1);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return {
    /** The query behind the list, for its loading and error states. */
    pairs,
    /** The pair on screen; undefined when none is left. */
    pair,
    index,
    /** Pairs loaded and not decided here. */
    loaded: list.length,
    deciding,
    error,
    /** What the last decision did, for screen readers. */
    status,
    decide,
    move,
  };
}
