"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import {
  type AppraisalAnswers,
  assess,
  overridesNeedingReason,
  type SetAside,
  type ToolName,
  toolDefinition,
} from "@/server/api/contract/appraisal";

export interface StoredAppraisal {
  id: string;
  version: number;
  completedAt: Date | null;
  answers: AppraisalAnswers;
  /** Answers stored under an earlier version of the form that it no longer accepts. */
  setAside?: SetAside[];
}

export type SaveState = { kind: "saved" | "saving" | "unsaved" } | { kind: "error"; message: string; stale: boolean };

const AUTOSAVE_MS = 700;

/**
 * One appraisal's answers and their saving. Answers are saved as they are given (debounced), each save carrying
 * the version it was based on; if the server has a newer one, changes stop and the form offers to reload rather
 * than overwrite it.
 */
export function useAppraisalAnswers(
  reviewId: string,
  toolName: ToolName,
  appraisal: StoredAppraisal,
  onSettled: () => void,
) {
  const trpc = useTRPC();
  const tool = toolDefinition(toolName);
  const [answers, setAnswers] = useState<AppraisalAnswers>(appraisal.answers);
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const [completeError, setCompleteError] = useState<string | null>(null);
  const version = useRef(appraisal.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const assessment = useMemo(() => assess(tool, answers), [tool, answers]);

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
      const result = await save.mutateAsync({
        reviewId,
        appraisalId: appraisal.id,
        version: version.current,
        toolVersion: tool.version,
        answers: next,
      });
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
    complete.mutate(
      { reviewId, appraisalId: appraisal.id, version: version.current },
      { onError: (err) => setCompleteError(err.message) },
    );
  }

  function reopenIt() {
    reopen.mutate({ reviewId, appraisalId: appraisal.id }, { onError: (err) => setCompleteError(err.message) });
  }

  return {
    tool,
    answers,
    assessment,
    state,
    /** The answers cannot be sent yet: an override still needs its reason. */
    waitingForReason: state.kind === "unsaved" && !sendable(answers),
    /** Another save came first: the form stops until it is reloaded. */
    stale: state.kind === "error" && state.stale,
    completeError,
    completing: complete.isPending,
    reopening: reopen.isPending,
    change,
    finish,
    reopen: reopenIt,
  };
}
