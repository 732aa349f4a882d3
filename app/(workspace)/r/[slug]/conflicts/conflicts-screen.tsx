"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { TabList } from "@/app/_components/tab-list";
import { useTRPC } from "@/app/_components/trpc";
import { keywordMatcher } from "@/app/(workspace)/r/[slug]/screening/highlight";
import type { StageSetup } from "@/app/(workspace)/r/[slug]/screening/screening-types";
import { OpenConflict } from "./open-conflict";
import { ResolvedConflicts } from "./resolved-conflicts";
import { WithdrawnConflicts } from "./withdrawn-conflicts";

type Tab = "open" | "resolved" | "withdrawn";
const TABS: Tab[] = ["open", "resolved", "withdrawn"];
const TAB_LABELS: Record<Tab, string> = { open: "Open", resolved: "Resolved", withdrawn: "Withdrawn" };

interface Props {
  reviewId: string;
  setup: StageSetup;
  keywords: { include: string[]; exclude: string[] };
}

export function ConflictsScreen({ reviewId, setup, keywords }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { stage } = setup;
  const [tab, setTab] = useState<Tab>("open");
  const open = useQuery(trpc.screening.conflicts.queryOptions({ reviewId, stage, status: "open" }, { staleTime: 0 }));
  // Other tabs load when first shown; their counts come from the progress counts meanwhile.
  const other = useQuery({
    ...trpc.screening.conflicts.queryOptions({ reviewId, stage, status: tab === "open" ? "resolved" : tab }, { staleTime: 0 }),
    enabled: tab !== "open",
  });
  const progress = useQuery(trpc.screening.progress.queryOptions({ reviewId, stage }, { staleTime: 0 }));
  const matcher = useMemo(() => keywordMatcher(keywords.include, keywords.exclude), [keywords.include, keywords.exclude]);
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
  const counts: Record<Tab, number | null> = {
    open: open.data ? openList.length : (byStatus?.open ?? null),
    resolved: byStatus?.resolved ?? null,
    withdrawn: byStatus?.withdrawn ?? null,
  };
  const current = tab === "open" ? open : other;

  return (
    <>
      {success && (
        <div className="alert alert-success" role="status" tabIndex={-1} ref={successRef}>
          {success}
        </div>
      )}
      <TabList label="Conflicts" tabs={TABS} labels={TAB_LABELS} counts={counts} selected={tab} onSelect={setTab} />
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {current.isPending ? (
          <p className="muted">Loading conflicts…</p>
        ) : current.isError ? (
          <ErrorAlert message={current.error.message} />
        ) : tab === "open" ? (
          openList.length === 0 ? (
            <p className="empty muted">No open conflicts at this stage.</p>
          ) : (
            openList.map((conflict) => (
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
        ) : tab === "resolved" ? (
          <ResolvedConflicts conflicts={current.data} />
        ) : (
          <WithdrawnConflicts conflicts={current.data} />
        )}
      </div>
    </>
  );
}
