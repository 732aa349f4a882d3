"use client";
// What the consensus extraction says about the study, beside the validity questions it pre-fills, so the
// appraiser sees where each pre-filled answer came from and can go back to it after changing it.
import type { inferRouterOutputs } from "@trpc/server";
import { createContext, useContext } from "react";
import { OPTION_LABELS } from "@/server/api/contract/appraisal";
import type { AppRouter } from "@/server/api/root";

export type ExtractionPrefill = NonNullable<inferRouterOutputs<AppRouter>["appraisal"]["mine"]["prefill"]>;

/** Provided around the appraiser's own form; absent (null) for tools the extraction does not pre-fill. */
export const ExtractionPrefillContext = createContext<ExtractionPrefill | null>(null);

const answerLabel = (answer: string) => OPTION_LABELS[answer] ?? answer;

/** Above the form: which extraction the answers were taken from. */
export function ExtractionSource({ prefill }: { prefill: ExtractionPrefill }) {
  const { form, version, recordedAt } = prefill.source;
  return (
    <p className="small extraction-source" role="note">
      Answers marked <span className="from-extraction-tag">from extraction</span> were filled in from the consensus
      extraction ({form}, form version {version}, recorded{" "}
      {new Date(recordedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}). Change
      any of them if the paper says otherwise.
    </p>
  );
}

/** Under a domain's heading: the extracted values it is read against (sample sizes), answering no question. */
export function ExtractedFacts({ domainId }: { domainId: string }) {
  const prefill = useContext(ExtractionPrefillContext);
  const facts = prefill?.notes.filter((n) => n.targetId === domainId) ?? [];
  if (facts.length === 0) return null;
  return (
    <p className="small extraction-note">
      <span className="from-extraction-tag">from extraction</span>{" "}
      {facts.map((f) => `${f.fieldLabel}: ${f.extracted}`).join(" · ")}
    </p>
  );
}

/** Under a question: the extracted value behind its answer, and a way back to it. */
export function QuestionSource({
  questionId,
  response,
  readOnly,
  onUse,
}: {
  questionId: string;
  response: string | undefined;
  readOnly: boolean;
  onUse: (answer: string) => void;
}) {
  const prefill = useContext(ExtractionPrefillContext);
  const note = prefill?.notes.find((n) => n.targetId === questionId);
  if (!note) return null;
  const said = `${note.fieldLabel}: ${note.extracted}`;
  return (
    <p className="small extraction-note">
      <span className="from-extraction-tag">from extraction</span> {said}
      {note.answer === null
        ? " (does not settle this question: choose the answer)."
        : response === note.answer
          ? ` → ${answerLabel(note.answer)}.`
          : ` reads as ${answerLabel(note.answer)}; you answered ${response ? answerLabel(response) : "nothing yet"}. `}
      {note.answer !== null && response !== note.answer && !readOnly && (
        <button type="button" className="link-button small" onClick={() => onUse(note.answer!)}>
          Use {answerLabel(note.answer)}
        </button>
      )}
    </p>
  );
}
