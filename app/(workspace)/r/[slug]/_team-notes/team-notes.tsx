"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import { MAX_NOTE } from "@/server/api/contract/labels";

interface Props {
  reviewId: string;
  recordId: string;
  /** Whoever screens writes notes; observers read them. */
  canWrite: boolean;
}

function quoted(title: string): string {
  return title ? `“${title.length > 80 ? `${title.slice(0, 77)}…` : title}”` : "an untitled record";
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : "Something went wrong. Try again.";
}

/**
 * The team's notes on a record, oldest first, each with its author and time; whoever screens adds one, edits or
 * deletes their own, and a lead may delete any. Not the decision's note, which stays as blind as the decision.
 */
export function TeamNotes({ reviewId, recordId, canWrite }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const notes = useQuery(trpc.notes.list.queryOptions({ reviewId, recordId }));
  const add = useMutation(trpc.notes.add.mutationOptions());
  const edit = useMutation(trpc.notes.edit.mutationOptions());
  const remove = useMutation(trpc.notes.remove.mutationOptions());
  const [draft, setDraft] = useState({ recordId, text: "" });
  const text = draft.recordId === recordId ? draft.text : "";
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  // Even the author's own notes stay as they are while the review is archived.
  const writable = useMayChange("observer");

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey({ reviewId, recordId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.records.get.queryKey({ reviewId, recordId }) });
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      setStatus(done);
      refresh();
      return true;
    } catch (err) {
      setError(errorText(err));
      refresh();
      return false;
    }
  }

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    if (await run(() => add.mutateAsync({ reviewId, recordId, text }), "Your note was added for the team."))
      setDraft({ recordId, text: "" });
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const { id: noteId, text: edited } = editing;
    if (await run(() => edit.mutateAsync({ reviewId, noteId, text: edited }), "Your note was saved.")) setEditing(null);
  }

  const list = notes.data ?? [];
  const own = list.filter((note) => !note.mergedFrom);
  const merged = list.filter((note) => note.mergedFrom);
  const item = (note: (typeof list)[number]) => (
    <li key={note.id} className="team-note">
      <p className="note-meta small">
        <strong>{note.mine ? "You" : note.author}</strong>{" "}
        <time dateTime={new Date(note.createdAt).toISOString()} className="muted">
          {formatDateTime(new Date(note.createdAt))}
        </time>
        {note.edited && <span className="muted"> · edited {formatDateTime(new Date(note.edited))}</span>}
        {note.mergedFrom && <span className="muted"> · on {quoted(note.mergedFrom.title)}</span>}
      </p>
      {editing?.id === note.id ? (
        <form className="note-form" onSubmit={onSave}>
          <label htmlFor={`${id}-edit`} className="visually-hidden">
            Edit your note
          </label>
          <textarea
            id={`${id}-edit`}
            rows={3}
            maxLength={MAX_NOTE}
            value={editing.text}
            onChange={(e) => setEditing({ id: note.id, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                setEditing(null);
              }
            }}
            // biome-ignore lint/a11y/noAutofocus: the author asked to edit this note, so the cursor goes there
            autoFocus
          />
          <div className="row-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={edit.isPending}>
              Save
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="note-text">{note.text}</p>
      )}
      {editing?.id !== note.id && writable && (note.canEdit || note.canDelete) && (
        <p className="row-actions small">
          {note.canEdit && (
            <button type="button" className="link-button" onClick={() => setEditing({ id: note.id, text: note.text })}>
              Edit<span className="visually-hidden"> your note</span>
            </button>
          )}
          {note.canDelete && (
            <button
              type="button"
              className="link-button danger-link"
              onClick={() => {
                const whose = note.mine ? "your note" : `${note.author}'s note`;
                if (window.confirm(`Delete ${whose}? The record's history keeps that it was written.`))
                  void run(() => remove.mutateAsync({ reviewId, noteId: note.id }), "The note was deleted.");
              }}
            >
              Delete
              <span className="visually-hidden"> {note.mine ? "your note" : `${note.author}'s note`}</span>
            </button>
          )}
        </p>
      )}
    </li>
  );
  return (
    <div className="team-notes">
      <p className="hint" id={`${id}-hint`}>
        Team notes are seen by everyone on the review. Your decision&apos;s own note and reason stay blind.
      </p>
      {notes.isError && <ErrorAlert>{notes.error.message}</ErrorAlert>}
      {notes.isPending ? (
        <p className="muted small">Loading notes…</p>
      ) : list.length === 0 ? (
        <p className="muted small">No team notes on this record.</p>
      ) : (
        <>
          {own.length > 0 && <ol className="note-list">{own.map(item)}</ol>}
          {merged.length > 0 && (
            <>
              <h4 className="note-list-heading">From merged records</h4>
              <p className="hint">Written on duplicates merged into this record; edit them there.</p>
              <ol className="note-list">{merged.map(item)}</ol>
            </>
          )}
        </>
      )}
      {canWrite && (
        <form className="note-form" onSubmit={onAdd}>
          <label htmlFor={`${id}-new`}>Add a note for the team</label>
          <textarea
            id={`${id}-new`}
            rows={2}
            maxLength={MAX_NOTE}
            value={text}
            onChange={(e) => setDraft({ recordId, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Escape") e.currentTarget.blur();
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            aria-describedby={`${id}-hint`}
          />
          <div className="row-actions">
            <button type="submit" className="btn btn-secondary btn-small" disabled={!text.trim() || add.isPending}>
              {add.isPending ? "Adding…" : "Add note"}
            </button>
            <span className="hint">Ctrl+Enter adds it; Esc leaves the box.</span>
          </div>
        </form>
      )}
      <ErrorAlert className="small">{error}</ErrorAlert>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
