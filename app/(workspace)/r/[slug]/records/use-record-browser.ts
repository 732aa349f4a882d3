"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useEffectEvent, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import type { SelectionFormat } from "@/server/api/contract/export";
import { MAX_SELECTION } from "@/server/api/contract/records";
import type { Stage } from "@/server/shared/stages";
import { useExports } from "../export/use-exports";
import { type AllMatching, changesRecords, chosenRecords, matchingCount, toggleMatching } from "./all-matching";
import { type BrowseState, filtersInput, listInput, PAGE_SIZE, paramsFromState } from "./browse-params";

const SEARCH_DELAY_MS = 300;

/** Keys typed into a field are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : "Something went wrong. Try again.";
}

/**
 * The record browser's state and actions: the search, filters, order and page live in the address (so the way
 * back from a record shows the same list), the search is sent once typing pauses, and the selection is kept
 * across pages for exporting it (anyone) or allocating and labelling it (leads).
 */
export function useRecordBrowser(reviewId: string, initial: BrowseState) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState(initial);
  const [typed, setTyped] = useState(initial.query);
  const searchRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  /** The records ticked one by one; with every match selected, the filters say which instead (`allMatching`). */
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState<AllMatching | null>(null);
  /** The selection export asked for last, whose progress and file the bulk bar shows. */
  const [exportId, setExportId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: "success" | "info" | "error"; text: string } | null>(null);

  const list = useQuery({
    ...trpc.records.list.queryOptions(listInput(reviewId, state)),
    placeholderData: keepPreviousData,
    // A word search asked while an import is being indexed is asked again until every record can be found.
    refetchInterval: (query) => (query.state.data?.searchPending ? 5_000 : false),
  });
  const options = useQuery(trpc.records.filterOptions.queryOptions({ reviewId }));
  const allocate = useMutation(trpc.records.allocate.mutationOptions());
  const label = useMutation(trpc.labels.setOnSelection.mutationOptions());
  const startExport = useMutation(trpc.exports.startSelection.mutationOptions());
  const exports = useExports(reviewId, exportId !== null);
  const exported = exports.data?.find((e) => e.id === exportId) ?? null;

  /** Changes settings and goes back to the first page (unless the page itself is what changed). */
  function update(change: Partial<BrowseState>) {
    const next = { ...state, page: 1, ...change };
    // "All that match" means these filters: other filters select other records.
    if (allMatching && changesRecords(change)) clearSelection();
    // A search is best read by relevance; without one, relevance means nothing and import order returns.
    if (change.query !== undefined && change.sort === undefined) {
      if (next.query && !state.query && state.sort === "imported") next.sort = "relevance";
      if (!next.query && state.sort === "relevance") next.sort = "imported";
    }
    setState(next);
    const query = paramsFromState(next).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  // The search follows the box once typing pauses; Enter sends it at once.
  const sendSearch = useEffectEvent(() => update({ query: typed }));
  useEffect(() => {
    if (typed === state.query) return;
    const timer = setTimeout(sendSearch, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, state.query]);

  // "/" anywhere but in a field puts the cursor in the search box, as in most search pages.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  /** Up and down move between the records' links; Enter opens the one in focus, as any link does. */
  function onResultsKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...(resultsRef.current?.querySelectorAll<HTMLAnchorElement>("a.record-link") ?? [])];
    if (links.length === 0) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
    links[at === -1 ? 0 : next]?.focus();
  }

  /** Down from the search box goes to the first record; a search still being typed is sent first instead. */
  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "ArrowDown") return;
    event.preventDefault();
    if (typed !== state.query) update({ query: typed });
    else resultsRef.current?.querySelector<HTMLAnchorElement>("a.record-link")?.focus();
  }

  function clearSelection() {
    setSelected(new Set());
    setAllMatching(null);
  }

  const isSelected = (id: string) => (allMatching ? !allMatching.except.has(id) : selected.has(id));
  const selectedCount = allMatching ? matchingCount(allMatching) : selected.size;

  function toggle(ids: string[], on: boolean) {
    if (allMatching) setAllMatching(toggleMatching(allMatching, ids, on));
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on && next.size < MAX_SELECTION) next.add(id);
        else if (!on) next.delete(id);
      }
      return next;
    });
  }

  // Every action takes the filters themselves, so "all that match" means all of them however many there are,
  // read again when the action runs.
  function selectAllMatching() {
    setNotice(null);
    const { reviewId: _reviewId, ...filters } = filtersInput(reviewId, state);
    setAllMatching({ filters, total: list.data?.total ?? 0, except: new Set() });
    setSelected(new Set());
  }

  const chosen = () => chosenRecords(allMatching, selected);

  async function exportSelection(format: SelectionFormat, stage: Stage) {
    setNotice(null);
    try {
      const asked = await startExport.mutateAsync({ reviewId, format, stage, ...chosen() });
      setExportId(asked.id);
      void queryClient.invalidateQueries({ queryKey: trpc.exports.mine.queryKey({ reviewId }) });
    } catch (err) {
      setNotice({ kind: "error", text: errorText(err) });
    }
  }

  async function allocateSelection(stage: Stage, reviewerId: string, reviewerName: string) {
    setNotice(null);
    try {
      const result = await allocate.mutateAsync({ reviewId, stage, reviewerId, ...chosen() });
      const why = `settled, not in this stage, already decided by ${reviewerName}, or held by as many reviewers as they need`;
      const n = (count: number) => count.toLocaleString("en-GB");
      if (result.allocated === 0)
        setNotice({
          kind: "info",
          text: `None of these records could be allocated to ${reviewerName}: they are ${why}.`,
        });
      else
        setNotice({
          kind: "success",
          text: `${n(result.allocated)} ${result.allocated === 1 ? "record" : "records"} allocated to ${reviewerName}.${result.skipped ? ` ${n(result.skipped)} could not be: they are ${why}.` : ""}`,
        });
      void queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
    } catch (err) {
      setNotice({ kind: "error", text: errorText(err) });
    }
  }

  async function labelSelection(labelId: string, on: boolean) {
    setNotice(null);
    try {
      const result = await label.mutateAsync({ reviewId, labelId, ...chosen(), on });
      const n = (count: number) => count.toLocaleString("en-GB");
      const records = (count: number) => `${n(count)} ${count === 1 ? "record" : "records"}`;
      const already = on ? "already had it" : "did not have it";
      setNotice(
        result.changed === 0
          ? { kind: "info", text: `Nothing changed: the chosen records ${already}.` }
          : {
              kind: "success",
              text: `“${result.label}” ${on ? "put on" : "taken off"} ${records(result.changed)}.${result.unchanged ? ` ${records(result.unchanged)} ${already}.` : ""}`,
            },
      );
      void queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.labels.pathKey() });
    } catch (err) {
      setNotice({ kind: "error", text: errorText(err) });
    }
  }

  const total = list.data?.total ?? 0;
  return {
    state,
    update,
    typed,
    setTyped,
    searchNow: () => update({ query: typed }),
    searchRef,
    resultsRef,
    onResultsKey,
    onSearchKey,
    list,
    options,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    chosen,
    isSelected,
    selectedCount,
    allMatching: allMatching !== null,
    toggle,
    clearSelection,
    selectAllMatching,
    exportSelection,
    exporting: startExport.isPending,
    exported,
    allocateSelection,
    allocating: allocate.isPending,
    labelSelection,
    labelling: label.isPending,
    notice,
  };
}

export type RecordBrowser = ReturnType<typeof useRecordBrowser>;
