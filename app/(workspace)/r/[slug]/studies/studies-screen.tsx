"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import { ReportLine } from "./report-line";
import { StudyCard } from "./study-card";
import { SuggestionsPanel } from "./suggestions-panel";
import { useStudyAction } from "./use-study-action";

interface Props {
  reviewId: string;
  slug: string;
  canEdit: boolean;
  canLead: boolean;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) && (target as HTMLInputElement).type !== "checkbox");
}

export function StudiesScreen({ reviewId, slug, canEdit: mayEdit, canLead }: Props) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.studies.list.queryOptions({ reviewId }, { staleTime: 0 }));
  // While full-text screening is blinded the server refuses grouping to all but leads; the screen is then read-only.
  const canEdit = mayEdit && overview.data?.mayGroup === true;
  const actions = useStudyAction();
  const [ungroupedPicked, setUngroupedPicked] = useState<ReadonlySet<string>>(new Set());
  const [studiesPicked, setStudiesPicked] = useState<ReadonlySet<string>>(new Set());
  const [reportsPicked, setReportsPicked] = useState<ReadonlySet<string>>(new Set());
  const messageRef = useRef<HTMLDivElement>(null);
  const data = overview.data;

  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  function groupPicked() {
    if (ungroupedPicked.size === 0) return;
    actions.create.mutate(
      { reviewId, reportIds: [...ungroupedPicked] },
      { onSuccess: (s) => (setUngroupedPicked(new Set()), actions.setMessage({ kind: "success", text: `Study ${s.label} made.` })) },
    );
  }
  function eachOwnStudy() {
    for (const id of ungroupedPicked) actions.create.mutate({ reviewId, reportIds: [id] });
    setUngroupedPicked(new Set());
  }
  function mergePicked() {
    const [targetId, ...sourceIds] = data?.studies.filter((s) => studiesPicked.has(s.id)).map((s) => s.id) ?? [];
    if (!targetId || sourceIds.length === 0) {
      actions.setMessage({ kind: "error", text: "Tick two or more studies to merge; the first one ticked in the list keeps its name." });
      return;
    }
    actions.merge.mutate(
      { reviewId, targetId, sourceIds },
      { onSuccess: () => (setStudiesPicked(new Set()), actions.setMessage({ kind: "success", text: `${plural(sourceIds.length + 1, "study")} merged.` })) },
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
      { onSuccess: (s) => (setReportsPicked(new Set()), actions.setMessage({ kind: "success", text: `Split ${study.label}: new study ${s.label}.` })) },
    );
  }

  const handlers = useRef({ groupPicked, mergePicked, splitPicked });
  handlers.current = { groupPicked, mergePicked, splitPicked };
  useEffect(() => {
    if (!canEdit) return;
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const action = { g: handlers.current.groupPicked, m: handlers.current.mergePicked, s: handlers.current.splitPicked }[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit]);

  useEffect(() => {
    if (actions.message) messageRef.current?.focus();
  }, [actions.message]);

  if (overview.isPending) return <p className="muted">Loading studies…</p>;
  if (overview.isError) return <div className="alert alert-error" role="alert">{overview.error.message}</div>;
  const { studies, ungrouped, suggestions, mayGroup } = data!;

  return (
    <div className="stack">
      {actions.message && (
        <div ref={messageRef} tabIndex={-1} className={`alert alert-${actions.message.kind}`} role={actions.message.kind === "error" ? "alert" : "status"}>
          {actions.message.text}
        </div>
      )}
      {canEdit && (
        <p className="shortcut-help small muted">
          Keyboard: tick with <kbd>Space</kbd>, then <kbd>g</kbd> groups ticked ungrouped reports, <kbd>m</kbd> merges ticked studies,{" "}
          <kbd>s</kbd> splits ticked reports into a new study.
        </p>
      )}
      {!mayGroup && (
        <div className="alert alert-info" role="status">
          Full-text screening is blinded, so the review&rsquo;s leads group the included reports into studies; the studies they make appear
          here.
        </div>
      )}
      {mayGroup && studies.length === 0 && ungrouped.length === 0 && (
        <div className="empty card">
          <p>
            <strong>No reports to group yet.</strong> Reports appear here once their records are included at full-text screening.
          </p>
        </div>
      )}
      <SuggestionsPanel reviewId={reviewId} suggestions={suggestions} studies={studies} actions={actions} canEdit={canEdit} />
      {ungrouped.length > 0 && (
        <section className="card" aria-labelledby="ungrouped-heading">
          <h2 id="ungrouped-heading">Reports not in a study ({ungrouped.length})</h2>
          <ul className="plain-list pick-list">
            {ungrouped.map((r) => (
              <li key={r.id}>
                <label className="pick">
                  {canEdit && <input type="checkbox" checked={ungroupedPicked.has(r.id)} onChange={() => setUngroupedPicked((s) => toggle(s, r.id))} />}
                  <ReportLine report={r} />
                </label>
              </li>
            ))}
          </ul>
          {canEdit && (
            <div className="form-actions">
              <button className="btn btn-primary btn-small" disabled={ungroupedPicked.size === 0} onClick={groupPicked}>
                {ungroupedPicked.size === 0 ? "Make one study of the ticked reports" : `Make one study of ${plural(ungroupedPicked.size, "ticked report")}`}
              </button>
              <button className="btn btn-secondary btn-small" disabled={ungroupedPicked.size === 0} onClick={eachOwnStudy}>
                Each ticked report is its own study
              </button>
            </div>
          )}
        </section>
      )}
      {studies.length > 0 && (
        <section aria-labelledby="studies-heading">
          <div className="panel-heading">
            <h2 id="studies-heading">Studies ({studies.length})</h2>
            {canEdit && (
              <div className="row-actions">
                <button className="btn btn-secondary btn-small" disabled={studiesPicked.size < 2} onClick={mergePicked}>
                  Merge ticked studies
                </button>
                <button className="btn btn-secondary btn-small" disabled={reportsPicked.size === 0} onClick={splitPicked}>
                  Split ticked reports off
                </button>
              </div>
            )}
          </div>
          <div className="stack">
            {studies.map((study) => (
              <StudyCard
                key={study.id}
                reviewId={reviewId}
                slug={slug}
                study={study}
                studies={studies}
                actions={actions}
                canEdit={canEdit}
                canLead={canLead}
                picked={studiesPicked.has(study.id)}
                onPick={() => setStudiesPicked((s) => toggle(s, study.id))}
                reportsPicked={reportsPicked}
                onPickReport={(id) => setReportsPicked((s) => toggle(s, id))}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
