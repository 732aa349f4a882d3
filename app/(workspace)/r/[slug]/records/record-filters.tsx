"use client";
import { useEffect, useEffectEvent, useState } from "react";
import { STAGE_LABELS, STAGES, type Stage } from "@/server/shared/stages";
import { activeFilters, type BrowseState, DEFAULT_STATE } from "./browse-params";
import type { RecordBrowser } from "./use-record-browser";

const DUPLICATE_LABELS = {
  any: "Any",
  unique: "Not a duplicate",
  merged: "Merged into another record",
  pending: "In a pair to decide",
} as const;
const REACHED_LABELS = { any: "Any", full_text: "Full-text screening", included: "Included in the review" } as const;
const FULL_TEXT_LABELS = { any: "Any", yes: "Retrieved", no: "Not retrieved" } as const;
const OUTCOME_LABELS = {
  any: "Any",
  undecided: "Not settled yet",
  conflict: "In conflict",
  included: "Included",
  excluded: "Excluded",
} as const;
const CONFLICT_LABELS = { any: "Any", open: "Open", resolved: "Resolved" } as const;
const DECISION_LABELS = {
  any: "Not filtered",
  include: "Include",
  exclude: "Exclude",
  maybe: "Maybe",
  none: "Not decided",
} as const;

function Choice<K extends string>({
  id,
  label,
  value,
  labels,
  onChange,
}: {
  id: string;
  label: string;
  value: K;
  /** The choices offered; a filter value left out is not offered. */
  labels: Partial<Record<K, string>>;
  onChange: (value: K) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as K)}>
        {(Object.entries(labels) as [K, string][]).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function IdChoice({
  id,
  label,
  value,
  anyLabel,
  items,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  items: { id: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{anyLabel}</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The filters, in a panel that folds away on a phone. Filters that would tell a blinded member how others decided
 * are not offered to them at all (the server refuses them too), and the panel says why.
 */
export function RecordFilterPanel({ browser }: { browser: RecordBrowser }) {
  const { state, update, options } = browser;
  const [open, setOpen] = useState(false);
  // Folded, so the records come first, unless filters are on when the page opens.
  const openAtFirst = useEffectEvent(() => setOpen(activeFilters(state) > 0));
  useEffect(() => openAtFirst(), []);
  const data = options.data;
  const visibility = data?.visibility ?? { titleAbstract: false, fullText: false };
  const seesStage = (stage: Stage) => (stage === "title_abstract" ? visibility.titleAbstract : visibility.fullText);
  const atStage = seesStage(state.stage);
  const count = activeFilters(state);
  const stageName = STAGE_LABELS[state.stage].toLowerCase();
  const reviewers = (data?.reviewers ?? []).map((r) => ({ id: r.id, label: r.name }));
  const set = (change: Partial<BrowseState>) => update(change);
  return (
    <details className="card record-filters" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Filters{count > 0 ? ` (${count} on)` : ""}
        {count > 0 && (
          <button
            type="button"
            className="link-button small"
            onClick={(event) => {
              event.preventDefault();
              const { query, sort, descending } = state;
              update({ ...DEFAULT_STATE, query, sort, descending });
            }}
          >
            Clear filters
          </button>
        )}
      </summary>
      <div className="filter-grid">
        <IdChoice
          id="filter-source"
          label="Source"
          value={state.sourceId}
          anyLabel="Any source"
          items={(data?.sources ?? []).map((s) => ({ id: s.id, label: s.name }))}
          onChange={(sourceId) => set({ sourceId })}
        />
        <IdChoice
          id="filter-import"
          label="Import"
          value={state.importId}
          anyLabel="Any import"
          items={(data?.imports ?? []).map((i) => ({ id: i.id, label: `${i.fileName} (${i.source})` }))}
          onChange={(importId) => set({ importId })}
        />
        <Choice
          id="filter-duplicates"
          label="Duplicates"
          value={state.duplicates}
          labels={DUPLICATE_LABELS}
          onChange={(duplicates) => set({ duplicates })}
        />
        {visibility.titleAbstract && (
          <>
            <Choice
              id="filter-reached"
              label="Stage reached"
              value={state.reached}
              labels={
                visibility.fullText ? REACHED_LABELS : { any: REACHED_LABELS.any, full_text: REACHED_LABELS.full_text }
              }
              onChange={(reached) => set({ reached })}
            />
            <Choice
              id="filter-full-text"
              label="Full text"
              value={state.fullText}
              labels={FULL_TEXT_LABELS}
              onChange={(fullText) => set({ fullText })}
            />
          </>
        )}
        {visibility.fullText && (
          <IdChoice
            id="filter-study"
            label="Study"
            value={state.study}
            anyLabel="Any study"
            items={(data?.studies ?? []).map((s) => ({ id: s.id, label: s.label }))}
            onChange={(study) => set({ study })}
          />
        )}
      </div>
      <fieldset className="filter-stage">
        <legend>Screening</legend>
        <div className="filter-grid">
          <Choice
            id="filter-stage"
            label="At stage"
            value={state.stage}
            labels={Object.fromEntries(STAGES.map((s) => [s, STAGE_LABELS[s]])) as Record<Stage, string>}
            onChange={(stage) =>
              set(
                seesStage(stage)
                  ? { stage, exclusionReasonId: undefined }
                  : { stage, outcome: "any", exclusionReasonId: undefined, conflict: "any", decidedBy: undefined },
              )
            }
          />
          {atStage && (
            <>
              <Choice
                id="filter-outcome"
                label="Outcome"
                value={state.outcome}
                labels={OUTCOME_LABELS}
                onChange={(outcome) => set({ outcome })}
              />
              <IdChoice
                id="filter-reason"
                label="Exclusion reason"
                value={state.exclusionReasonId}
                anyLabel="Any reason"
                items={(data?.reasons ?? [])
                  .filter((r) => r.stage === state.stage)
                  .map((r) => ({ id: r.id, label: r.archived ? `${r.label} (no longer offered)` : r.label }))}
                onChange={(exclusionReasonId) => set({ exclusionReasonId })}
              />
              <Choice
                id="filter-conflict"
                label="Conflict"
                value={state.conflict}
                labels={CONFLICT_LABELS}
                onChange={(conflict) => set({ conflict })}
              />
            </>
          )}
          <Choice
            id="filter-decision"
            label={atStage ? "Decision" : "Your decision"}
            value={state.decision}
            labels={DECISION_LABELS}
            onChange={(decision) => set({ decision })}
          />
          {atStage && state.decision !== "any" && (
            <IdChoice
              id="filter-decided-by"
              label="Decided by"
              value={state.decidedBy}
              anyLabel="You"
              items={reviewers}
              onChange={(decidedBy) => set({ decidedBy })}
            />
          )}
        </div>
        {!atStage && (
          <p className="hint">
            While {stageName} screening is blinded, filters by outcome, reason, conflict or others' decisions are for
            leads: they would tell you how your co-reviewers decided. You can filter by your own decisions.
          </p>
        )}
      </fieldset>
    </details>
  );
}
