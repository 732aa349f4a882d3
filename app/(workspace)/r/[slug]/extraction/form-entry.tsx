"use client";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import type { FormDefinition, FormField, FormSection } from "@/server/api/contract/extraction";
import type { OutcomeType } from "@/server/api/contract/outcomes";
import { type Entries, type Entry, entryKey, fromEntry, newInstanceKey } from "./entry-values";
import { type Choice, FieldInput } from "./field-input";

/** A review outcome as a result row chooses it. */
export interface OutcomeChoice {
  id: string;
  name: string;
  type: OutcomeType;
}

interface Props {
  definition: FormDefinition;
  entries: Entries;
  instances: Record<string, string[]>;
  disabled: boolean;
  /** Shown as saved, without the controls that add or remove items (an archived review). */
  readOnly?: boolean;
  /** After completion was refused for them, required fields still empty are marked, row by row. */
  markMissing?: boolean;
  onEntry: (fieldId: string, instanceKey: string, entry: Entry) => void;
  onInstances: (sectionId: string, keys: string[]) => void;
  /** The review's outcomes, which result rows choose from. */
  outcomes: readonly OutcomeChoice[];
}

/** What an arm or outcome reference may choose: the arms entered so far (by name), or the review's outcomes. */
function choicesFor(props: Props, field: FormField): Choice[] | undefined {
  if (field.type === "outcome_ref") return props.outcomes.map((o) => ({ value: o.id, label: o.name }));
  if (field.type !== "arm_ref") return undefined;
  const arms = props.definition.sections.find((s) => s.id === field.armSectionId);
  if (!arms?.repeat) return [];
  return (props.instances[arms.id] ?? []).map((key, i) => {
    const name = arms
      .repeat!.keyFieldIds.map((id) => props.entries[entryKey(id, key)])
      .filter((e): e is string => typeof e === "string" && e.trim() !== "")
      .join(" · ");
    return { value: key, label: name || `${arms.repeat!.itemLabel} ${i + 1}` };
  });
}

/**
 * The type of the outcome a result row chose, which decides the numbers it asks for; null outside result rows
 * and before an outcome is chosen.
 */
function rowOutcomeType(props: Props, section: FormSection, key: string): OutcomeType | null {
  const ref = section.fields.find((f) => f.type === "outcome_ref");
  if (!ref) return null;
  const chosen = props.entries[entryKey(ref.id, key)];
  return props.outcomes.find((o) => o.id === chosen)?.type ?? null;
}

const asks = (field: FormField, type: OutcomeType | null) =>
  !field.outcomeTypes?.length || (type !== null && field.outcomeTypes.includes(type));

function RequiredMark({ required }: { required: boolean }) {
  return required ? (
    <span className="required" title="required">
      {" "}
      *
    </span>
  ) : null;
}

function RepeatingSection(props: Props & { section: FormSection }) {
  const { section, entries, instances, disabled, readOnly, markMissing, onEntry, onInstances } = props;
  const keys = instances[section.id] ?? [];
  const item = section.repeat!.itemLabel;
  const types = new Map(keys.map((key) => [key, rowOutcomeType(props, section, key)]));
  // A results table shows the columns its rows' outcome types ask for, not every type's.
  const shown = section.fields.filter(
    (f) => [...types.values()].some((type) => asks(f, type)) || !f.outcomeTypes?.length,
  );
  return (
    <>
      <DataTable
        stickyHeadings
        label={`${section.title} table`}
        className="repeat-table"
        rows={keys}
        rowKey={(key) => key}
        empty={<EmptyState compact>No {item.toLowerCase()} entered.</EmptyState>}
        columns={[
          {
            key: "#",
            header: "#",
            rowHeader: true,
            className: "num item-number",
            // Numbered as the messages about a missing value name the item ("Outcome" in Result 2).
            cell: (_, index) => (
              <>
                <span className="visually-hidden">{item} </span>
                {index + 1}
              </>
            ),
          },
          ...shown.map((f) => ({
            key: f.id,
            header: (
              <>
                {f.label}
                <RequiredMark required={f.required} />
              </>
            ),
            headerTitle: f.help || undefined,
            cell: (key: string) =>
              asks(f, types.get(key) ?? null) ? (
                <FieldInput
                  field={f}
                  inputId={`f-${f.id}-${key}`}
                  entry={entries[entryKey(f.id, key)]}
                  compact
                  disabled={disabled}
                  invalid={markMissing && f.required && fromEntry(f, entries[entryKey(f.id, key)]) === null}
                  onChange={(e) => onEntry(f.id, key, e)}
                  choices={choicesFor(props, f)}
                />
              ) : (
                <span className="muted" title="Not asked for this outcome's type">
                  —
                </span>
              ),
          })),
          !readOnly && {
            key: "remove",
            header: "Remove",
            hideHeader: true,
            cell: (key, index) => (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={disabled}
                aria-label={`Remove ${item.toLowerCase()} ${index + 1}`}
                onClick={() =>
                  onInstances(
                    section.id,
                    keys.filter((k) => k !== key),
                  )
                }
              >
                Remove
              </button>
            ),
          },
        ]}
      />
      {!readOnly && (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={disabled}
          onClick={() => onInstances(section.id, [...keys, newInstanceKey()])}
        >
          Add {item.toLowerCase()}
        </button>
      )}
    </>
  );
}

export function FormEntry(props: Props) {
  const { definition, entries, disabled, markMissing, onEntry } = props;
  return (
    <>
      {definition.sections.map((section) => (
        <section key={section.id} className="card extraction-section" aria-labelledby={`sec-${section.id}`}>
          <h2 id={`sec-${section.id}`}>{section.title}</h2>
          {section.help && <p className="muted">{section.help}</p>}
          {section.repeat ? (
            <RepeatingSection {...props} section={section} />
          ) : (
            section.fields.map((f) => (
              <div key={f.id} className="field">
                {f.type === "multiple_choice" ? (
                  <span className="label">
                    {f.label}
                    <RequiredMark required={f.required} />
                  </span>
                ) : (
                  <label htmlFor={`f-${f.id}`}>
                    {f.label}
                    <RequiredMark required={f.required} />
                  </label>
                )}
                <FieldInput
                  field={f}
                  inputId={`f-${f.id}`}
                  entry={entries[entryKey(f.id, "")]}
                  disabled={disabled}
                  invalid={markMissing && f.required && fromEntry(f, entries[entryKey(f.id, "")]) === null}
                  onChange={(e) => onEntry(f.id, "", e)}
                  choices={choicesFor(props, f)}
                />
                {f.help && <span className="hint">{f.help}</span>}
              </div>
            ))
          )}
        </section>
      ))}
    </>
  );
}
