"use client";
import Link from "next/link";
import { useState } from "react";
import { TOOLS } from "@/server/api/contract/appraisal";
import { DESIGN_LABELS, DESIGNS, type Design, RISK_OF_BIAS_TOOLS } from "@/server/api/contract/studies";
import { ReportLine } from "./report-line";
import type { StudyView } from "./study-types";
import { needsConfirmation, type StudyActions } from "./use-study-action";

type RobTool = (typeof RISK_OF_BIAS_TOOLS)[number];
type Change = { kind: "design"; design: Design } | { kind: "tool"; tool: RobTool | null };

interface Props {
  reviewId: string;
  slug: string;
  study: StudyView;
  studies: StudyView[];
  actions: StudyActions;
  canEdit: boolean;
  canLead: boolean;
  picked: boolean;
  onPick: () => void;
  reportsPicked: ReadonlySet<string>;
  onPickReport: (id: string) => void;
}

export function StudyCard({
  reviewId,
  slug,
  study,
  studies,
  actions,
  canEdit,
  canLead,
  picked,
  onPick,
  reportsPicked,
  onPickReport,
}: Props) {
  const [label, setLabel] = useState(study.label);
  // A design or tool change that would hide appraisals, held until the lead confirms it.
  const [asked, setAsked] = useState<(Change & { message: string }) | null>(null);
  const labelId = `study-${study.id}`;

  function change(next: Change, confirm = false) {
    const onError = (err: unknown) => {
      if (needsConfirmation(err)) setAsked({ ...next, message: (err as Error).message });
    };
    const onSuccess = () => setAsked(null);
    const base = { reviewId, studyId: study.id, confirm };
    if (next.kind === "design") actions.setDesign.mutate({ ...base, design: next.design }, { onError, onSuccess });
    else actions.setTool.mutate({ ...base, tool: next.tool }, { onError, onSuccess });
  }
  return (
    <article className="card study-card" aria-labelledby={labelId}>
      <div className="study-head">
        {canEdit && (
          <input type="checkbox" aria-label={`Tick ${study.label} to merge`} checked={picked} onChange={onPick} />
        )}
        <h3 id={labelId}>{study.label}</h3>
        <span className="muted small">
          {study.reports.length === 1 ? "1 report" : `${study.reports.length} reports`}
        </span>
        <Link className="btn btn-secondary btn-small study-appraise" href={`/r/${slug}/appraisal/${study.id}`}>
          Appraise
        </Link>
      </div>
      {canLead ? (
        <div className="inline-form study-fields">
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (label.trim() && label.trim() !== study.label)
                actions.rename.mutate({ reviewId, studyId: study.id, label });
            }}
          >
            <div className="field">
              <label htmlFor={`${labelId}-name`}>Name</label>
              <input
                id={`${labelId}-name`}
                type="text"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                maxLength={200}
              />
            </div>
            <button
              type="submit"
              className="btn btn-secondary btn-small"
              disabled={label.trim() === study.label || !label.trim() || actions.rename.isPending}
            >
              Rename
            </button>
          </form>
          <div className="field">
            <label htmlFor={`${labelId}-design`}>Design</label>
            <select
              id={`${labelId}-design`}
              value={asked?.kind === "design" ? asked.design : (study.design ?? "")}
              onChange={(e) => e.target.value && change({ kind: "design", design: e.target.value as Design })}
            >
              <option value="">Not set</option>
              {DESIGNS.map((d) => (
                <option key={d} value={d}>
                  {DESIGN_LABELS[d]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${labelId}-tool`}>Risk-of-bias tool</label>
            <select
              id={`${labelId}-tool`}
              value={asked?.kind === "tool" ? (asked.tool ?? "") : (study.appraisalTool ?? "")}
              onChange={(e) => change({ kind: "tool", tool: (e.target.value || null) as RobTool | null })}
            >
              <option value="">None (validity of conclusions only)</option>
              {RISK_OF_BIAS_TOOLS.map((t) => (
                <option key={t} value={t}>
                  {TOOLS[t].label}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : (
        <p className="small muted">
          {study.design ? `${DESIGN_LABELS[study.design as Design]}; appraised` : "Appraised"} with{" "}
          {study.tools.map((t) => TOOLS[t].label).join(" and ")}. A lead sets a study&rsquo;s name, design and tool.
        </p>
      )}
      {asked && (
        <div className="confirm-change">
          <p id={`${labelId}-confirm`} role="alert">
            {asked.message}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={actions.setDesign.isPending || actions.setTool.isPending}
              onClick={() => change(asked, true)}
            >
              Change it
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setAsked(null)}>
              Keep as it is
            </button>
          </div>
        </div>
      )}
      <ul className="plain-list pick-list">
        {study.reports.map((r) => (
          <li key={r.id} className="study-report">
            <label className="pick">
              {canEdit && (
                <input type="checkbox" checked={reportsPicked.has(r.id)} onChange={() => onPickReport(r.id)} />
              )}
              <ReportLine report={r} />
            </label>
            {canEdit && (
              <select
                aria-label={`Move "${r.title.slice(0, 60)}" to`}
                value=""
                onChange={(e) =>
                  actions.move.mutate({
                    reviewId,
                    reportIds: [r.id],
                    studyId: e.target.value === "none" ? null : e.target.value,
                  })
                }
              >
                <option value="">Move to…</option>
                {studies
                  .filter((s) => s.id !== study.id)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                <option value="none">No study</option>
              </select>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}
