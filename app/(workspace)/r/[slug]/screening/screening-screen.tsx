"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from "react";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import { DecisionPanel, draftFor, type Draft } from "./decision-panel";
import { keywordMatcher } from "./highlight";
import { MyDecisions } from "./my-decisions";
import { RecordView } from "./record-view";
import { RelevanceNote } from "./relevance-note";
import { conflictsPath, ScreeningProgressPanel, TeamProgressText, useScreeningProgress } from "./screening-progress";
import type { ScreeningItem, StageSetup, Verdict } from "./screening-types";
import { useScreeningQueue } from "./use-screening-queue";
import { VerdictBadge } from "./verdict-badge";

/** Keys typed into a text field are text, not commands; radio buttons and buttons are not text fields. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("textarea, select, [contenteditable]")) return true;
  return target instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit", "reset"].includes(target.type);
}

interface Props {
  reviewId: string;
  slug: string;
  setup: StageSetup;
  keywords: { include: string[]; exclude: string[] };
  canResolve: boolean;
  /** Replaces the title and abstract, e.g. by the record's full text at the full-text stage. */
  renderRecord?: (item: ScreeningItem) => ReactNode;
}

/** One record at a time, decided from the keyboard; the next one is already loaded when a decision is made. */
export function ScreeningScreen({ reviewId, slug, setup, keywords, canResolve, renderRecord }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useScreeningQueue(reviewId, setup.stage);
  const { current } = queue;
  const matcher = useMemo(() => keywordMatcher(keywords.include, keywords.exclude), [keywords.include, keywords.exclude]);
  const [stored, setDraft] = useState<Draft>(() => draftFor(null));
  // A new record on screen starts a fresh draft (or the reviewer's earlier decision, when reopened).
  const draft = stored.recordId === (current?.record.id ?? null) ? stored : draftFor(current);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const reasonsRef = useRef<HTMLFieldSetElement>(null);
  const topRef = useRef<HTMLDivElement>(null);

  function update(patch: Partial<Draft>) {
    setDraft({ ...draft, ...patch });
  }

  useEffect(() => {
    if (draft.awaitingReason) reasonsRef.current?.focus();
  }, [draft.awaitingReason]);

  // A long abstract may have been scrolled; the next record starts at its title.
  const currentId = current?.record.id ?? null;
  useEffect(() => {
    const top = topRef.current;
    if (currentId && top && top.getBoundingClientRect().top < 0) top.scrollIntoView({ block: "start" });
  }, [currentId]);

  function send(verdict: Verdict, reasonId: string | null) {
    // The reason list had focus while it waited for a digit; the next record starts with nothing focused.
    if (reasonsRef.current?.contains(document.activeElement) && document.activeElement instanceof HTMLElement) {
      document.activeElement.blur();
    }
    queue.send(verdict, reasonId, draft.note);
    void queryClient.invalidateQueries({ queryKey: trpc.screening.agreement.pathKey() });
  }

  function decide(verdict: Verdict) {
    if (!current) return;
    if (verdict !== "exclude") return send(verdict, null);
    if (setup.reasonRequired && !draft.reasonId && setup.reasons.length > 0) return update({ awaitingReason: true });
    send("exclude", draft.reasonId);
  }

  function pickReason(index: number) {
    const reason = setup.reasons[index];
    if (!reason) return;
    if (draft.awaitingReason) return send("exclude", reason.id);
    update({ reasonId: draft.reasonId === reason.id && !setup.reasonRequired ? null : reason.id });
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      if (isTyping(event.target) && event.target instanceof HTMLElement) event.target.blur();
      else if (draft.awaitingReason) update({ awaitingReason: false });
      else return;
      event.preventDefault();
      return;
    }
    if (event.repeat || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "z") queue.undoLast();
    else if (!current) return;
    else if (key === "i") decide("include");
    else if (key === "e") decide("exclude");
    else if (key === "m") decide("maybe");
    else if (/^[1-9]$/.test(key)) pickReason(Number(key) - 1);
    else if (key === "n") noteRef.current?.focus();
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
      <ScreeningProgressPanel reviewId={reviewId} stage={setup.stage} slug={slug} canScreen canResolve={canResolve} />
      <ErrorAlert message={queue.error} />
      <p className="visually-hidden" role="status">
        {queue.status}
      </p>
      <div className="screening-toolbar" ref={topRef}>
        <p className="small last-decision">
          {queue.last ? (
            <>
              Last: <VerdictBadge verdict={queue.last.verdict} /> <span className="muted">{queue.last.title}</span>
            </>
          ) : (
            <span className="muted">Decide with the keys shown on the buttons.</span>
          )}
        </p>
        <button type="button" className="btn btn-secondary btn-small" aria-keyshortcuts="Z" onClick={queue.undoLast}>
          Undo last decision <kbd>Z</kbd>
        </button>
      </div>
      <RelevanceNote reviewId={reviewId} stage={setup.stage} recordId={currentId} />
      {matcher && <KeywordLegend />}
      {current ? (
        <div className={renderRecord ? "screening-grid with-document" : "screening-grid"}>
          <article className="card screen-record" aria-labelledby="record-title">
            {renderRecord ? renderRecord(current) : <RecordView record={current.record} matcher={matcher} />}
          </article>
          <DecisionPanel
            setup={setup}
            item={current}
            draft={draft}
            showOthers={!setup.blinded}
            onDecide={decide}
            onReason={(reasonId) => update({ reasonId })}
            onNote={(note) => update({ note })}
            onLeave={queue.leaveUnchanged}
            noteRef={noteRef}
            reasonsRef={reasonsRef}
          />
        </div>
      ) : !queue.loaded || queue.busy ? (
        <p className="card muted screening-loading">Loading the next record…</p>
      ) : (
        <NothingLeft reviewId={reviewId} setup={setup} slug={slug} canResolve={canResolve} onCheck={queue.checkAgain} />
      )}
      <MyDecisions reviewId={reviewId} setup={setup} currentId={currentId} onOpen={queue.reopen} />
    </>
  );
}

function KeywordLegend() {
  return (
    <p className="small muted keyword-legend">
      Highlighted: <mark className="kw kw-include">inclusion keywords</mark>{" "}
      <mark className="kw kw-exclude">exclusion keywords</mark>
    </p>
  );
}

interface NothingLeftProps {
  reviewId: string;
  setup: StageSetup;
  slug: string;
  canResolve: boolean;
  onCheck: () => void;
}

function NothingLeft({ reviewId, setup, slug, canResolve, onCheck }: NothingLeftProps) {
  const progress = useScreeningProgress(reviewId, setup.stage).data;
  if (progress && progress.total === 0 && setup.stage === "full_text") {
    return (
      <div className="card empty">
        <p>No full texts are retrieved yet: records reach this stage once they are included at title/abstract and their PDF or link is added.</p>
        <p>
          <Link href={`/r/${slug}/full-text`}>Retrieve full texts</Link>
        </p>
      </div>
    );
  }
  if (progress && progress.total === 0) {
    return (
      <div className="card empty">
        <p>There are no records to screen yet.</p>
        {canResolve && (
          <p>
            <Link href={`/r/${slug}/import`}>Import records</Link>
          </p>
        )}
      </div>
    );
  }
  const waiting = progress?.mine.remaining ?? 0;
  return (
    <div className="card empty">
      <p>
        <strong>Nothing is left for you to screen at this stage.</strong>
      </p>
      {waiting > 0 && (
        <p className="muted">
          Other reviewers are screening the remaining {plural(waiting, "record")}; any they leave will come back here.
        </p>
      )}
      {progress && (
        <p>
          <TeamProgressText progress={progress} slug={slug} canResolve={canResolve} />.
        </p>
      )}
      <div className="form-actions empty-actions">
        <button type="button" className="btn btn-secondary" onClick={onCheck}>
          Check again
        </button>
        {canResolve && (
          <Link className="btn btn-secondary" href={conflictsPath(slug, setup.stage)}>
            Go to Conflicts
          </Link>
        )}
      </div>
    </div>
  );
}
