"use client";
import { useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { formatBytes, formatCount, formatDate, formatTime } from "@/app/_lib/format";
import { FORMAT_LABELS, type Format, SOURCE_KIND_LABELS } from "@/server/api/contract/import";
import { DuplicateQuestion } from "./duplicate-question";
import { ImportDiagnostics } from "./import-diagnostics";
import { ImportStatusBadge, ServerProgress, WithdrawalProgress } from "./import-status";
import { SearchLogEditor } from "./search-log-editor";
import { type ImportRow, isBusy, useImports } from "./use-imports";
import { WithdrawPanel } from "./withdraw-panel";

type Panel = { importId: string; kind: "withdraw" | "search" } | null;

function formatLabel(format: string | null): string | null {
  if (!format) return null;
  return FORMAT_LABELS[format as Format] ?? format;
}

/** Size and format under the file's name: "12.4 KB · RIS (chosen)". */
function FileFacts({ imp }: { imp: ImportRow }) {
  const format = formatLabel(imp.format ?? imp.requestedFormat);
  const facts = [
    imp.byteSize > 0 && formatBytes(imp.byteSize),
    format && `${format}${imp.requestedFormat ? " (chosen)" : ""}`,
  ];
  const text = facts.filter(Boolean).join(" · ");
  return text ? <span className="muted small">{text}</span> : null;
}

function DuplicatesCell({ imp }: { imp: ImportRow }) {
  if (imp.status !== "succeeded") return <span className="muted">—</span>;
  if (imp.dedupedAt) return <>{formatCount(imp.duplicatesRemoved)}</>;
  return <span className="muted small">{isBusy(imp) ? "looking…" : "not checked"}</span>;
}

function Withdrawn({ imp }: { imp: ImportRow }) {
  return (
    <p className="small import-withdrawn-note">
      Withdrawn
      {imp.withdrawnAt && ` on ${formatDate(imp.withdrawnAt)}`}
      {imp.withdrawnBy && ` by ${imp.withdrawnBy.name}`}
      {imp.withdrawalReason && <>: “{imp.withdrawalReason}”</>}. Its {formatCount(imp.recordCount)} records left the
      review; they are kept in the audit trail and in review bundles.
    </p>
  );
}

/** Below the row: what is still happening, what went wrong, or what a lead opened. Null when nothing. */
function details(
  imp: ImportRow,
  all: ImportRow[],
  reviewId: string,
  canImport: boolean,
  panel: Panel,
  close: () => void,
) {
  if (panel?.importId === imp.id && panel.kind === "withdraw")
    return <WithdrawPanel reviewId={reviewId} imp={imp} onClose={close} />;
  if (panel?.importId === imp.id && panel.kind === "search")
    return <SearchLogEditor reviewId={reviewId} imp={imp} onClose={close} />;
  if (imp.status === "running") return <ServerProgress imp={imp} />;
  if (imp.status === "queued") {
    return (
      <>
        <ServerProgress imp={imp} />
        {imp.error && <p className="muted small">The last attempt was {imp.error}.</p>}
      </>
    );
  }
  if (imp.status === "awaiting_confirmation")
    return <DuplicateQuestion reviewId={reviewId} imp={imp} all={all} canAnswer={canImport} />;
  if (imp.status === "failed") return <p className="import-error">{imp.error ?? "Sift could not read this file."}</p>;
  if (imp.status === "withdrawing") return <WithdrawalProgress imp={imp} />;
  if (imp.status === "withdrawn") return <Withdrawn imp={imp} />;
  const parts = [];
  if (imp.withdrawalError)
    parts.push(
      <p key="withdrawal" className="import-error">
        Not withdrawn: {imp.withdrawalError}
      </p>,
    );
  if (imp.skippedCount > 0)
    parts.push(
      <ImportDiagnostics key="diagnostics" reviewId={reviewId} importId={imp.id} skippedCount={imp.skippedCount} />,
    );
  return parts.length > 0 ? parts : null;
}

function ImportedCell({ imp }: { imp: ImportRow }) {
  return (
    <>
      {imp.createdBy.name}
      <time dateTime={imp.createdAt.toISOString()} className="muted small nowrap">
        {formatDate(imp.createdAt)}, {formatTime(imp.createdAt)}
      </time>
    </>
  );
}

function Actions({ imp, open }: { imp: ImportRow; open: (kind: "withdraw" | "search") => void }) {
  const searchable = imp.status !== "cancelled" && imp.status !== "withdrawn" && imp.status !== "withdrawing";
  return (
    <div className="import-actions">
      {searchable && (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => open("search")}>
          Search details<span className="visually-hidden"> of {imp.fileName}</span>
        </button>
      )}
      {imp.status === "succeeded" && (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => open("withdraw")}>
          Withdraw…<span className="visually-hidden"> {imp.fileName}</span>
        </button>
      )}
    </div>
  );
}

export function ImportList({ reviewId, canImport }: { reviewId: string; canImport: boolean }) {
  const imports = useImports(reviewId);
  const [panel, setPanel] = useState<Panel>(null);
  if (imports.isPending) return <p className="muted">Loading imports…</p>;
  if (imports.isError) return <ErrorAlert>{imports.error.message}</ErrorAlert>;
  const counted = (imp: ImportRow) => imp.status === "succeeded" || imp.status === "withdrawing";
  const count = (value: (imp: ImportRow) => number) => (imp: ImportRow) =>
    counted(imp) ? formatCount(value(imp)) : <span className="muted">—</span>;
  return (
    <DataTable
      scroll
      className="imports-table"
      label="Imports"
      rows={imports.data}
      rowKey={(imp) => imp.id}
      rowClassName={(imp) => (imp.status === "withdrawn" || imp.status === "cancelled" ? "import-gone" : undefined)}
      details={(imp) => details(imp, imports.data, reviewId, canImport, panel, () => setPanel(null))}
      empty={<EmptyState compact>Nothing has been imported into this review yet.</EmptyState>}
      columns={[
        {
          key: "file",
          header: "File",
          className: "import-file",
          cellProps: (imp) => ({ id: `import-${imp.id}` }),
          cell: (imp) => (
            <>
              {imp.fileName}
              <FileFacts imp={imp} />
              {canImport && (
                <Actions
                  imp={imp}
                  open={(kind) =>
                    setPanel((p) => (p?.importId === imp.id && p.kind === kind ? null : { importId: imp.id, kind }))
                  }
                />
              )}
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
        { key: "status", header: "Status", cell: (imp) => <ImportStatusBadge status={imp.status} /> },
        { key: "records", header: "Records", numeric: true, cell: count((imp) => imp.recordCount) },
        { key: "unreadable", header: "Unreadable", numeric: true, cell: count((imp) => imp.skippedCount) },
        { key: "duplicates", header: "Duplicates removed", numeric: true, cell: (imp) => <DuplicatesCell imp={imp} /> },
        { key: "imported", header: "Imported", cell: (imp) => <ImportedCell imp={imp} /> },
      ]}
    />
  );
}
