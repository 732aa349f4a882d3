"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import {
  EXPORT_PAGE_KINDS,
  type ExportFormat,
  type ExportPageKind,
  KIND_RULES,
  type RecordFilter,
} from "@/server/api/contract/export";
import { STAGE_LABELS, STAGES } from "@/server/shared/stages";
import { FORMAT_LABELS, KIND_HINTS } from "./export-labels";

type Stage = (typeof STAGES)[number];

export function ExportForm({ reviewId, isLead }: { reviewId: string; isLead: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const kinds = EXPORT_PAGE_KINDS.filter((k) => isLead || KIND_RULES[k].minRole !== "lead");
  const [kind, setKind] = useState<ExportPageKind>("records");
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [stage, setStage] = useState<Stage>("title_abstract");
  const [filter, setFilter] = useState<RecordFilter>("all");
  const start = useMutation(
    trpc.exports.start.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.exports.mine.queryKey({ reviewId }) }),
    }),
  );
  const rules = KIND_RULES[kind];
  const chosenFormat = rules.formats.includes(format) ? format : rules.formats[0]!;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    start.mutate({
      reviewId,
      kind,
      format: chosenFormat,
      ...(rules.staged ? { stage } : {}),
      ...(kind === "records" ? { filter } : {}),
    });
  }

  return (
    <form onSubmit={onSubmit}>
      <ErrorAlert>{start.error?.message}</ErrorAlert>
      <fieldset className="export-kinds">
        <legend>What to export</legend>
        {kinds.map((k) => (
          <div className="check" key={k}>
            <input
              type="radio"
              id={`export-kind-${k}`}
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <label htmlFor={`export-kind-${k}`}>{KIND_RULES[k].label}</label>
            <span className="hint">{KIND_HINTS[k]}</span>
          </div>
        ))}
      </fieldset>
      <div className="upload-fields">
        <div className="field">
          <label htmlFor="export-format">Format</label>
          <select
            id="export-format"
            value={chosenFormat}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
            disabled={rules.formats.length === 1}
          >
            {rules.formats.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        {rules.staged && (
          <div className="field">
            <label htmlFor="export-stage">Stage</label>
            <select id="export-stage" value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === "records" && (
          <div className="field">
            <label htmlFor="export-filter">Records</label>
            <select id="export-filter" value={filter} onChange={(e) => setFilter(e.target.value as RecordFilter)}>
              <option value="all">All records of the stage</option>
              <option value="included">Included only</option>
              <option value="excluded">Excluded only</option>
            </select>
          </div>
        )}
      </div>
      <button type="submit" className="btn btn-primary" disabled={start.isPending}>
        {start.isPending ? "Starting…" : "Export"}
      </button>
    </form>
  );
}
