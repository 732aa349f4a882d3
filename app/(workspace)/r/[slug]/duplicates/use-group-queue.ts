"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { planFills } from "@/server/api/contract/duplicates";
import type { Group, GroupRecord } from "./pair-types";

const PAGE = 10;

/** Keys typed into a field are text, not commands; a radio button or checkbox is not a text field. */
function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !["radio", "checkbox", "button"].includes(target.type);
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;
}

/** The tab list and a radio group move with the arrow keys themselves. */
function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("[role=tablist], input[type=radio]") !== null;
}

/** What the merge writes into the kept record, in the order the server chooses donors (most complete first). */
function fillsFor(group: Group, keptId: string) {
  const kept = group.records.find((r) => r.id === keptId);
  if (!kept) return [];
  return planFills(
    kept,
    group.records.filter((r) => r.id !== keptId),
  );
}

/**
 * The pending groups, one on screen at a time: choosing the record to keep, merging, keeping one record apart,
 * and moving between records and groups, from buttons or keys (1–9 and C keep, M merge, N not a duplicate, ← →
 * records, J or S next group, K previous). Pages of groups load ahead as the lead nears the end of what is loaded.
 */
export function useGroupQueue(reviewId: string, canDecide: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groups = useInfiniteQuery(
    trpc.duplicates.groups.infiniteQueryOptions(
      { reviewId, take: PAGE },
      { getNextPageParam: (page) => page.nextOffset ?? undefined },
    ),
  );
  // Merged here: hidden at once rather than after the refetch, so the next group follows without a flicker.
  const [merged, setMerged] = useState<ReadonlySet<string>>(new Set());
  const [position, setPosition] = useState(0);
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const [currentRecord, setCurrentRecord] = useState(0);
  const [confirmWork, setConfirmWork] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const merge = useMutation(trpc.duplicates.mergeGroup.mutationOptions());
  const apart = useMutation(trpc.duplicates.notDuplicateOfGroup.mutationOptions());
  const deciding = merge.isPending || apart.isPending;

  const all = groups.data?.pages.flatMap((p) => p.groups) ?? [];
  const list = all.filter((g) => !merged.has(g.key));
  const total = (groups.data?.pages.at(-1)?.total ?? 0) - (all.length - list.length);
  const index = Math.min(position, Math.max(list.length - 1, 0));
  const group = list[index];
  const records = group?.records ?? [];
  const keptId = group ? (chosen.get(group.key) ?? records[0]!.id) : "";
  const current = Math.min(currentRecord, Math.max(records.length - 1, 0));
  const fills = group ? fillsFor(group, keptId) : [];
  /** Records with screening or full-text work that the merge would set aside (leads are told which). */
  const atRisk = records.filter((r) => r.id !== keptId && r.hasWork);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = groups;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && index >= list.length - 3) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, index, list.length]);

  function refresh() {
    return queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
  }

  function failed(err: { message: string }) {
    setError(err.message);
    setStatus("");
    void refresh();
  }

  function keep(record: GroupRecord | undefined) {
    if (!group || !record || !canDecide) return;
    setChosen((map) => new Map(map).set(group.key, record.id));
    setConfirmWork(false);
    setStatus(`Record ${records.indexOf(record) + 1} will be kept.`);
  }

  function mergeGroup() {
    if (!group || deciding || !canDecide) return;
    if (atRisk.length > 0 && !confirmWork) {
      setError("Tick the box to confirm that the screening of the records merged away stops counting.");
      return;
    }
    setError(null);
    merge.mutate(
      { reviewId, pairIds: group.pairIds, keptId, confirmWork },
      {
        onSuccess: (done) => {
          setMerged((set) => new Set(set).add(group.key));
          setCurrentRecord(0);
          setConfirmWork(false);
          const filled = done.filled.length > 0 ? ` ${done.filled.length} empty fields filled.` : "";
          setStatus(`Merged ${done.merged + 1} records into one.${filled} Showing the next group.`);
          void refresh();
        },
        onError: failed,
      },
    );
  }

  function notDuplicate(record: GroupRecord | undefined) {
    if (!group || !record || deciding || !canDecide) return;
    setError(null);
    apart.mutate(
      { reviewId, pairIds: group.pairIds, recordId: record.id },
      {
        onSuccess: () => {
          setCurrentRecord(0);
          setStatus(`Record ${records.indexOf(record) + 1} kept apart: it is not a duplicate of the others.`);
          void refresh();
        },
        onError: failed,
      },
    );
  }

  function move(step: number) {
    setPosition(Math.min(Math.max(index + step, 0), Math.max(list.length - 1, 0)));
    setCurrentRecord(0);
    setConfirmWork(false);
    setError(null);
  }

  function moveRecord(step: number) {
    setCurrentRecord(Math.min(Math.max(current + step, 0), Math.max(records.length - 1, 0)));
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "m" && canDecide) mergeGroup();
    else if (key === "n" && canDecide) notDuplicate(records[current]);
    else if (key === "c" && canDecide) keep(records[current]);
    else if (/^[1-9]$/.test(key) && canDecide && Number(key) <= records.length) keep(records[Number(key) - 1]);
    else if (key === "j" || key === "s") move(1);
    else if (key === "k") move(-1);
    else if (key === "arrowright" && !ownsArrows(event.target)) moveRecord(1);
    else if (key === "arrowleft" && !ownsArrows(event.target)) moveRecord(-1);
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
    groups,
    /** The group on screen; undefined when none is left. */
    group,
    index,
    total: Math.max(total, list.length),
    loaded: list.length,
    keptId,
    current,
    fills,
    atRisk,
    confirmWork,
    setConfirmWork,
    deciding,
    error,
    /** What the last action did, for screen readers. */
    status,
    keep,
    mergeGroup,
    notDuplicate,
    move,
    setCurrentRecord,
  };
}
