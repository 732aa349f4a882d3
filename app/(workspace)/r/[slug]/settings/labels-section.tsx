"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import { useListAction } from "@/app/_lib/use-list-action";
import { MAX_LABELS } from "@/server/api/contract/labels";
import { LabelChip } from "../_labels/label-chip";
import { type LabelDraft, LabelFields } from "./label-fields";

interface Props {
  reviewId: string;
  canEdit: boolean;
}

const NEW: LabelDraft = { name: "", colour: "blue", shortcut: "" };

/**
 * The review's team labels. Leads add, rename, recolour, re-key and delete them; everyone sees the list, with how
 * many records carry each label.
 */
export function LabelsSection({ reviewId, canEdit }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const labels = useQuery(trpc.labels.list.queryOptions({ reviewId }));
  const create = useMutation(trpc.labels.create.mutationOptions());
  const update = useMutation(trpc.labels.update.mutationOptions());
  const remove = useMutation(trpc.labels.remove.mutationOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const { notice, run } = useListAction(() => void queryClient.invalidateQueries({ queryKey: trpc.labels.pathKey() }));
  const list = labels.data ?? [];

  const others = (labelId: string | null) => list.filter((l) => l.id !== labelId);
  return (
    <section className="card" id="labels" aria-labelledby="labels-heading">
      <h2 id="labels-heading">Labels</h2>
      <p className="muted small">
        Team labels mark records for everyone on the review (“Animal study”, “Ask the statistician”): reviewers put them
        on while screening, with a key if you give one, and anyone can filter the records by them. They belong to the
        record, not to anyone&apos;s decision, so they may not name a verdict.
      </p>
      {notice?.error ? <ErrorAlert>{notice.text}</ErrorAlert> : <SuccessAlert>{notice?.text}</SuccessAlert>}
      {labels.isError && <ErrorAlert>{labels.error.message}</ErrorAlert>}
      {labels.isPending ? (
        <p className="muted">Loading labels…</p>
      ) : list.length === 0 ? (
        <p className="muted">The review has no labels yet.</p>
      ) : (
        <ul className="label-settings">
          {list.map((label) => (
            <li key={label.id}>
              {editing === label.id ? (
                <LabelFields
                  initial={{ name: label.name, colour: label.colour, shortcut: label.shortcut ?? "" }}
                  others={others(label.id)}
                  submitLabel="Save label"
                  busy={update.isPending}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (draft) => {
                    const saved = await run(
                      () =>
                        update.mutateAsync({ reviewId, labelId: label.id, ...draft, shortcut: draft.shortcut || null }),
                      `Label “${draft.name.trim()}” saved.`,
                    );
                    if (saved) setEditing(null);
                  }}
                />
              ) : (
                <div className="label-setting">
                  <LabelChip name={label.name} colour={label.colour} />
                  <span className="small muted">
                    {label.shortcut ? (
                      <>
                        key <kbd>{label.shortcut}</kbd>
                      </>
                    ) : (
                      "no key"
                    )}
                    {" · "}
                    {plural(label.records, "record")}
                  </span>
                  {canEdit && (
                    <span className="row-actions">
                      <button type="button" className="link-button" onClick={() => setEditing(label.id)}>
                        Edit<span className="visually-hidden"> {label.name}</span>
                      </button>
                      <button
                        type="button"
                        className="link-button danger-link"
                        onClick={() => {
                          const on =
                            label.records === 0
                              ? "It is on no record."
                              : `It is on ${plural(label.records, "record")} and will be taken off ${label.records === 1 ? "it" : "them"}; their histories keep that it was there.`;
                          if (window.confirm(`Delete the label “${label.name}”? ${on}`))
                            void run(
                              () => remove.mutateAsync({ reviewId, labelId: label.id, records: label.records }),
                              `Label “${label.name}” deleted.`,
                            );
                        }}
                      >
                        Delete<span className="visually-hidden"> {label.name}</span>
                      </button>
                    </span>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (list.length >= MAX_LABELS ? (
          <p className="muted small">A review has at most {MAX_LABELS} labels.</p>
        ) : (
          <div className="add-label">
            <h3>Add a label</h3>
            <LabelFields
              key={adding}
              initial={NEW}
              others={others(null)}
              submitLabel="Add label"
              busy={create.isPending}
              onSubmit={async (draft) => {
                const made = await run(
                  () => create.mutateAsync({ reviewId, ...draft, shortcut: draft.shortcut || null }),
                  `Label “${draft.name.trim()}” added.`,
                );
                if (made) setAdding((n) => n + 1);
              }}
            />
          </div>
        ))}
    </section>
  );
}
