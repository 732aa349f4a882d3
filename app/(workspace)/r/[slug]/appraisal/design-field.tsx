"use client";
import {
  type AppraisalAnswers,
  effectiveDesign,
  switchVariant,
  type ToolDefinition,
} from "@/server/api/contract/appraisal";

interface Props {
  tool: ToolDefinition;
  answers: AppraisalAnswers;
  readOnly: boolean;
  onChange: (answers: AppraisalAnswers) => void;
}

/** The trial's design (RoB 2: parallel, cluster-randomised, crossover), whose additional domains follow it. */
export function DesignField({ tool, answers, readOnly, onChange }: Props) {
  const designs = tool.designs;
  if (!designs) return null;
  const current = effectiveDesign(tool, answers.design);
  return (
    <section className="domain">
      <div className="field">
        <label htmlFor="design">{designs.prompt}</label>
        <select
          id="design"
          value={current}
          disabled={readOnly}
          onChange={(e) => {
            const next = switchVariant(tool, answers, { design: e.target.value });
            const cleared = Object.keys(answers.responses).length - Object.keys(next.responses).length;
            if (
              cleared > 0 &&
              !window.confirm(
                `Switching clears your ${cleared} answers to questions the other design does not ask. Switch?`,
              )
            )
              return;
            onChange(next);
          }}
        >
          {designs.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <p className="small muted">
        The guidance&apos;s additional considerations for cluster-randomised and crossover trials add their own domain
        after D1.
      </p>
    </section>
  );
}
