"use client";
import type { ReactNode } from "react";
import {
  type AppraisalAnswers,
  effectiveDesign,
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

interface ChoiceProps extends Props {
  id: "design" | "variant";
  label: ReactNode;
  options: readonly { id: string; label: string }[];
  current: string | undefined;
  /** What the confirmation says is cleared, after "Switching clears your N answers to". */
  clears: string;
  note: ReactNode;
}

/**
 * A choice an appraisal makes before its questions (the trial's design, the effect of interest): switching asks
 * first when it would clear answers to questions the other choice does not ask or words differently.
 */
function ToolChoice({ tool, answers, readOnly, onChange, id, label, options, current, clears, note }: ChoiceProps) {
  return (
    <section className="domain">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={current}
          disabled={readOnly}
          onChange={(e) => {
            const next = switchVariant(tool, answers, { [id]: e.target.value });
            const cleared = Object.keys(answers.responses).length - Object.keys(next.responses).length;
            if (cleared > 0 && !window.confirm(`Switching clears your ${cleared} answers to ${clears}. Switch?`))
              return;
            onChange(next);
          }}
        >
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <p className="small muted">{note}</p>
    </section>
  );
}

/** The trial's design (RoB 2: parallel, cluster-randomised, crossover), whose additional domains follow it. */
export function DesignField(props: Props) {
  const designs = props.tool.designs;
  if (!designs) return null;
  return (
    <ToolChoice
      {...props}
      id="design"
      label={designs.prompt}
      options={designs.options}
      current={effectiveDesign(props.tool, props.answers.design)}
      clears="questions the other design does not ask"
      note="The guidance's additional considerations for cluster-randomised and crossover trials add their own domain after D1."
    />
  );
}

/** The effect the review assesses for this result (RoB 2's domain 2 variant), chosen before that domain's questions. */
export function VariantField(props: Props) {
  const variants = props.tool.variants;
  if (!variants) return null;
  return (
    <ToolChoice
      {...props}
      id="variant"
      label={`${variants.prompt} (${variants.domainId})`}
      options={variants.options}
      current={effectiveVariant(props.tool, props.answers.variant)}
      clears={`${variants.domainId} questions the two variants word differently`}
      note={`Chosen per result; ${variants.domainId}'s questions and algorithm follow it.`}
    />
  );
}
