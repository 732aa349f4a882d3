"use client";
import { useId, useState } from "react";
import {
  checkOutcomeFields,
  type OutcomeFields as Fields,
  MAX_OUTCOME_NAME,
  MAX_OUTCOME_UNIT,
  OUTCOME_DIRECTION_LABELS,
  OUTCOME_DIRECTIONS,
  OUTCOME_TYPE_LABELS,
  OUTCOME_TYPES,
} from "@/server/api/contract/outcomes";

interface Props {
  initial: Fields;
  /** Results already name the outcome: its type stays, since their numbers were entered for it. */
  typeLocked: boolean;
  submitLabel: string;
  busy: boolean;
  onSubmit: (fields: Fields) => void;
  onCancel?: () => void;
}

/** An outcome's name, type, unit and direction, checked as the lead types with the rules the server applies. */
export function OutcomeFields({ initial, typeLocked, submitLabel, busy, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const set = (patch: Partial<Fields>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      className="outcome-fields"
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkOutcomeFields(draft);
        if ("error" in checked) return setError(checked.error);
        setError(null);
        onSubmit(checked.fields);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          maxLength={MAX_OUTCOME_NAME}
          value={draft.name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => set({ name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select
          id={`${id}-type`}
          value={draft.type}
          disabled={typeLocked}
          aria-describedby={typeLocked ? `${id}-locked` : undefined}
          onChange={(e) => set({ type: e.target.value as Fields["type"] })}
        >
          {OUTCOME_TYPES.map((t) => (
            <option key={t} value={t}>
              {OUTCOME_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        {typeLocked && (
          <span className="hint" id={`${id}-locked`}>
            Results use this outcome, so its type stays.
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-unit`}>Unit</label>
        <input
          id={`${id}-unit`}
          type="text"
          maxLength={MAX_OUTCOME_UNIT}
          placeholder="e.g. points, % predicted"
          value={draft.unit}
          onChange={(e) => set({ unit: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-direction`}>Good for patients</label>
        <select
          id={`${id}-direction`}
          value={draft.direction}
          onChange={(e) => set({ direction: e.target.value as Fields["direction"] })}
        >
          {OUTCOME_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {OUTCOME_DIRECTION_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
