"use client";
import { plural } from "@/app/_lib/format";
import { ReportLine } from "./report-line";
import type { StudyView, Suggestion } from "./study-types";
import type { StudyActions } from "./use-study-action";

interface Props {
  reviewId: string;
  suggestions: Suggestion[];
  studies: StudyView[];
  actions: StudyActions;
  canEdit: boolean;
}

export function SuggestionsPanel({ reviewId, suggestions, studies, actions, canEdit }: Props) {
  if (suggestions.length === 0) return null;
  const studyLabel = (id: string) => studies.find((s) => s.id === id)?.label ?? "its study";
  return (
    <section className="card" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested groups ({suggestions.length})</h2>
      <ol className="plain-list suggestion-list">
        {suggestions.map((s) => (
          <li key={s.reportIds.join()} className="suggestion">
            <p className="small muted">{s.reasons.join("; ")}</p>
            <ul className="plain-list">
              {s.reports.map((r) => (
                <li key={r.id}>
                  <ReportLine report={r} />
                </li>
              ))}
            </ul>
            {canEdit && (
              <div className="form-actions">
                {s.studyId ? (
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={actions.move.isPending}
                    onClick={() =>
                      actions.move.mutate(
                        { reviewId, reportIds: s.reportIds, studyId: s.studyId },
                        {
                          onSuccess: () =>
                            actions.setMessage({ kind: "success", text: `Added to ${studyLabel(s.studyId!)}.` }),
                        },
                      )
                    }
                  >
                    Add {plural(s.reportIds.length, "report")} to {studyLabel(s.studyId)}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={actions.create.isPending}
                    onClick={() =>
                      actions.create.mutate(
                        { reviewId, reportIds: s.reportIds },
                        {
                          onSuccess: (study) =>
                            actions.setMessage({
                              kind: "success",
                              text: `Study ${study.label} made of ${plural(s.reportIds.length, "report")}.`,
                            }),
                        },
                      )
                    }
                  >
                    Confirm as one study
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
