"use client";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import { asChosen, skippedQuestions, type ToolName } from "@/server/api/contract/appraisal";
import { DomainFields } from "./domain-fields";
import { JudgementBadge } from "./judgement-badge";
import { DesignField, VariantField } from "./tool-choice-fields";
import { type StoredAppraisal, useAppraisalAnswers } from "./use-appraisal-answers";

interface Props {
  reviewId: string;
  toolName: ToolName;
  appraisal: StoredAppraisal;
  consensus?: boolean;
  onSettled: () => void;
}

const SAVE_STATE_TEXT = {
  saved: "All changes saved.",
  saving: "Saving…",
  unsaved: "Unsaved changes…",
  error: "",
} as const;

/** An appraisal's questions by domain, saved as they are answered; completing it (or the consensus) ends it. */
export function AppraisalForm({ reviewId, toolName, appraisal, consensus = false, onSettled }: Props) {
  const form = useAppraisalAnswers(reviewId, toolName, appraisal, onSettled);
  const { tool, answers, assessment, state, change } = form;
  const completed = appraisal.completedAt !== null;
  // In an archived review an appraisal is read as it stands, finished or not.
  const writable = useMayChange("reviewer");
  const readOnly = completed || !writable;
  const overall = assessment.overall;
  const domains = asChosen(tool, answers).domains;
  // Conditional questions come and go as the answers they depend on change, as the guidance routes them.
  const skipped = skippedQuestions(domains, answers.responses);
  const caution = overall && tool.overallCaution?.(assessment.domains.map((d) => d.final));
  return (
    <div>
      <div className="panel-heading">
        <p className="save-state" role="status" aria-live="polite">
          {completed
            ? consensus
              ? "Consensus recorded."
              : "Completed."
            : writable
              ? SAVE_STATE_TEXT[state.kind]
              : "In progress."}
        </p>
        {overall && <JudgementBadge tool={tool} value={overall.final} prefix="Overall: " />}
      </div>
      {form.waitingForReason && (
        <p className="small muted" role="status">
          Give the reason for the override; your answers are saved once it is there.
        </p>
      )}
      {state.kind === "error" && (
        <ErrorAlert>
          <p>{state.message}</p>
          {state.stale && (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => window.location.reload()}>
              Reload the latest answers
            </button>
          )}
        </ErrorAlert>
      )}
      {appraisal.setAside && appraisal.setAside.length > 0 && (
        <InfoAlert>
          <p>This appraisal was saved on an earlier version of the {tool.label} form. Set aside:</p>
          <ul>
            {appraisal.setAside.map((s) => (
              <li key={s.id}>{s.message}</li>
            ))}
          </ul>
        </InfoAlert>
      )}
      <DesignField tool={tool} answers={answers} readOnly={readOnly} onChange={change} />
      <VariantField tool={tool} answers={answers} readOnly={readOnly} onChange={change} />
      {domains.map((domain, i) => (
        <DomainFields
          key={domain.id}
          tool={tool}
          domain={domain}
          skipped={skipped}
          judgement={assessment.domains[i]!}
          answers={answers}
          readOnly={readOnly}
          onChange={change}
        />
      ))}
      {overall && (
        <DomainFields
          tool={tool}
          domain={null}
          title="Overall judgement"
          caution={caution ?? undefined}
          judgement={overall}
          answers={answers}
          readOnly={readOnly}
          onChange={change}
        />
      )}
      <ErrorAlert>{form.completeError}</ErrorAlert>
      {writable && (
        <div className="form-actions">
          {readOnly ? (
            <button type="button" className="btn btn-secondary" disabled={form.reopening} onClick={form.reopen}>
              {consensus ? "Reopen the consensus" : "Reopen to change"}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={form.completing || form.stale}
              onClick={() => void form.finish()}
            >
              {consensus ? "Record consensus" : "Mark complete"}
            </button>
          )}
          {!readOnly && assessment.missing.length > 0 && (
            <span className="small muted">
              Still to judge: {assessment.missing.map((m) => (m === "overall" ? "overall" : m)).join(", ")}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
