"use client";
import { useEffect, useEffectEvent, useState } from "react";
import { formatCount } from "@/app/_lib/format";
import { STAGE_LABELS, STAGES, type Stage } from "@/server/shared/stages";
import { activeFilters, type BrowseState, DEFAULT_STATE } from "./browse-params";
import { choicesOf, FilterSelect } from "./filter-select";
import type { RecordBrowser } from "./use-record-browser";

const DUPLICATE_LABELS = {
  any: "Any",
  unique: "Not a duplicate",
  merged: "Merged into another record",
  pending: "In a pair to decide",
} as const;
const REMOVED_LABELS = { any: "Any", removed: "Removed before screening", not_removed: "Not removed" } as const;
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
const CHANGED_LABELS = { any: "Any", reopened: "Reopened", overridden: "Verdict overridden" } as const;
const DECISION_LABELS = {
  any: "Not filtered",
  include: "Include",
  exclude: "Exclude",
  maybe: "Maybe",
  none: "Not decided",
} as const;

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
  const reviewers = (data?.reviewers ?? []).map((r) => [r.id, r.name] as const);
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
        <FilterSelect
          id="filter-source"
          label="Source"
          value={state.sourceId}
          anyLabel="Any source"
          choices={(data?.sources ?? []).map((s) => [s.id, s.name] as const)}
          onChange={(sourceId) => set({ sourceId })}
        />
        <FilterSelect
          id="filter-import"
          label="Import"
          value={state.importId}
          anyLabel="Any import"
          choices={(data?.imports ?? []).map((i) => [i.id, `${i.fileName} (${i.source})`] as const)}
          onChange={(importId) => set({ importId })}
        />
        <FilterSelect
          id="filter-label"
          label="Label"
          value={state.labelId}
          anyLabel={data && data.labels.length === 0 ? "No labels yet" : "Any label"}
          choices={(data?.labels ?? []).map((l) => [l.id, `${l.name} (${formatCount(l.records)})`] as const)}
          onChange={(labelId: string | undefined) => set({ labelId })}
        />
        <FilterSelect
          id="filter-duplicates"
          label="Duplicates"
          value={state.duplicates}
          choices={choicesOf(DUPLICATE_LABELS)}
          onChange={(duplicates) => set({ duplicates })}
        />
        <FilterSelect
          id="filter-removed"
          label="Removed before screening"
          value={state.removed}
          choices={choicesOf(REMOVED_LABELS)}
          onChange={(removed) => set({ removed })}
        />
        {visibility.titleAbstract && (
          <>
            <FilterSelect
              id="filter-reached"
              label="Stage reached"
              value={state.reached}
              choices={choicesOf(
                visibility.fullText ? REACHED_LABELS : { any: REACHED_LABELS.any, full_text: REACHED_LABELS.full_text },
              )}
              onChange={(reached) => set({ reached })}
            />
            <FilterSelect
              id="filter-full-text"
              label="Full text"
              value={state.fullText}
              choices={choicesOf(FULL_TEXT_LABELS)}
              onChange={(fullText) => set({ fullText })}
            />
          </>
        )}
        {visibility.fullText && (
          <FilterSelect
            id="filter-study"
            label="Study"
            value={state.study}
            anyLabel="Any study"
            choices={(data?.studies ?? []).map((s) => [s.id, s.label] as const)}
            onChange={(study) => set({ study })}
          />
        )}
      </div>
      <fieldset className="filter-stage">
        <legend>Screening</legend>
        <div className="filter-grid">
          <FilterSelect
            id="filter-stage"
            label="At stage"
            value={state.stage}
            choices={STAGES.map((s) => [s, STAGE_LABELS[s]] as const)}
            onChange={(stage) =>
              set(
                seesStage(stage)
                  ? { stage, exclusionReasonId: undefined }
                  : {
                      stage,
                      outcome: "any",
                      exclusionReasonId: undefined,
                      conflict: "any",
                      changed: "any",
                      decidedBy: undefined,
                    },
              )
            }
          />
          {atStage && (
            <>
              <FilterSelect
                id="filter-outcome"
                label="Outcome"
                value={state.outcome}
                choices={choicesOf(OUTCOME_LABELS)}
                onChange={(outcome) => set({ outcome })}
              />
              <FilterSelect
                id="filter-reason"
                label="Exclusion reason"
                value={state.exclusionReasonId}
                anyLabel="Any reason"
                choices={(data?.reasons ?? [])
                  .filter((r) => r.stage === state.stage)
                  .map((r) => [r.id, r.archived ? `${r.label} (no longer offered)` : r.label] as const)}
                onChange={(exclusionReasonId) => set({ exclusionReasonId })}
              />
              <FilterSelect
                id="filter-conflict"
                label="Conflict"
                value={state.conflict}
                choices={choicesOf(CONFLICT_LABELS)}
                onChange={(conflict) => set({ conflict })}
              />
              <FilterSelect
                id="filter-changed"
                label="Changed by a lead"
                value={state.changed}
                choices={choicesOf(CHANGED_LABELS)}
                onChange={(changed) => set({ changed })}
              />
            </>
          )}
          <FilterSelect
            id="filter-decision"
            label={atStage ? "Decision" : "Your decision"}
            value={state.decision}
            choices={choicesOf(DECISION_LABELS)}
            onChange={(decision) => set({ decision })}
          />
          {atStage && state.decision !== "any" && (
            <FilterSelect
              id="filter-decided-by"
              label="Decided by"
              value={state.decidedBy}
              anyLabel="You"
              choices={reviewers}
              onChange={(decidedBy) => set({ decidedBy })}
            />
          )}
        </div>
        {!atStage && (
          <p className="hint">
            While {stageName} screening is blinded, filters by outcome, reason, conflict, a lead's change or others'
            decisions are for leads: they would tell you how your co-reviewers decided. You can filter by your own
            decisions.
          </p>
        )}
      </fieldset>
    </details>
  );
}
