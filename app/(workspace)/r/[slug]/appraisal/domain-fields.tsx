"use client";
import {
  type AppraisalAnswers,
  type DomainDefinition,
  type Judgement,
  OPTION_LABELS,
  type ToolDefinition,
} from "@/server/api/contract/appraisal";
import { ExtractedFacts, QuestionSource } from "./extraction-notes";
import { JudgementBadge } from "./judgement-badge";

interface Props {
  tool: ToolDefinition;
  domain: DomainDefinition | null;
  /** For the overall judgement, which has no questions of its own. */
  title?: string;
  judgement: Judgement;
  /** Questions whose printed condition the answers do not meet: not asked, so not shown. */
  skipped?: ReadonlySet<string>;
  /** A case the tool leaves to the appraiser, said under the proposal. */
  caution?: string;
  answers: AppraisalAnswers;
  readOnly: boolean;
  onChange: (answers: AppraisalAnswers) => void;
}

/** One domain: its signalling questions, the judgement the algorithm proposes, an override with its reason, and support. */
export function DomainFields({ tool, domain, title, judgement, skipped, caution, answers, readOnly, onChange }: Props) {
  const id = domain?.id ?? "overall";
  const override = answers.overrides[id];
  // Where the guidance maps only some answers to a judgement (ROBINS-I's confounding), the rest are the appraiser's.
  const unproposed = domain && !judgement.proposed ? (domain.unproposed?.(answers.responses) ?? null) : null;
  const appraiserJudges = domain !== null && (!domain.propose || unproposed !== null);
  const setResponse = (questionId: string, value: string) =>
    onChange({ ...answers, responses: { ...answers.responses, [questionId]: value } });
  const setOverride = (next: { judgement: string; reason: string } | null) => {
    const overrides = { ...answers.overrides };
    if (next) overrides[id] = next;
    else delete overrides[id];
    onChange({ ...answers, overrides });
  };
  return (
    <section className="domain" aria-labelledby={`domain-${id}`}>
      <div className="domain-head">
        <h3 id={`domain-${id}`}>
          {domain ? `${domain.id === domain.short ? domain.id : domain.short}. ${domain.label}` : title}
        </h3>
        <JudgementBadge tool={tool} value={judgement.final} />
      </div>
      {domain && <ExtractedFacts domainId={domain.id} />}
      {domain?.questions
        .filter((question) => !skipped?.has(question.id))
        .map((question) => (
          <fieldset key={question.id} className="question" disabled={readOnly}>
            <legend>
              <strong>{question.id}</strong> {question.text}
            </legend>
            {question.note && <p className="small muted question-note">{question.note}</p>}
            <div className="options">
              {question.options.map((option) => (
                <label key={option} title={OPTION_LABELS[option] ?? option}>
                  <input
                    type="radio"
                    name={`q-${question.id}`}
                    value={option}
                    checked={answers.responses[question.id] === option}
                    onChange={() => setResponse(question.id, option)}
                  />
                  {OPTION_LABELS[option] ? (option.length <= 2 ? option : OPTION_LABELS[option]) : option}
                </label>
              ))}
              {answers.responses[question.id] && !readOnly && (
                <button type="button" className="link-button small" onClick={() => setResponse(question.id, "")}>
                  Clear
                </button>
              )}
            </div>
            <QuestionSource
              questionId={question.id}
              response={answers.responses[question.id]}
              readOnly={readOnly}
              onUse={(answer) => setResponse(question.id, answer)}
            />
          </fieldset>
        ))}
      <p className="small muted">
        {judgement.proposed ? (
          <>
            {domain?.propose || !domain ? "Proposed by the tool's algorithm" : "Proposed"}:{" "}
            <JudgementBadge tool={tool} value={judgement.proposed} />
          </>
        ) : domain && !domain.propose ? (
          "The guidance gives no algorithm for this domain: choose the judgement below."
        ) : unproposed ? (
          unproposed
        ) : (
          "Answer the questions the algorithm needs and it proposes a judgement."
        )}
      </p>
      {caution && (
        <p className="small" role="note">
          {caution}
        </p>
      )}
      <details className="override" open={Boolean(override) || appraiserJudges}>
        <summary>
          {override ? "Judgement overridden" : appraiserJudges ? "Judgement" : "Override the proposed judgement"}
        </summary>
        <div className="inline-form">
          <div className="field">
            <label htmlFor={`override-${id}`}>Judgement</label>
            <select
              id={`override-${id}`}
              disabled={readOnly}
              value={override?.judgement ?? ""}
              onChange={(e) =>
                setOverride(e.target.value ? { judgement: e.target.value, reason: override?.reason ?? "" } : null)
              }
            >
              <option value="">{judgement.proposed ? "Keep the proposal" : "Choose…"}</option>
              {tool.levels.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
          {override && (
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor={`reason-${id}`}>
                {judgement.proposed && judgement.proposed !== override.judgement
                  ? "Reason (required)"
                  : "Reason (optional)"}
              </label>
              <input
                id={`reason-${id}`}
                type="text"
                disabled={readOnly}
                value={override.reason}
                maxLength={2000}
                onChange={(e) => setOverride({ judgement: override.judgement, reason: e.target.value })}
              />
            </div>
          )}
        </div>
      </details>
      {domain && (
        <div className="field">
          <label htmlFor={`support-${id}`}>Supporting quote or note</label>
          <textarea
            id={`support-${id}`}
            disabled={readOnly}
            value={answers.support[id] ?? ""}
            maxLength={5000}
            onChange={(e) => onChange({ ...answers, support: { ...answers.support, [id]: e.target.value } })}
          />
        </div>
      )}
    </section>
  );
}
