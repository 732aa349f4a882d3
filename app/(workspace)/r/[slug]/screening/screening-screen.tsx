"use client";
import { type ReactNode, useEffect, useMemo, useRef } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { RoundFinished, RoundProgress } from "./calibration/round-progress";
import { DecisionPanel } from "./decision-panel";
import { keywordMatcher } from "./highlight";
import { MyDecisions } from "./my-decisions";
import { NothingLeft } from "./nothing-left";
import { RecordView } from "./record-view";
import { RelevanceNote } from "./relevance-note";
import { ScreeningProgressPanel } from "./screening-progress";
import type { ScreeningItem, StageSetup } from "./screening-types";
import { TeamPanel } from "./team-panel";
import { useDecisionDraft } from "./use-decision-draft";
import { useScreeningQueue } from "./use-screening-queue";
import { VerdictBadge } from "./verdict-badge";

interface Props {
  reviewId: string;
  slug: string;
  setup: StageSetup;
  keywords: { include: string[]; exclude: string[] };
  canResolve: boolean;
  /** Replaces the title and abstract, e.g. by the record's full text at the full-text stage. */
  renderRecord?: (item: ScreeningItem) => ReactNode;
  /** Screens this calibration round's records instead: practice decisions, with nothing of the team's shown. */
  roundId?: string;
}

/** One record at a time, decided from the keyboard; the next one is already loaded when a decision is made. */
export function ScreeningScreen({ reviewId, slug, setup, keywords, canResolve, renderRecord, roundId }: Props) {
  const queue = useScreeningQueue(reviewId, setup.stage, roundId);
  const { current } = queue;
  const { draft, update, decide, noteRef, reasonsRef, ready, readyAnnouncement } = useDecisionDraft(queue, setup);
  const matcher = useMemo(
    () => keywordMatcher(keywords.include, keywords.exclude),
    [keywords.include, keywords.exclude],
  );
  const topRef = useRef<HTMLDivElement>(null);

  // A long abstract may have been scrolled past, or on a phone the page's heading and progress push the record
  // below the fold, under the decision buttons: either way the record on screen starts at its title.
  const currentId = current?.record.id ?? null;
  useEffect(() => {
    const top = topRef.current;
    if (!currentId || !top) return;
    const at = top.getBoundingClientRect().top;
    if (at < 0 || at > window.innerHeight / 2) top.scrollIntoView({ block: "start" });
  }, [currentId]);

  return (
    <>
      {roundId ? (
        <RoundProgress reviewId={reviewId} roundId={roundId} />
      ) : (
        <ScreeningProgressPanel reviewId={reviewId} stage={setup.stage} slug={slug} canScreen canResolve={canResolve} />
      )}
      <p className="visually-hidden" role="status">
        {queue.status}
      </p>
      <p className="visually-hidden" role="status">
        {readyAnnouncement}
      </p>
      {/* Scrolled to with each new record: a refusal's message stays in view above the record it brings back. */}
      <div className="screening-top" ref={topRef}>
        <ErrorAlert>{queue.error}</ErrorAlert>
        <div className="screening-toolbar">
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
      </div>
      {!roundId && <RelevanceNote reviewId={reviewId} stage={setup.stage} recordId={currentId} />}
      {matcher && <KeywordLegend />}
      {current ? (
        <div className={renderRecord ? "screening-grid with-document" : "screening-grid"}>
          <article className="card screen-record" aria-labelledby="record-title">
            {renderRecord ? renderRecord(current) : <RecordView record={current.record} matcher={matcher} />}
          </article>
          <div className="screening-side">
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
              ready={ready}
              canLead={canResolve}
            />
            {!roundId && (
              <TeamPanel reviewId={reviewId} slug={slug} recordId={current.record.id} canLead={canResolve} />
            )}
          </div>
        </div>
      ) : !queue.loaded || queue.busy ? (
        <p className="card muted screening-loading">Loading the next record…</p>
      ) : roundId ? (
        <RoundFinished reviewId={reviewId} roundId={roundId} slug={slug} />
      ) : (
        <NothingLeft reviewId={reviewId} setup={setup} slug={slug} canResolve={canResolve} onCheck={queue.checkAgain} />
      )}
      {!roundId && (
        <MyDecisions
          reviewId={reviewId}
          setup={setup}
          currentId={currentId}
          canLead={canResolve}
          onOpen={queue.reopen}
        />
      )}
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
