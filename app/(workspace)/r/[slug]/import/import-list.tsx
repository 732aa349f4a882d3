"use client";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { formatBytes, formatCount, formatDate, formatTime } from "@/app/_lib/format";
import { FORMAT_LABELS, type Format, SOURCE_KIND_LABELS } from "@/server/api/contract/import";
import { ImportDiagnostics } from "./import-diagnostics";
import { ImportStatusBadge, ServerProgress } from "./import-status";
import { type ImportRow, isBusy, useImports } from "./use-imports";

function formatLabel(format: string | null): string | null {
  if (!format) return null;
  return FORMAT_LABELS[format as Format] ?? format;
}

function FormatCell({ imp }: { imp: ImportRow }) {
  const label = formatLabel(imp.format ?? imp.requestedFormat);
  if (!label) return <span className="muted">—</span>;
  return (
    <>
      {label}
      {imp.requestedFormat && <span className="muted small"> (chosen)</span>}
    </>
  );
}

function DuplicatesCell({ imp }: { imp: ImportRow }) {
  if (imp.status !== "succeeded") return <span className="muted">—</span>;
  if (imp.dedupedAt) return <>{formatCount(imp.duplicatesRemoved)}</>;
  return <span className="muted small">{isBusy(imp) ? "looking…" : "not checked"}</span>;
}

/** Below the row: what is still happening, or what went wrong. Null when there is nothing to add. */
function details(imp: ImportRow, reviewId: string) {
  if (imp.status === "running") return <ServerProgress imp={imp} />;
  if (imp.status === "queued") {
    return (
      <>
        <ServerProgress imp={imp} />
        {imp.error && <p className="muted small">The last attempt was {imp.error}.</p>}
      </>
    );
  }
  if (imp.status === "failed") return <p className="import-error">{imp.error ?? "Sift could not read this file."}</p>;
  if (imp.skippedCount > 0) {
    return <ImportDiagnostics reviewId={reviewId} importId={imp.id} skippedCount={imp.skippedCount} />;
  }
  return null;
}

function WhenCell({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} className="nowrap">
      {formatDate(date)}
      <span className="muted small"> {formatTime(date)}</span>
    </time>
  );
}

export function ImportList({ reviewId }: { reviewId: string }) {
  const imports = useImports(reviewId);
  if (imports.isPending) return <p className="muted">Loading imports…</p>;
  if (imports.isError) return <ErrorAlert>{imports.error.message}</ErrorAlert>;
  const done = (imp: ImportRow) => imp.status === "succeeded";
  const count = (value: (imp: ImportRow) => number) => (imp: ImportRow) =>
    done(imp) ? formatCount(value(imp)) : <span className="muted">—</span>;
  return (
    <DataTable
      scroll
      className="imports-table"
      rows={imports.data}
      rowKey={(imp) => imp.id}
      details={(imp) => details(imp, reviewId)}
      empty={<EmptyState compact>Nothing has been imported into this review yet.</EmptyState>}
      columns={[
        {
          key: "file",
          header: "File",
          className: "import-file",
          cell: (imp) => (
            <>
              {imp.fileName}
              {imp.byteSize > 0 && <span className="muted small"> {formatBytes(imp.byteSize)}</span>}
            </>
          ),
        },
        {
          key: "source",
          header: "Source",
          cell: (imp) => (
            <>
              {imp.source.name}
              <span className="muted small"> {SOURCE_KIND_LABELS[imp.source.kind]}</span>
            </>
          ),
        },
        { key: "format", header: "Format", cell: (imp) => <FormatCell imp={imp} /> },
        { key: "status", header: "Status", cell: (imp) => <ImportStatusBadge status={imp.status} /> },
        { key: "records", header: "Records", numeric: true, cell: count((imp) => imp.recordCount) },
        { key: "unreadable", header: "Unreadable", numeric: true, cell: count((imp) => imp.skippedCount) },
        { key: "duplicates", header: "Duplicates removed", numeric: true, cell: (imp) => <DuplicatesCell imp={imp} /> },
        { key: "by", header: "Imported by", cell: (imp) => imp.createdBy.name },
        { key: "when", header: "When", cell: (imp) => <WhenCell date={imp.createdAt} /> },
      ]}
    />
  );
}
