"use client";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import type { FormDefinition, FormSection } from "@/server/api/contract/extraction";
import { type Entries, type Entry, entryKey, fromEntry, newInstanceKey } from "./entry-values";
import { FieldInput } from "./field-input";

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
}

function RequiredMark({ required }: { required: boolean }) {
  return required ? (
    <span className="required" title="required">
      {" "}
      *
    </span>
  ) : null;
}

function RepeatingSection({
  section,
  entries,
  instances,
  disabled,
  readOnly,
  markMissing,
  onEntry,
  onInstances,
}: Omit<Props, "definition"> & { section: FormSection }) {
  const keys = instances[section.id] ?? [];
  const item = section.repeat!.itemLabel;
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
          ...section.fields.map((f) => ({
            key: f.id,
            header: (
              <>
                {f.label}
                <RequiredMark required={f.required} />
              </>
            ),
            headerTitle: f.help || undefined,
            cell: (key: string) => (
              <FieldInput
                field={f}
                inputId={`f-${f.id}-${key}`}
                entry={entries[entryKey(f.id, key)]}
                compact
                disabled={disabled}
                invalid={markMissing && f.required && fromEntry(f, entries[entryKey(f.id, key)]) === null}
                onChange={(e) => onEntry(f.id, key, e)}
              />
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
