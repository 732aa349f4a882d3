"use client";
import Link from "next/link";
import { ErrorAlert, InfoAlert, SuccessAlert } from "@/app/_components/alerts";
import { formatDate } from "@/app/_lib/format";
import { newId } from "./builder-ids";
import { moved, SectionEditor } from "./section-editor";
import { useFormDraft } from "./use-form-draft";
import { VersionChanges } from "./version-changes";

export function FormBuilder({ reviewId, slug, formId }: { reviewId: string; slug: string; formId: string }) {
  const draft = useFormDraft(reviewId, formId);
  const { form, definition, dirty, busy, change } = draft;
  if (form.isPending) return <p className="muted">Loading…</p>;
  if (form.error) return <ErrorAlert>{form.error.message}</ErrorAlert>;
  if (!form.data || !definition) return null;
  const data = form.data;
  const publishedFieldIds = new Set(data.publishedFieldIds);

  return (
    <>
      <p className="intro">
        <Link href={`/r/${slug}/extraction?form=${formId}`}>← Extraction</Link> · <strong>{data.name}</strong> ·{" "}
        {data.versions[0] ? `published version ${data.versions[0].version}` : "never published"}
        {data.hasDraft && <span className="badge">draft</span>}
      </p>
      {data.pendingChanges.length > 0 && !dirty && (
        <InfoAlert>
          <p>
            <strong>The draft differs from version {data.versions[0]!.version}:</strong>
          </p>
          <VersionChanges changes={data.pendingChanges} />
        </InfoAlert>
      )}
      <form
        aria-label="Form builder"
        onSubmit={(e) => {
          e.preventDefault();
          void draft.save();
        }}
      >
        {definition.sections.map((section, i) => (
          <SectionEditor
            key={section.id}
            section={section}
            index={i}
            publishedFieldIds={publishedFieldIds}
            armSections={definition.sections.filter((x) => x.repeat && x.id !== section.id)}
            onChange={(s) => change({ sections: definition.sections.map((x, j) => (j === i ? s : x)) })}
            onMove={(delta) => change({ sections: moved(definition.sections, i, delta) })}
            onRemove={() => change({ sections: definition.sections.filter((_, j) => j !== i) })}
          />
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() =>
            change({
              sections: [
                ...definition.sections,
                {
                  id: newId("s"),
                  title: `Section ${definition.sections.length + 1}`,
                  help: "",
                  repeat: null,
                  fields: [
                    {
                      id: newId("f"),
                      label: "Field 1",
                      type: "text",
                      required: false,
                      help: "",
                      options: [],
                      units: [],
                    },
                  ],
                },
              ],
            })
          }
        >
          Add section
        </button>
        <div className="form-actions sticky-actions">
          <ErrorAlert>{draft.error}</ErrorAlert>
          <SuccessAlert>{draft.message}</SuccessAlert>
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            Save draft
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || (!dirty && !data.hasDraft)}
            onClick={() => void draft.publish()}
          >
            {draft.publishing ? "Publishing…" : `Publish as version ${(data.versions[0]?.version ?? 0) + 1}`}
          </button>
          {data.hasDraft && data.versions.length > 0 && (
            <button type="button" className="btn btn-danger" disabled={busy} onClick={draft.discard}>
              Discard draft
            </button>
          )}
          {dirty && <span className="muted small">Unsaved changes</span>}
        </div>
      </form>
      {data.versions.length > 0 && (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">Versions</h2>
          <ol className="version-history" reversed>
            {data.versions.map((v) => (
              <li key={v.id}>
                <strong>Version {v.version}</strong>{" "}
                <span className="muted">published {formatDate(v.publishedAt)}</span>
                {v.version > 1 && <VersionChanges changes={v.changes} />}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
