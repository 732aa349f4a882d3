"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import { useStudyAction } from "./use-study-action";

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) && (target as HTMLInputElement).type !== "checkbox"))
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * The review's studies and the reports not in one, with what is ticked and the grouping done to it: make one
 * study of ticked reports (key g), merge ticked studies (m), split ticked reports off into a new study (s).
 * Editing needs `mayEdit` and, while full-text screening is blinded, the lead role (the server says which).
 */
export function useStudyGrouping(reviewId: string, mayEdit: boolean) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.studies.list.queryOptions({ reviewId }, { staleTime: 0 }));
  // While full-text screening is blinded the server refuses grouping to all but leads; the screen is then read-only.
  const canEdit = mayEdit && overview.data?.mayGroup === true;
  const actions = useStudyAction();
  const [ungroupedPicked, setUngroupedPicked] = useState<ReadonlySet<string>>(new Set());
  const [studiesPicked, setStudiesPicked] = useState<ReadonlySet<string>>(new Set());
  const [reportsPicked, setReportsPicked] = useState<ReadonlySet<string>>(new Set());
  const data = overview.data;

  function groupPicked() {
    if (ungroupedPicked.size === 0) return;
    actions.create.mutate(
      { reviewId, reportIds: [...ungroupedPicked] },
      {
        onSuccess: (s) => {
          setUngroupedPicked(new Set());
          actions.setMessage({ kind: "success", text: `Study ${s.label} made.` });
        },
      },
    );
  }
  function eachOwnStudy() {
    for (const id of ungroupedPicked) actions.create.mutate({ reviewId, reportIds: [id] });
    setUngroupedPicked(new Set());
  }
  function mergePicked() {
    const [targetId, ...sourceIds] = data?.studies.filter((s) => studiesPicked.has(s.id)).map((s) => s.id) ?? [];
    if (!targetId || sourceIds.length === 0) {
      actions.setMessage({
        kind: "error",
        text: "Tick two or more studies to merge; the first one ticked in the list keeps its name.",
      });
      return;
    }
    actions.merge.mutate(
      { reviewId, targetId, sourceIds },
      {
        onSuccess: () => {
          setStudiesPicked(new Set());
          actions.setMessage({ kind: "success", text: `${plural(sourceIds.length + 1, "study")} merged.` });
        },
      },
    );
  }
  function splitPicked() {
    const study = data?.studies.find((s) => s.reports.some((r) => reportsPicked.has(r.id)));
    const reportIds = study?.reports.filter((r) => reportsPicked.has(r.id)).map((r) => r.id) ?? [];
    if (!study || reportIds.length === 0) {
      actions.setMessage({ kind: "error", text: "Tick the reports to take out of a study into a new one." });
      return;
    }
    actions.split.mutate(
      { reviewId, studyId: study.id, reportIds },
      {
        onSuccess: (s) => {
          setReportsPicked(new Set());
          actions.setMessage({ kind: "success", text: `Split ${study.label}: new study ${s.label}.` });
        },
      },
    );
  }

  const handlers = useRef({ groupPicked, mergePicked, splitPicked });
  handlers.current = { groupPicked, mergePicked, splitPicked };
  useEffect(() => {
    if (!canEdit) return;
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const action = {
        g: handlers.current.groupPicked,
        m: handlers.current.mergePicked,
        s: handlers.current.splitPicked,
      }[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit]);

  return {
    overview,
    canEdit,
    actions,
    ungroupedPicked,
    toggleUngrouped: (id: string) => setUngroupedPicked((s) => toggled(s, id)),
    studiesPicked,
    toggleStudy: (id: string) => setStudiesPicked((s) => toggled(s, id)),
    reportsPicked,
    toggleReport: (id: string) => setReportsPicked((s) => toggled(s, id)),
    groupPicked,
    eachOwnStudy,
    mergePicked,
    splitPicked,
  };
}
