"use client";
import { useEffect, useEffectEvent, useMemo, useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { TabList } from "@/app/_components/tab-list";
import { keywordMatcher } from "@/app/(workspace)/r/[slug]/screening/highlight";
import type { StageSetup } from "@/app/(workspace)/r/[slug]/screening/screening-types";
import { isTyping } from "@/app/(workspace)/r/[slug]/screening/use-decision-draft";
import { LiveStatus } from "../_live/live-status";
import { useLiveReview } from "../_live/use-live-review";
import { OpenConflict } from "./open-conflict";
import { ResolvedConflicts } from "./resolved-conflicts";
import { type ConflictTab, useConflicts } from "./use-conflicts";
import { WithdrawnConflicts } from "./withdrawn-conflicts";

/** Moving between conflicts; not among the screening keys, which choose the decision. */
const NEXT_KEY = "J";
const PREVIOUS_KEY = "K";

const TABS: ConflictTab[] = ["open", "resolved", "withdrawn"];
const TAB_LABELS: Record<ConflictTab, string> = { open: "Open", resolved: "Resolved", withdrawn: "Withdrawn" };

interface Props {
  reviewId: string;
  setup: StageSetup;
  keywords: { include: string[]; exclude: string[] };
}

export function ConflictsScreen({ reviewId, setup, keywords }: Props) {
  const { tab, setTab, counts, current, openList, onResolved, success, successRef } = useConflicts(
    reviewId,
    setup.stage,
  );
  // New conflicts appear, and ones the reviewers settled leave, as the team decides.
  const live = useLiveReview(reviewId);
  const matcher = useMemo(
    () => keywordMatcher(keywords.include, keywords.exclude),
    [keywords.include, keywords.exclude],
  );
  // The conflict the keys act on, by place: when one is resolved, the next slides into its place.
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(openList.length - 1, 0));

  function moveTo(index: number) {
    const target = openList[index];
    if (!target) return;
    setActiveIndex(index);
    const card = document.getElementById(`conflict-${target.id}`);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: "start" });
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (tab !== "open" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toUpperCase();
    if (key === NEXT_KEY) moveTo(active + 1);
    else if (key === PREVIOUS_KEY) moveTo(active - 1);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <>
      <SuccessAlert tabIndex={-1} ref={successRef}>
        {success}
      </SuccessAlert>
      <div className="live-bar">
        <LiveStatus state={live} />
      </div>
      <TabList label="Conflicts" tabs={TABS} labels={TAB_LABELS} counts={counts} selected={tab} onSelect={setTab} />
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {current.isPending ? (
          <p className="muted">Loading conflicts…</p>
        ) : current.isError ? (
          <ErrorAlert>{current.error.message}</ErrorAlert>
        ) : tab === "open" ? (
          openList.length === 0 ? (
            <EmptyState>No open conflicts at this stage.</EmptyState>
          ) : (
            <>
              <p className="muted small shortcut-help conflict-keys">
                Keys: <kbd>{NEXT_KEY}</kbd> next conflict, <kbd>{PREVIOUS_KEY}</kbd> previous, <kbd>I</kbd> include,{" "}
                <kbd>E</kbd> exclude, <kbd>1</kbd>–<kbd>9</kbd> reason, <kbd>N</kbd> note, <kbd>Esc</kbd> leave the
                note, <kbd>Enter</kbd> resolve. They act on the outlined conflict.
              </p>
              {openList.map((conflict, i) => (
                <OpenConflict
                  key={conflict.id}
                  reviewId={reviewId}
                  setup={setup}
                  conflict={conflict}
                  matcher={matcher}
                  onResolved={onResolved}
                  active={i === active}
                  onActivate={() => setActiveIndex(i)}
                />
              ))}
            </>
          )
        ) : tab === "resolved" ? (
          <ResolvedConflicts reviewId={reviewId} setup={setup} conflicts={current.data} />
        ) : (
          <WithdrawnConflicts conflicts={current.data} />
        )}
      </div>
    </>
  );
}
