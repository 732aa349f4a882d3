"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import {
  levelLabel,
  OPTION_LABELS,
  type ResultRef,
  type ToolName,
  toolDefinition,
} from "@/server/api/contract/appraisal";
import { AppraisalForm } from "./appraisal-form";
import { type ExtractionPrefill, ExtractionPrefillContext, ExtractionSource } from "./extraction-notes";

interface Props {
  reviewId: string;
  studyId: string;
  tool: ToolName;
  /** RoB 2 and ROBINS-I: the result compared; absent for the per-study tools. */
  result?: ResultRef;
  /** What the consensus extraction answers (validity questions), shown beside the consensus form as beside one's own. */
  prefill: ExtractionPrefill | null;
}

/** Lead only: the appraisers side by side, disagreements marked, and the consensus form drafted from agreement. */
export function ConsensusPanel({ reviewId, studyId, tool, result, prefill }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = { reviewId, studyId, tool, ...(result ? { result } : {}) };
  const comparison = useQuery(trpc.appraisal.compare.queryOptions(key, { staleTime: 0, retry: false }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.appraisal.pathKey() });
  const start = useMutation(trpc.appraisal.startConsensus.mutationOptions({ onSuccess: refresh }));
  const writable = useMayChange("lead");
  const definition = toolDefinition(tool);

  if (comparison.isPending) return <p className="muted">Loading…</p>;
  if (comparison.isError) return <InfoAlert>{comparison.error.message}</InfoAlert>;
  const { appraisers, items, consensus } = comparison.data;
  type Item = (typeof items)[number];
  const disagreements = items.filter((i) => !i.agree).length;
  const choiceLabel = (kind: string, value: string) =>
    (kind === "design" ? definition.designs : definition.variants)?.options.find((o) => o.id === value)?.label ?? value;
  const show = (kind: string, value: string | null) =>
    value === null
      ? "—"
      : kind === "judgement"
        ? levelLabel(definition, value)
        : kind === "variant" || kind === "design"
          ? choiceLabel(kind, value)
          : (OPTION_LABELS[value] ?? value);

  return (
    <div className="stack">
      <section className="card">
        <h2>Comparison</h2>
        <p className="small muted">
          {appraisers.length < 2
            ? "One appraiser per study: nothing to compare."
            : disagreements === 0
              ? "The appraisers agree on every item."
              : `${plural(disagreements, "item")} ${disagreements === 1 ? "differs" : "differ"} (marked).`}
        </p>
        <DataTable
          scroll
          className="compare-table"
          rows={items}
          rowKey={(item: Item) => `${item.kind}-${item.id}-${item.text}`}
          columns={[
            {
              key: "item",
              header: "Item",
              rowHeader: true,
              cellProps: (item: Item) => ({ title: item.text }),
              cell: (item: Item) => (
                <>
                  {item.kind === "judgement"
                    ? item.id === "overall"
                      ? "Overall"
                      : `${item.id} judgement`
                    : item.kind === "variant"
                      ? `${item.domainId} ${item.text.toLowerCase()}`
                      : item.kind === "design"
                        ? item.text
                        : item.id}
                  {item.kind === "question" && <span className="compare-question">{item.text}</span>}
                </>
              ),
            },
            ...appraisers.map((a, i) => ({
              key: a.id,
              header: a.name,
              className: (item: Item) => (item.agree ? undefined : "disagree"),
              cell: (item: Item) => (
                <>
                  {show(item.kind, item.values[i] ?? null)}
                  {!item.agree && <span className="visually-hidden"> (differs)</span>}
                </>
              ),
            })),
          ]}
        />
      </section>
      <section className="card">
        <h2>Consensus</h2>
        {consensus ? (
          <ExtractionPrefillContext.Provider value={prefill}>
            {prefill && <ExtractionSource prefill={prefill} />}
            <AppraisalForm
              key={`${consensus.id}-${consensus.completedAt ? "done" : "open"}`}
              reviewId={reviewId}
              toolName={tool}
              appraisal={consensus}
              consensus
              onSettled={refresh}
            />
          </ExtractionPrefillContext.Provider>
        ) : !writable ? (
          <p className="muted">No consensus was recorded.</p>
        ) : (
          <>
            <p>Start the consensus: answers both appraisers gave are filled in; you decide the rest.</p>
            <button
              type="button"
              className="btn btn-primary"
              disabled={start.isPending}
              onClick={() => start.mutate(key)}
            >
              Start consensus
            </button>
            <ErrorAlert>{start.error?.message}</ErrorAlert>
          </>
        )}
      </section>
    </div>
  );
}
