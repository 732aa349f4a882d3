"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { FormDefinition } from "@/server/extraction/form-definition";
import { ErrorAlert, SuccessAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDate } from "@/app/_lib/format";
import { newId } from "./builder-ids";
import { moved, SectionEditor } from "./section-editor";
import { VersionChanges } from "./version-changes";

export function FormBuilder({ reviewId, slug, formId }: { reviewId: string; slug: string; formId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useQuery(trpc.extraction.form.queryOptions({ reviewId, formId }, { refetchOnWindowFocus: false }));
  const [definition, setDefinition] = useState<FormDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (form.data) {
      setDefinition(form.data.definition);
      setDirty(false);
    }
  }, [form.data]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.extraction.pathKey() });
  const save = useMutation(trpc.extraction.saveDraft.mutationOptions());
  const publish = useMutation(trpc.extraction.publish.mutationOptions());
  const discard = useMutation(trpc.extraction.discardDraft.mutationOptions());
  const error = save.error ?? publish.error ?? discard.error;
  const busy = save.isPending || publish.isPending || discard.isPending;

  if (form.isPending) return <p className="muted">Loading…</p>;
  if (form.error) return <ErrorAlert message={form.error.message} />;
  if (!form.data || !definition) return null;
  const data = form.data;
  const publishedFieldIds = new Set(data.publishedFieldIds);

  function change(next: FormDefinition) {
    setDefinition(next);
    setDirty(true);
    setMessage(null);
  }

  async function saveDraft(): Promise<number | null> {
    publish.reset();
    discard.reset();
    try {
      const { draftRevision } = await save.mutateAsync({ reviewId, formId, revision: data.draftRevision, definition });
      return draftRevision;
    } catch {
      return null;
    }
  }

  async function onSave() {
    if ((await saveDraft()) !== null) {
      setMessage("Draft saved. Extractors keep working on the published version until you publish.");
      await refresh();
    }
  }

  async function onPublish() {
    const revision = dirty || !data.hasDraft ? await saveDraft() : data.draftRevision;
    if (revision === null) return;
    try {
      const { version } = await publish.mutateAsync({ reviewId, formId, revision });
      setMessage(`Published as version ${version}. Values already entered are kept.`);
      await refresh();
    } catch {
      await refresh();
    }
  }

  return (
    <>
      <p className="intro">
        <Link href={`/r/${slug}/extraction?form=${formId}`}>← Extraction</Link> · <strong>{data.name}</strong> ·{" "}
        {data.versions[0] ? `published version ${data.versions[0].version}` : "never published"}
        {data.hasDraft && <span className="badge">draft</span>}
      </p>
      {data.pendingChanges.length > 0 && !dirty && (
        <div className="alert alert-info">
          <p>
            <strong>The draft differs from version {data.versions[0]!.version}:</strong>
          </p>
          <VersionChanges changes={data.pendingChanges} />
        </div>
      )}
      <form
        aria-label="Form builder"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        {definition.sections.map((section, i) => (
          <SectionEditor
            key={section.id}
            section={section}
            index={i}
            publishedFieldIds={publishedFieldIds}
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
                { id: newId("s"), title: `Section ${definition.sections.length + 1}`, help: "", repeat: null, fields: [{ id: newId("f"), label: "Field 1", type: "text", required: false, help: "", options: [], units: [] }] },
              ],
            })
          }
        >
          Add section
        </button>
        <div className="form-actions sticky-actions">
          <ErrorAlert message={error?.message} />
          <SuccessAlert message={message} />
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            Save draft
          </button>
          <button type="button" className="btn btn-primary" disabled={busy || (!dirty && !data.hasDraft)} onClick={() => void onPublish()}>
            {publish.isPending ? "Publishing…" : `Publish as version ${(data.versions[0]?.version ?? 0) + 1}`}
          </button>
          {data.hasDraft && data.versions.length > 0 && (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => {
                save.reset();
                discard.mutate({ reviewId, formId, revision: data.draftRevision }, { onSuccess: () => { setMessage("Draft discarded."); void refresh(); } });
              }}
            >
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
                <strong>Version {v.version}</strong> <span className="muted">published {formatDate(v.publishedAt)}</span>
                {v.version > 1 && <VersionChanges changes={v.changes} />}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
