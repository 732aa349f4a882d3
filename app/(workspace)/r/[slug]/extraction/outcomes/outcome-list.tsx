"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import { useListAction } from "@/app/_lib/use-list-action";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import {
  type OutcomeFields as Fields,
  MAX_OUTCOMES,
  OUTCOME_DIRECTION_LABELS,
  OUTCOME_TYPE_LABELS,
  type OutcomeSummary,
} from "@/server/api/contract/outcomes";
import { OutcomeFields } from "./outcome-fields";

interface Props {
  reviewId: string;
  canLead: boolean;
}

const NEW: Fields = { name: "", type: "continuous", unit: "", direction: "higher_is_better" };

/** The review's outcome list: everyone reads it; leads add, change, reorder and remove outcomes. */
export function OutcomeList({ reviewId, canLead }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mayEdit = useMayChange("lead") && canLead;
  const outcomes = useQuery(trpc.outcomes.list.queryOptions({ reviewId }));
  const add = useMutation(trpc.outcomes.add.mutationOptions());
  const update = useMutation(trpc.outcomes.update.mutationOptions());
  const reorder = useMutation(trpc.outcomes.reorder.mutationOptions());
  const remove = useMutation(trpc.outcomes.remove.mutationOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const { notice, run } = useListAction(
    () => void queryClient.invalidateQueries({ queryKey: trpc.outcomes.pathKey() }),
  );
  const list = outcomes.data ?? [];

  const move = (index: number, delta: -1 | 1) => {
    const ids = list.map((o) => o.id);
    [ids[index], ids[index + delta]] = [ids[index + delta]!, ids[index]!];
    void run(() => reorder.mutateAsync({ reviewId, outcomeIds: ids }), `“${list[index]!.name}” moved.`);
  };

  const actions = (o: OutcomeSummary, index: number) => (
    <span className="row-actions">
      <button type="button" className="link-button" onClick={() => setEditing(o.id)}>
        Edit<span className="visually-hidden"> {o.name}</span>
      </button>
      <button
        type="button"
        className="link-button"
        disabled={index === 0 || reorder.isPending}
        aria-label={`Move ${o.name} up`}
        onClick={() => move(index, -1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="link-button"
        disabled={index === list.length - 1 || reorder.isPending}
        aria-label={`Move ${o.name} down`}
        onClick={() => move(index, 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="link-button danger-link"
        onClick={() => {
          if (window.confirm(`Remove the outcome “${o.name}”?`))
            void run(() => remove.mutateAsync({ reviewId, outcomeId: o.id }), `“${o.name}” removed.`);
        }}
      >
        Remove<span className="visually-hidden"> {o.name}</span>
      </button>
    </span>
  );

  return (
    <>
      <section className="card" aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcome list</h2>
        {notice?.error ? <ErrorAlert>{notice.text}</ErrorAlert> : <SuccessAlert>{notice?.text}</SuccessAlert>}
        {outcomes.isError && <ErrorAlert>{outcomes.error.message}</ErrorAlert>}
        {outcomes.isPending ? (
          <p className="muted">Loading outcomes…</p>
        ) : (
          <DataTable
            scroll
            label="Outcomes"
            className="outcome-table"
            rows={list}
            rowKey={(o) => o.id}
            empty={<p className="muted">The review has no outcomes yet.</p>}
            columns={[
              { key: "name", header: "Outcome", rowHeader: true, cell: (o) => o.name },
              {
                key: "type",
                header: "Type",
                cell: (o) => OUTCOME_TYPE_LABELS[o.type].replace(/ \(.*\)$/, ""),
              },
              { key: "unit", header: "Unit", cell: (o) => o.unit || <span className="muted">—</span> },
              {
                key: "direction",
                header: "Good for patients",
                cell: (o) => (o.direction === "higher_is_better" ? "Higher" : "Lower"),
                headerTitle: `${OUTCOME_DIRECTION_LABELS.higher_is_better}, or ${OUTCOME_DIRECTION_LABELS.lower_is_better.toLowerCase()}`,
              },
              canLead && {
                key: "results",
                header: "Result rows",
                className: "num",
                cell: (o) => (o.results === null ? "" : plural(o.results, "row")),
              },
              mayEdit && {
                key: "actions",
                header: "Actions",
                hideHeader: true,
                cell: (o, index) =>
                  editing === o.id ? (
                    <OutcomeFields
                      initial={{ name: o.name, type: o.type, unit: o.unit, direction: o.direction }}
                      typeLocked={(o.results ?? 0) > 0}
                      submitLabel={`Save ${o.name}`}
                      busy={update.isPending}
                      onCancel={() => setEditing(null)}
                      onSubmit={async (fields) => {
                        const saved = await run(
                          () => update.mutateAsync({ reviewId, outcomeId: o.id, ...fields }),
                          `“${fields.name}” saved.`,
                        );
                        if (saved) setEditing(null);
                      }}
                    />
                  ) : (
                    actions(o, index)
                  ),
              },
            ]}
          />
        )}
      </section>
      {mayEdit && (
        <section className="card" aria-labelledby="add-outcome-heading">
          <h2 id="add-outcome-heading">Add an outcome</h2>
          {list.length >= MAX_OUTCOMES ? (
            <p className="muted small">A review has at most {MAX_OUTCOMES} outcomes.</p>
          ) : (
            <OutcomeFields
              key={adding}
              initial={NEW}
              typeLocked={false}
              submitLabel="Add outcome"
              busy={add.isPending}
              onSubmit={async (fields) => {
                const made = await run(() => add.mutateAsync({ reviewId, ...fields }), `“${fields.name}” added.`);
                if (made) setAdding((n) => n + 1);
              }}
            />
          )}
        </section>
      )}
    </>
  );
}
