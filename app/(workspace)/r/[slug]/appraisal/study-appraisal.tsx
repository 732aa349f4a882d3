"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { isPerResult, type ResultRef, type ToolName, toolDefinition } from "@/server/api/contract/appraisal";
import { AppraisalForm } from "./appraisal-form";
import { ConsensusPanel } from "./consensus-panel";
import { ExtractionPrefillContext, ExtractionSource } from "./extraction-notes";
import { JudgementBadge } from "./judgement-badge";
import { type PaneReport, ReportPane } from "./report-pane";
import { AnotherResult, NameResult, ResultChooser } from "./result-picker";

interface Props {
  reviewId: string;
  slug: string;
  study: { id: string; label: string; reports: PaneReport[] };
  tool: ToolName;
  tools: ToolName[];
  canAppraise: boolean;
  canLead: boolean;
}

type View = "mine" | "consensus";

export function StudyAppraisal({ reviewId, slug, study, tool, tools, canAppraise, canLead }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const perResult = isPerResult(tool);
  const results = useQuery(
    trpc.appraisal.studyResults.queryOptions({ reviewId, studyId: study.id, tool }, { enabled: perResult }),
  );
  const [chosen, setChosen] = useState<ResultRef | null>(null);
  // Until one is chosen: the first result the member appraises, else the first the study reports, else none named.
  const firstResult = results.data?.results.find((r) => r.mine !== "not_started") ?? results.data?.results[0];
  const result: ResultRef | undefined = perResult
    ? (chosen ?? (firstResult ? { outcomeId: firstResult.outcomeId, timePoint: firstResult.timePoint } : undefined))
    : undefined;
  const key = { reviewId, studyId: study.id, tool, ...(result ? { result } : {}) };
  const mine = useQuery(
    trpc.appraisal.mine.queryOptions(key, { staleTime: 0, enabled: !perResult || results.isSuccess }),
  );
  const [view, setView] = useState<View>("mine");
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.appraisal.pathKey() });
  const start = useMutation(trpc.appraisal.start.mutationOptions({ onSuccess: refresh }));
  const definition = toolDefinition(tool);

  return (
    <>
      <nav className="tabs tool-tabs" aria-label="Tools">
        {tools.map((t) => (
          <Link
            key={t}
            href={`/r/${slug}/appraisal/${study.id}?tool=${t}`}
            aria-current={t === tool ? "page" : undefined}
            className={t === tool ? "active" : undefined}
          >
            {toolDefinition(t).label}
          </Link>
        ))}
      </nav>
      <div className="appraisal-layout">
        <div>
          {canLead && (
            <div className="stage-switch" role="group" aria-label="View">
              <button
                type="button"
                className={`btn btn-small ${view === "mine" ? "btn-primary" : "btn-secondary"}`}
                aria-pressed={view === "mine"}
                onClick={() => setView("mine")}
              >
                My appraisal
              </button>
              <button
                type="button"
                className={`btn btn-small ${view === "consensus" ? "btn-primary" : "btn-secondary"}`}
                aria-pressed={view === "consensus"}
                onClick={() => setView("consensus")}
              >
                Compare and consensus
              </button>
            </div>
          )}
          <p className="small muted">{definition.reference}</p>
          {perResult && results.data && (
            <div className="result-bar">
              <ResultChooser
                data={results.data}
                value={result ?? { outcomeId: null, timePoint: "" }}
                onChange={setChosen}
              />
              <AnotherResult data={results.data} onChoose={setChosen} />
            </div>
          )}
          {view === "consensus" && canLead ? (
            <ConsensusPanel
              key={`${result?.outcomeId}-${result?.timePoint}`}
              reviewId={reviewId}
              studyId={study.id}
              tool={tool}
              result={result}
              prefill={mine.data?.prefill ?? null}
            />
          ) : mine.isPending ? (
            <p className="muted">Loading…</p>
          ) : mine.isError ? (
            <ErrorAlert>{mine.error.message}</ErrorAlert>
          ) : (
            <>
              {mine.data.consensus && (
                <SuccessAlert>
                  <p>
                    The consensus is recorded{mine.data.consensus.assessment.overall ? ": " : "."}
                    {mine.data.consensus.assessment.overall && (
                      <JudgementBadge tool={definition} value={mine.data.consensus.assessment.overall.final} />
                    )}
                  </p>
                </SuccessAlert>
              )}
              {perResult &&
                results.data &&
                mine.data.mine &&
                result?.outcomeId == null &&
                (mine.data.mine.completedAt ? (
                  <p className="small" role="note">
                    This appraisal does not name the result it assesses yet. Reopen it to name the outcome and time
                    point.
                  </p>
                ) : (
                  <NameResult
                    reviewId={reviewId}
                    data={results.data}
                    appraisal={mine.data.mine}
                    onNamed={(named) => {
                      setChosen(named);
                      refresh();
                    }}
                  />
                ))}
              {mine.data.mine ? (
                <ExtractionPrefillContext.Provider value={mine.data.prefill}>
                  {mine.data.prefill && <ExtractionSource prefill={mine.data.prefill} />}
                  <AppraisalForm
                    key={`${mine.data.mine.id}-${mine.data.mine.completedAt ? "done" : "open"}-${mine.data.mine.version}`}
                    reviewId={reviewId}
                    toolName={tool}
                    appraisal={mine.data.mine}
                    onSettled={refresh}
                  />
                </ExtractionPrefillContext.Provider>
              ) : canAppraise ? (
                <EmptyState
                  card
                  actions={
                    <>
                      <button
                        type="button"
                        className="btn btn-primary"
                        disabled={start.isPending}
                        onClick={() => start.mutate(key)}
                      >
                        Start {definition.label} appraisal
                      </button>
                      <ErrorAlert>{start.error?.message}</ErrorAlert>
                    </>
                  }
                >
                  You have not appraised {study.label}
                  {result?.outcomeId
                    ? ` for ${results.data?.results.find((r) => r.outcomeId === result.outcomeId && r.timePoint === result.timePoint)?.label ?? "this result"}`
                    : ""}{" "}
                  with {definition.label} yet. Your answers stay hidden from other appraisers until the consensus.
                  {mine.data.prefill &&
                    " Questions the consensus extraction already answers start filled in; you can change them."}
                </EmptyState>
              ) : (
                <p className="muted">Observers see the recorded consensus here once there is one.</p>
              )}
            </>
          )}
        </div>
        <ReportPane reports={study.reports} />
      </div>
    </>
  );
}
