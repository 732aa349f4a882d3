import type { StageSettings } from "@/server/api/contract/reviews";
import type { Stage } from "@/server/shared/stages";

/** Full-text exclusions always need a reason, so that box is shown ticked and cannot be changed. */
export function StageSettingsFields({ stage, settings }: { stage: Stage; settings: StageSettings }) {
  const fullText = stage === "full_text";
  return (
    <>
      <div className="field">
        <label htmlFor={`${stage}-reviewers`}>Reviewers per record</label>
        <input
          id={`${stage}-reviewers`}
          name={`${stage}.reviewersPerRecord`}
          type="number"
          min={1}
          max={10}
          step={1}
          required
          defaultValue={settings.reviewersPerRecord}
          aria-describedby={`${stage}-reviewers-hint`}
        />
        <span id={`${stage}-reviewers-hint`} className="hint">
          How many people screen each record independently (1–10).
        </span>
      </div>
      <div className="check">
        <input
          id={`${stage}-blinded`}
          name={`${stage}.blinded`}
          type="checkbox"
          defaultChecked={settings.blinded}
          aria-describedby={`${stage}-blinded-hint`}
        />
        <label htmlFor={`${stage}-blinded`}>Blinded</label>
        <span id={`${stage}-blinded-hint`} className="hint">
          Reviewers do not see each other&apos;s decisions.
        </span>
      </div>
      <div className="check">
        <input
          id={`${stage}-reason-required`}
          name={`${stage}.reasonRequired`}
          type="checkbox"
          defaultChecked={fullText || settings.reasonRequired}
          disabled={fullText}
        />
        <label htmlFor={`${stage}-reason-required`}>Exclusion reason required</label>
        {fullText && (
          <span className="hint">Always required at full text: PRISMA reports a reason for each exclusion.</span>
        )}
      </div>
      <div className="check">
        <input
          id={`${stage}-prioritise`}
          name={`${stage}.prioritise`}
          type="checkbox"
          defaultChecked={settings.prioritise ?? stage === "title_abstract"}
          aria-describedby={`${stage}-prioritise-hint`}
        />
        <label htmlFor={`${stage}-prioritise`}>Likely relevant first</label>
        <span id={`${stage}-prioritise-hint`} className="hint">
          Each screener gets the records their ranking model rates likeliest to be included first. The model learns from
          their own decisions and from records whose outcome they may see, and retrains as they screen.
        </span>
      </div>
      <div className="check">
        <input
          id={`${stage}-show-relevance`}
          name={`${stage}.showRelevance`}
          type="checkbox"
          defaultChecked={settings.showRelevance ?? true}
          aria-describedby={`${stage}-show-relevance-hint`}
        />
        <label htmlFor={`${stage}-show-relevance`}>Show relevance scores to screeners</label>
        <span id={`${stage}-show-relevance-hint`} className="hint">
          Untick to keep the score from anchoring decisions (the order still follows the ranking).
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${stage}-decision-delay`}>Pause before a key decides (ms)</label>
        <input
          id={`${stage}-decision-delay`}
          name={`${stage}.decisionDelayMs`}
          type="number"
          min={0}
          max={2000}
          step={50}
          required
          defaultValue={settings.decisionDelayMs ?? 300}
          aria-describedby={`${stage}-decision-delay-hint`}
        />
        <span id={`${stage}-decision-delay-hint`} className="hint">
          Decision keys pressed sooner after a new record appears are ignored, so a double press cannot decide the next
          record unread (0–2,000; 300 by default).
        </span>
      </div>
      <div className="check">
        <input
          id={`${stage}-independent-adjudication`}
          name={`${stage}.independentAdjudication`}
          type="checkbox"
          defaultChecked={settings.independentAdjudication ?? false}
          aria-describedby={`${stage}-independent-adjudication-hint`}
        />
        <label htmlFor={`${stage}-independent-adjudication`}>A third person resolves conflicts</label>
        <span id={`${stage}-independent-adjudication-hint`} className="hint">
          A lead may not resolve a conflict on a record they decided themselves; another lead does.
        </span>
      </div>
    </>
  );
}

export function ExclusionReasonsField({ stage, reasons }: { stage: Stage; reasons: string[] }) {
  return (
    <div className="field">
      <label htmlFor={`${stage}-reasons`}>Exclusion reasons</label>
      <textarea
        id={`${stage}-reasons`}
        name={`${stage}.reasons`}
        rows={Math.max(4, reasons.length + 1)}
        defaultValue={reasons.join("\n")}
        aria-describedby={`${stage}-reasons-hint`}
      />
      <span id={`${stage}-reasons-hint`} className="hint">
        One per line, in the order reviewers will see them.
      </span>
    </div>
  );
}

export function readStageSettings(form: FormData, stage: Stage): StageSettings {
  return {
    reviewersPerRecord: Number(form.get(`${stage}.reviewersPerRecord`)),
    blinded: form.get(`${stage}.blinded`) === "on",
    reasonRequired: stage === "full_text" || form.get(`${stage}.reasonRequired`) === "on",
    prioritise: form.get(`${stage}.prioritise`) === "on",
    showRelevance: form.get(`${stage}.showRelevance`) === "on",
    decisionDelayMs: Number(form.get(`${stage}.decisionDelayMs`) ?? 300),
    independentAdjudication: form.get(`${stage}.independentAdjudication`) === "on",
  };
}

export function readReasons(form: FormData, stage: Stage): string[] {
  return String(form.get(`${stage}.reasons`) ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}
