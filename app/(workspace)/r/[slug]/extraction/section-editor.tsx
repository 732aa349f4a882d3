"use client";
import type { FormField, FormSection } from "@/server/api/contract/extraction";
import { newId } from "./builder-ids";
import { FieldEditor } from "./field-editor";

interface Props {
  section: FormSection;
  index: number;
  publishedFieldIds: ReadonlySet<string>;
  /** The form's other repeating sections, which an arm reference may choose from. */
  armSections: readonly FormSection[];
  onChange: (section: FormSection) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

function moved<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

export { moved };

export function SectionEditor(props: Props) {
  const { section, index, publishedFieldIds, onChange, onMove, onRemove } = props;
  const id = (what: string) => `${section.id}-${what}`;
  const set = (patch: Partial<FormSection>) => onChange({ ...section, ...patch });
  const setField = (i: number, field: FormField) =>
    set({ fields: section.fields.map((f, j) => (j === i ? field : f)) });
  const keys = section.repeat?.keyFieldIds ?? [];
  return (
    <section className="card section-editor" aria-label={`Section ${index + 1}: ${section.title}`}>
      <div className="field-editor-row">
        <div className="field grow">
          <label htmlFor={id("title")}>Section title</label>
          <input id={id("title")} type="text" value={section.title} onChange={(e) => set({ title: e.target.value })} />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={section.repeat !== null}
            onChange={(e) =>
              set({ repeat: e.target.checked ? { itemLabel: "Item", keyFieldIds: [section.fields[0]!.id] } : null })
            }
          />{" "}
          Repeating (a table of items, e.g. arms or results)
        </label>
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={`Move section ${section.title} up`}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={`Move section ${section.title} down`}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn btn-danger btn-small"
            aria-label={`Remove section ${section.title}`}
            onClick={onRemove}
          >
            Remove section
          </button>
        </div>
      </div>
      {section.repeat && (
        <div className="field">
          <label htmlFor={id("item")}>Item name</label>
          <input
            id={id("item")}
            type="text"
            value={section.repeat.itemLabel}
            onChange={(e) => set({ repeat: { ...section.repeat!, itemLabel: e.target.value } })}
          />
          <span className="hint">
            What one row is called, e.g. “Arm” or “Result”. Tick “Identifies the item” on the fields that tell items
            apart.
          </span>
        </div>
      )}
      <ol className="field-list">
        {section.fields.map((field, i) => (
          <FieldEditor
            key={field.id}
            field={field}
            position={`${index + 1}.${i + 1}`}
            published={publishedFieldIds.has(field.id)}
            armSections={props.armSections}
            inResults={section.fields.some((f) => f.type === "outcome_ref")}
            isKey={section.repeat ? keys.includes(field.id) : null}
            onChange={(f) => setField(i, f)}
            onKey={(isKey) =>
              set({
                repeat: {
                  ...section.repeat!,
                  keyFieldIds: isKey ? [...keys, field.id] : keys.filter((k) => k !== field.id),
                },
              })
            }
            onMove={(delta) => set({ fields: moved(section.fields, i, delta) })}
            onRemove={() =>
              set({
                fields: section.fields.filter((f) => f.id !== field.id),
                repeat: section.repeat ? { ...section.repeat, keyFieldIds: keys.filter((k) => k !== field.id) } : null,
              })
            }
          />
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={() =>
          set({
            fields: [
              ...section.fields,
              {
                id: newId("f"),
                label: `Field ${section.fields.length + 1}`,
                type: "text",
                required: false,
                help: "",
                options: [],
                units: [],
              },
            ],
          })
        }
      >
        Add field
      </button>
    </section>
  );
}
