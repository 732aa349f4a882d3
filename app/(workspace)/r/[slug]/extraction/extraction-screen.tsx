"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { entriesOf, entryKey, instancesOf, valuesToSend, type Entries } from "./entry-values";
import { FormEntry } from "./form-entry";
import { ReportPane } from "./report-pane";
import { VersionChanges } from "./version-changes";

interface Props {
  reviewId: string;
  slug: string;
  formId: string;
  studyId: string;
}

export function ExtractionScreen({ reviewId, slug, formId, studyId }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const target = { reviewId, formId, studyId };
  const mine = useQuery(trpc.extraction.mine.queryOptions(target, { staleTime: Infinity, refetchOnWindowFocus: false }));
  const [entries, setEntries] = useState<Entries>({});
  const [instances, setInstances] = useState<Record<string, string[]>>({});
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const loadedFor = useRef<unknown>(null);
  // After a stale-version refusal the form reloads under the new version with the unsaved entries kept.
  const keepEntries = useRef(false);

  useEffect(() => {
    if (!mine.data || loadedFor.current === mine.data) return;
    loadedFor.current = mine.data;
    const fresh = entriesOf(mine.data.definition, mine.data.values);
    const freshInstances = instancesOf(mine.data.definition, mine.data.values);
    if (keepEntries.current) {
      keepEntries.current = false;
      setEntries((mineNow) => ({ ...fresh, ...mineNow }));
      setInstances((now) => Object.fromEntries(Object.entries(freshInstances).map(([id, keys]) => [id, [...new Set([...keys, ...(now[id] ?? [])])]])));
      return;
    }
    setEntries(fresh);
    setInstances(freshInstances);
    setDirty(false);
  }, [mine.data]);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.extraction.pathKey() });
  const save = useMutation(trpc.extraction.save.mutationOptions({ onSuccess: () => { setDirty(false); setMessage("Saved."); void invalidate(); } }));
  const complete = useMutation(trpc.extraction.complete.mutationOptions({ onSuccess: () => { setMessage("Saved and marked complete."); void invalidate(); } }));

  const data = mine.data;
  const closed = data?.consensusRecorded ?? false;
  const busy = save.isPending || complete.isPending;

  async function onSave(andComplete: boolean) {
    if (!data) return;
    setMessage(null);
    complete.reset();
    const base = { ...target, formVersionId: data.formVersionId };
    try {
      await save.mutateAsync({ ...base, values: valuesToSend(data.definition, entries, instances, data.values) });
    } catch {
      return;
    }
    if (andComplete) complete.mutate(base);
  }

  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current(false);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (mine.isPending) return <p className="muted">Loading…</p>;
  if (mine.error) return <ErrorAlert message={mine.error.message} />;
  if (!data) return null;
  return (
    <>
      <p className="intro">
        <Link href={`/r/${slug}/extraction?form=${formId}`}>← All studies</Link> · {data.study.label} · form version {data.version}
        {data.completedAt && <span className="badge badge-done">complete</span>}
      </p>
      {data.changesSince.length > 0 && (
        <div className="alert alert-info">
          <p>
            <strong>
              You extracted this study under version {data.extractedUnder}; the form is now version {data.version}.
            </strong>{" "}
            Your values are kept. What changed:
          </p>
          <VersionChanges changes={data.changesSince} />
        </div>
      )}
      {closed && <div className="alert alert-info">A lead has recorded the consensus for this study; your extraction is closed.</div>}
      <div className="extraction-layout">
        <ReportPane reports={data.study.reports} />
        <form
          className="extraction-form"
          aria-label="Extraction form"
          onSubmit={(e) => {
            e.preventDefault();
            void onSave(false);
          }}
        >
          <FormEntry
            definition={data.definition}
            entries={entries}
            instances={instances}
            disabled={closed || busy}
            onEntry={(fieldId, instanceKey, entry) => {
              setEntries((all) => ({ ...all, [entryKey(fieldId, instanceKey)]: entry }));
              setDirty(true);
            }}
            onInstances={(sectionId, keys) => {
              setInstances((all) => ({ ...all, [sectionId]: keys }));
              setDirty(true);
            }}
          />
          <div className="form-actions sticky-actions">
            <ErrorAlert message={save.error?.message ?? complete.error?.message} />
            {(save.error ?? complete.error)?.data?.appCode === "STALE" && !closed && (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  keepEntries.current = true;
                  save.reset();
                  complete.reset();
                  void mine.refetch();
                }}
              >
                Load the new version, keeping my entries
              </button>
            )}
            <SuccessAlert message={!dirty ? message : null} />
            <button type="submit" className="btn btn-primary" disabled={closed || busy}>
              {save.isPending ? "Saving…" : "Save"} <kbd>Ctrl S</kbd>
            </button>
            <button type="button" className="btn btn-secondary" disabled={closed || busy} onClick={() => void onSave(true)}>
              Save and mark complete
            </button>
            {dirty && <span className="muted small">Unsaved changes</span>}
          </div>
        </form>
      </div>
    </>
  );
}
