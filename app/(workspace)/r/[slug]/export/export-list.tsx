"use client";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { formatBytes, formatCount, formatDateTime } from "@/app/_lib/format";
import { ProgressBar } from "@/app/(workspace)/r/[slug]/import/progress-bar";
import { type ExportFormat, type ExportKind, KIND_RULES } from "@/server/api/contract/export";
import { STAGE_LABELS } from "@/server/shared/stages";
import { FILTER_LABELS, SHORT_FORMAT } from "./export-labels";
import { type ExportRow, useExports } from "./use-exports";

export function describeExport(e: ExportRow): string {
  const parts = [KIND_RULES[e.kind as ExportKind]?.label ?? e.kind];
  // A selection's size is known once its job has read it.
  if (e.kind === "selection" && e.total > 0) parts[0] += ` (${formatCount(e.total)})`;
  if (e.stage) parts.push(STAGE_LABELS[e.stage]);
  if (e.filter && e.filter !== "all") parts.push(FILTER_LABELS[e.filter]);
  return parts.join(" · ");
}

/** Where an export is: waiting, its progress, why it failed, or its file to download. */
export function ExportStatus({ e, reviewId }: { e: ExportRow; reviewId: string }) {
  if (e.status === "succeeded") {
    return (
      <a
        className="btn btn-secondary btn-small"
        href={`/api/reviews/${reviewId}/exports/${e.id}`}
        download={e.fileName ?? undefined}
      >
        Download <span className="muted small">({formatBytes(e.byteSize)})</span>
      </a>
    );
  }
  if (e.status === "failed") return <span className="import-error">{e.error ?? "The export failed."}</span>;
  const fraction = e.total > 0 ? e.done / e.total : null;
  const text =
    e.status === "queued"
      ? "Waiting to start…"
      : e.total > 0
        ? `${formatCount(e.done)} of ${formatCount(e.total)} ${e.kind === "bundle" ? "rows and files" : "rows"}`
        : "Starting…";
  return (
    <ProgressBar
      label={`Progress of ${describeExport(e)}`}
      fraction={e.status === "queued" ? null : fraction}
      text={text}
    />
  );
}

export function ExportList({ reviewId }: { reviewId: string }) {
  const exports = useExports(reviewId);
  if (exports.isPending) return <p className="muted">Loading exports…</p>;
  if (exports.isError) return <ErrorAlert>{exports.error.message}</ErrorAlert>;
  return (
    <DataTable
      scroll
      rows={exports.data}
      rowKey={(e) => e.id}
      empty={<EmptyState compact>You have not exported anything from this review yet.</EmptyState>}
      columns={[
        { key: "export", header: "Export", cell: describeExport },
        { key: "format", header: "Format", cell: (e) => SHORT_FORMAT[e.format as ExportFormat] ?? e.format },
        { key: "asked", header: "Asked for", className: "nowrap", cell: (e) => formatDateTime(e.createdAt) },
        { key: "file", header: "File", cell: (e) => <ExportStatus e={e} reviewId={reviewId} /> },
      ]}
    />
  );
}
