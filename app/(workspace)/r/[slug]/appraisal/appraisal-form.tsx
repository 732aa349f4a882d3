"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { assess, overridesNeedingReason, type AppraisalAnswers } from "@/server/appraisal/answers";
import { toolDefinition } from "@/server/appraisal/tools";
import type { ToolName } from "@/server/appraisal/tools/types";
import { withVariant } from "@/server/appraisal/tools/variants";
import { useTRPC } from "@/app/_components/trpc";
import { DomainFields } from "./domain-fields";
import { JudgementBadge } from "./judgement-badge";
import { VariantField } from "./variant-field";

export interface StoredAppraisal {
  id: string;
  version: number;
  completedAt: Date | null;
  answers: AppraisalAnswers;
}

interface Props {
  reviewId: string;
  toolName: ToolName;
  appraisal: StoredAppraisal;
  consensus?: boolean;
  onSettled: () => void;
}

type SaveState = { kind: "saved" | "saving" | "unsaved" } | { kind: "error"; message: string; stale: boolean };

const AUTOSAVE_MS = 700;

/**
 * Answers are saved as they are given (debounced), each save carrying the version it was based on; if the
 * server has a newer one the form stops and offers to reload rather than overwrite it.
 */
export function AppraisalForm({ reviewId, toolName, appraisal, consensus = false, onSettled }: Props) {
  const trpc = useTRPC();
  const tool = toolDefinition(toolName);
  const [answers, setAnswers] = useState<AppraisalAnswers>(appraisal.answers);
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const [completeError, setCompleteError] = useState<string | null>(null);
  const version = useRef(appraisal.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const assessment = useMemo(() => assess(tool, answers), [tool, answers]);
  const readOnly = appraisal.completedAt !== null;

  const save = useMutation(trpc.appraisal.save.mutationOptions());
  const complete = useMutation(trpc.appraisal.complete.mutationOptions({ onSettled }));
  const reopen = useMutation(trpc.appraisal.reopen.mutationOptions({ onSettled }));

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  // An override waiting for its reason is kept on screen but not sent until the reason is there.
  const sendable = (a: AppraisalAnswers) => overridesNeedingReason(tool, a).length === 0;

  async function persist(next: AppraisalAnswers): Promise<boolean> {
    if (!sendable(next)) {
      setState({ kind: "unsaved" });
      return false;
    }
    setState({ kind: "saving" });
    try {
      const result = await save.mutateAsync({ reviewId, appraisalId: appraisal.id, version: version.current, toolVersion: tool.version, answers: next });
      version.current = result.version;
      setState({ kind: "saved" });
      return true;
    } catch (err) {
      const message = (err as { message: string }).message;
      const stale = (err as { data?: { appCode?: string } }).data?.appCode === "STALE";
      setState({ kind: "error", message, stale });
      return false;
    }
  }

  function change(next: AppraisalAnswers) {
    if (state.kind === "error" && state.stale) return;
    setAnswers(next);
    setState({ kind: "unsaved" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void persist(next), AUTOSAVE_MS);
  }

  async function finish() {
    setCompleteError(null);
    if (timer.current) clearTimeout(timer.current);
    if (state.kind !== "saved" && !(await persist(answers))) return;
    complete.mutate({ reviewId, appraisalId: appraisal.id, version: version.current }, { onError: (err) => setCompleteError(err.message) });
  }

  const overall = assessment.overall;
  return (
    <div>
      <div className="panel-heading">
        <p className="save-state" role="status" aria-live="polite">
          {readOnly
            ? consensus
              ? "Consensus recorded."
              : "Completed."
            : { saved: "All changes saved.", saving: "Saving…", unsaved: "Unsaved changes…", error: "" }[state.kind]}
        </p>
        {overall && <JudgementBadge tool={tool} value={overall.final} prefix="Overall: " />}
      </div>
      {state.kind === "unsaved" && !sendable(answers) && (
        <p className="small muted" role="status">
          Give the reason for the override; your answers are saved once it is there.
        </p>
      )}
      {state.kind === "error" && (
        <div className="alert alert-error" role="alert">
          <p>{state.message}</p>
          {state.stale && (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => window.location.reload()}>
              Reload the latest answers
            </button>
          )}
        </div>
      )}
      <VariantField tool={tool} answers={answers} readOnly={readOnly} onChange={change} />
      {withVariant(tool, answers.variant).domains.map((domain, i) => (
        <DomainFields key={domain.id} tool={tool} domain={domain} judgement={assessment.domains[i]!} answers={answers} readOnly={readOnly} onChange={change} />
      ))}
      {overall && (
        <DomainFields tool={tool} domain={null} title="Overall judgement" judgement={overall} answers={answers} readOnly={readOnly} onChange={change} />
      )}
      {completeError && (
        <div className="alert alert-error" role="alert">
          {completeError}
        </div>
      )}
      <div className="form-actions">
        {readOnly ? (
          <button type="button" className="btn btn-secondary" disabled={reopen.isPending} onClick={() => reopen.mutate({ reviewId, appraisalId: appraisal.id }, { onError: (err) => setCompleteError(err.message) })}>
            {consensus ? "Reopen the consensus" : "Reopen to change"}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={complete.isPending || (state.kind === "error" && state.stale)} onClick={() => void finish()}>
            {consensus ? "Record consensus" : "Mark complete"}
          </button>
        )}
        {!readOnly && assessment.missing.length > 0 && (
          <span className="small muted">Still to judge: {assessment.missing.map((m) => (m === "overall" ? "overall" : m)).join(", ")}</span>
        )}
      </div>
    </div>
  );
}
