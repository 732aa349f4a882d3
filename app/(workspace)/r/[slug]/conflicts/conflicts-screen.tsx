"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { ErrorAlert } from "../../../../_components/form-alerts";
import { TabList } from "../../../../_components/tab-list";
import { useTRPC } from "../../../../_components/trpc";
import { plural } from "../../../../_lib/format";
import { keywordMatcher } from "../screening/highlight";
import type { StageSetup } from "../screening/screening-types";
import { OpenConflict } from "./open-conflict";
import { ResolvedConflicts } from "./resolved-conflicts";

type Tab = "open" | "resolved";
const TABS: Tab[] = ["open", "resolved"];
const TAB_LABELS: Record<Tab, string> = { open: "Open", resolved: "Resolved" };

interface Props {
  reviewId: string;
  setup: StageSetup;
  keywords: { include: string[]; exclude: string[] };
}

export function ConflictsScreen({ reviewId, setup, keywords }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { stage } = setup;
  const lists = {
    open: useQuery(trpc.screening.conflicts.queryOptions({ reviewId, stage, status: "open" }, { staleTime: 0 })),
    resolved: useQuery(trpc.screening.conflicts.queryOptions({ reviewId, stage, status: "resolved" }, { staleTime: 0 })),
  };
  const withdrawn = useQuery(trpc.screening.conflicts.queryOptions({ reviewId, stage, status: "withdrawn" }));
  const matcher = useMemo(() => keywordMatcher(keywords.include, keywords.exclude), [keywords.include, keywords.exclude]);
  const [tab, setTab] = useState<Tab>("open");
  // Resolved here: gone from the list at once, before the refetch confirms it.
  const [resolvedHere, setResolvedHere] = useState<ReadonlySet<string>>(new Set());
  const [success, setSuccess] = useState<string | null>(null);
  const successRef = useRef<HTMLDivElement>(null);

  const open = (lists.open.data ?? []).filter((c) => !resolvedHere.has(c.id));

  function onResolved(conflictId: string, message: string) {
    setResolvedHere((set) => new Set(set).add(conflictId));
    setSuccess(message);
    void queryClient.invalidateQueries({ queryKey: trpc.screening.pathKey() });
    // The card that had focus is gone; the confirmation takes it, so keyboard users are not dropped at the top.
    requestAnimationFrame(() => successRef.current?.focus());
  }

  const counts: Record<Tab, number | null> = {
    open: lists.open.data ? open.length : null,
    resolved: lists.resolved.data?.length ?? null,
  };
  const current = lists[tab];
  const withdrawnCount = withdrawn.data?.length ?? 0;

  return (
    <>
      {success && (
        <div className="alert alert-success" role="status" tabIndex={-1} ref={successRef}>
          {success}
        </div>
      )}
      <TabList label="Conflicts" tabs={TABS} labels={TAB_LABELS} counts={counts} selected={tab} onSelect={setTab} />
      {withdrawnCount > 0 && (
        <p className="muted small">
          {plural(withdrawnCount, "conflict")} {withdrawnCount === 1 ? "was" : "were"} withdrawn: the reviewers changed
          their decisions and now agree.
        </p>
      )}
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {current.isPending ? (
          <p className="muted">Loading conflicts…</p>
        ) : current.isError ? (
          <ErrorAlert message={current.error.message} />
        ) : tab === "open" ? (
          open.length === 0 ? (
            <p className="empty muted">No open conflicts at this stage.</p>
          ) : (
            open.map((conflict) => (
              <OpenConflict
                key={conflict.id}
                reviewId={reviewId}
                setup={setup}
                conflict={conflict}
                matcher={matcher}
                onResolved={onResolved}
              />
            ))
          )
        ) : (
          <ResolvedConflicts conflicts={current.data} />
        )}
      </div>
    </>
  );
}
