"use client";
import { useState } from "react";
import {
  CHOICE_TYPES,
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  type FieldType,
  type FormField,
  type FormSection,
} from "@/server/api/contract/extraction";
import { OUTCOME_TYPE_LABELS, OUTCOME_TYPES } from "@/server/api/contract/outcomes";
import { newId } from "./builder-ids";

interface Props {
  field: FormField;
  /** Published fields keep their type: values stored under one type would not fit another. */
  published: boolean;
  /** The repeating sections an arm reference may choose its arm from. */
  armSections: readonly FormSection[];
  /** In a results table (a section choosing an outcome), a field may be asked only for some outcome types. */
  inResults: boolean;
  isKey: boolean | null;
  position: string;
  onChange: (field: FormField) => void;
  onKey: (isKey: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function FieldEditor(props: Props) {
  const { field, published, armSections, isKey, position, onChange, onKey, onMove, onRemove } = props;
  const id = (what: string) => `${field.id}-${what}`;
  const set = (patch: Partial<FormField>) => onChange({ ...field, ...patch });
  // The units text is kept as typed, so a trailing comma survives until the next unit is written.
  const [unitsText, setUnitsText] = useState(field.units.join(", "));
  return (
    <li className="field-editor" aria-label={`Field ${position}: ${field.label}`}>
      <div className="field-editor-row">
        <div className="field grow">
          <label htmlFor={id("label")}>Field label</label>
          <input id={id("label")} type="text" value={field.label} onChange={(e) => set({ label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={id("type")}>Type</label>
          <select
            id={id("type")}
            value={field.type}
            disabled={published}
            title={published ? "Published fields keep their type" : undefined}
            onChange={(e) => set({ type: e.target.value as FieldType })}
          >
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {FIELD_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={field.required} onChange={(e) => set({ required: e.target.checked })} />{" "}
          Required
        </label>
        {isKey !== null && (
          <label className="check" title="Two extractors' items are matched by these fields">
            <input type="checkbox" checked={isKey} onChange={(e) => onKey(e.target.checked)} /> Identifies the item
          </label>
        )}
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={`Move ${field.label} up`}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={`Move ${field.label} down`}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn btn-danger btn-small"
            aria-label={`Remove field ${field.label}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id("help")}>Help text</label>
        <input id={id("help")} type="text" value={field.help} onChange={(e) => set({ help: e.target.value })} />
      </div>
      {CHOICE_TYPES.includes(field.type) && (
        <fieldset className="options-editor">
          <legend>Options</legend>
          <ol>
            {field.options.map((o, i) => (
              <li key={o.id}>
                <input
                  type="text"
                  aria-label={`Option ${i + 1} of ${field.label}`}
                  value={o.label}
                  onChange={(e) =>
                    set({ options: field.options.map((x) => (x.id === o.id ? { ...x, label: e.target.value } : x)) })
                  }
                />
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-label={`Remove option ${o.label}`}
                  onClick={() => set({ options: field.options.filter((x) => x.id !== o.id) })}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() =>
              set({ options: [...field.options, { id: newId("o"), label: `Option ${field.options.length + 1}` }] })
            }
          >
            Add option
          </button>
        </fieldset>
      )}
      {field.type === "arm_ref" && (
        <div className="field">
          <label htmlFor={id("arms")}>Chooses from</label>
          <select
            id={id("arms")}
            value={field.armSectionId ?? ""}
            onChange={(e) => set({ armSectionId: e.target.value || undefined })}
          >
            <option value="">—</option>
            {armSections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <span className="hint">The repeating section holding the study&apos;s arms.</span>
        </div>
      )}
      {props.inResults && field.type !== "outcome_ref" && (
        <fieldset className="choices">
          <legend>Asked for outcomes of type</legend>
          {OUTCOME_TYPES.map((t) => (
            <label key={t} className="choice">
              <input
                type="checkbox"
                checked={field.outcomeTypes?.includes(t) ?? false}
                onChange={(e) => {
                  const next = new Set(field.outcomeTypes ?? []);
                  if (e.target.checked) next.add(t);
                  else next.delete(t);
                  const types = OUTCOME_TYPES.filter((x) => next.has(x));
                  set({ outcomeTypes: types.length ? types : undefined });
                }}
              />
              {OUTCOME_TYPE_LABELS[t]}
            </label>
          ))}
          <span className="hint">
            In a results table, which outcomes this number is asked for; none ticked asks it of all.
          </span>
        </fieldset>
      )}
      {field.type === "number_unit" && (
        <div className="field">
          <label htmlFor={id("units")}>Units</label>
          <input
            id={id("units")}
            type="text"
            value={unitsText}
            onChange={(e) => {
              setUnitsText(e.target.value);
              set({
                units: e.target.value
                  .split(",")
                  .map((u) => u.trim())
                  .filter(Boolean),
              });
            }}
          />
          <span className="hint">
            Comma-separated, e.g. “cells, cells/kg”; leave empty to let extractors type any unit.
          </span>
        </div>
      )}
    </li>
  );
}
