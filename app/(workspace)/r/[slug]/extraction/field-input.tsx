"use client";
import type { FormField } from "@/server/api/contract/extraction";
import type { Entry } from "./entry-values";

interface Props {
  field: FormField;
  /** Unique per field and item, so labels point at the right control. */
  inputId: string;
  entry: Entry | undefined;
  onChange: (entry: Entry) => void;
  disabled?: boolean;
  /** In a table row the label is the column header; screen readers still get it through aria-label. */
  compact?: boolean;
  /** A required value still missing after completion was refused. */
  invalid?: boolean;
  /** For an arm or outcome reference: what may be chosen (the study's arms, the review's outcomes). */
  choices?: readonly Choice[];
}

export interface Choice {
  value: string;
  label: string;
}

const YNU = [
  ["yes", "Yes"],
  ["no", "No"],
  ["unclear", "Unclear"],
] as const;

export function FieldInput({ field, inputId, entry, onChange, disabled, compact, invalid, choices = [] }: Props) {
  const label = compact ? field.label : undefined;
  const ariaInvalid = invalid || undefined;
  switch (field.type) {
    case "long_text":
      return (
        <textarea
          id={inputId}
          aria-invalid={ariaInvalid}
          aria-label={label}
          rows={compact ? 2 : 4}
          value={(entry as string) ?? ""}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "arm_ref":
    case "outcome_ref": {
      const value = (entry as string) ?? "";
      const known = value === "" || choices.some((c) => c.value === value);
      return (
        <select
          id={inputId}
          aria-invalid={ariaInvalid || !known || undefined}
          aria-label={label}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">—</option>
          {!known && (
            <option value={value}>
              {field.type === "arm_ref" ? "(arm removed: choose again)" : "(outcome removed)"}
            </option>
          )}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      );
    }
    case "text":
    case "date":
    case "integer":
    case "decimal":
      return (
        <input
          id={inputId}
          aria-invalid={ariaInvalid}
          aria-label={label}
          type="text"
          inputMode={field.type === "integer" ? "numeric" : field.type === "decimal" ? "decimal" : undefined}
          placeholder={field.type === "date" ? "YYYY-MM-DD" : undefined}
          value={(entry as string) ?? ""}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "number_unit": {
      const e = (entry as { value: string; unit: string } | undefined) ?? { value: "", unit: field.units[0] ?? "" };
      return (
        <span className="number-unit">
          <input
            id={inputId}
            aria-invalid={ariaInvalid}
            aria-label={label ?? undefined}
            type="text"
            inputMode="decimal"
            value={e.value}
            disabled={disabled}
            onChange={(ev) => onChange({ ...e, value: ev.target.value })}
          />
          {field.units.length > 0 ? (
            <select
              aria-label={`${field.label} unit`}
              value={e.unit}
              disabled={disabled}
              onChange={(ev) => onChange({ ...e, unit: ev.target.value })}
            >
              {field.units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          ) : (
            <input
              aria-label={`${field.label} unit`}
              type="text"
              className="unit"
              placeholder="unit"
              value={e.unit}
              disabled={disabled}
              onChange={(ev) => onChange({ ...e, unit: ev.target.value })}
            />
          )}
        </span>
      );
    }
    case "single_choice":
      return (
        <select
          id={inputId}
          aria-invalid={ariaInvalid}
          aria-label={label}
          value={(entry as string) ?? ""}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">—</option>
          {field.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case "yes_no_unclear":
      return (
        <select
          id={inputId}
          aria-invalid={ariaInvalid}
          aria-label={label}
          value={(entry as string) ?? ""}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">—</option>
          {YNU.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      );
    case "multiple_choice": {
      const chosen = new Set((entry as string[] | undefined) ?? []);
      return (
        <fieldset id={inputId} className="choices" aria-label={field.label} disabled={disabled}>
          {field.options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="checkbox"
                checked={chosen.has(o.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o.id);
                  else next.delete(o.id);
                  onChange(field.options.filter((opt) => next.has(opt.id)).map((opt) => opt.id));
                }}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
  }
}
