"use client";
import {
  type AppraisalAnswers,
  effectiveVariant,
  switchVariant,
  type ToolDefinition,
} from "@/server/api/contract/appraisal";

interface Props {
  tool: ToolDefinition;
  answers: AppraisalAnswers;
  readOnly: boolean;
  onChange: (answers: AppraisalAnswers) => void;
}

/** The effect the review assesses for this result (RoB 2's domain 2 variant), chosen before that domain's questions. */
export function VariantField({ tool, answers, readOnly, onChange }: Props) {
  const variants = tool.variants;
  if (!variants) return null;
  const current = effectiveVariant(tool, answers.variant);
  return (
    <section className="domain">
      <div className="field">
        <label htmlFor="variant">
          {variants.prompt} ({variants.domainId})
        </label>
        <select
          id="variant"
          value={current}
          disabled={readOnly}
          onChange={(e) => {
            const next = switchVariant(tool, answers, { variant: e.target.value });
            const cleared = Object.keys(answers.responses).length - Object.keys(next.responses).length;
            if (
              cleared > 0 &&
              !window.confirm(
                `Switching clears your ${cleared} answers to ${variants.domainId} questions the two variants word differently. Switch?`,
              )
            )
              return;
            onChange(next);
          }}
        >
          {variants.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <p className="small muted">Chosen per result; {variants.domainId}&apos;s questions and algorithm follow it.</p>
    </section>
  );
}
