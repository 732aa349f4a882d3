"use client";
import { SOURCE_KIND_LABELS } from "@/server/import/sources";
import { FORMAT_LABELS, type Format } from "@/server/import/types";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { formatBytes, formatCount, formatDate, formatTime } from "@/app/_lib/format";
import { ImportDiagnostics } from "./import-diagnostics";
import { ImportStatusBadge, ServerProgress } from "./import-status";
import { isBusy, useImports, type ImportRow } from "./use-imports";

const COLUMNS = 9;

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

function Num({ show, value }: { show: boolean; value: number }) {
  return <td className="num">{show ? formatCount(value) : <span className="muted">—</span>}</td>;
}

export function ImportList({ reviewId }: { reviewId: string }) {
  const imports = useImports(reviewId);
  if (imports.isPending) return <p className="muted">Loading imports…</p>;
  if (imports.isError) return <ErrorAlert message={imports.error.message} />;
  if (imports.data.length === 0) return <p className="muted">Nothing has been imported into this review yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data imports-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Source</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Records
            </th>
            <th scope="col" className="num">
              Unreadable
            </th>
            <th scope="col" className="num">
              Duplicates removed
            </th>
            <th scope="col">Imported by</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        {imports.data.map((imp) => {
          const extra = details(imp, reviewId);
          const done = imp.status === "succeeded";
          return (
            <tbody key={imp.id} className="import-group">
              <tr className={extra ? "has-details" : undefined}>
                <td className="import-file">
                  {imp.fileName}
                  {imp.byteSize > 0 && <span className="muted small"> {formatBytes(imp.byteSize)}</span>}
                </td>
                <td>
                  {imp.source.name}
                  <span className="muted small"> {SOURCE_KIND_LABELS[imp.source.kind]}</span>
                </td>
                <td>
                  <FormatCell imp={imp} />
                </td>
                <td>
                  <ImportStatusBadge status={imp.status} />
                </td>
                <Num show={done} value={imp.recordCount} />
                <Num show={done} value={imp.skippedCount} />
                <td className="num">
                  <DuplicatesCell imp={imp} />
                </td>
                <td>{imp.createdBy.name}</td>
                <td>
                  <WhenCell date={imp.createdAt} />
                </td>
              </tr>
              {extra && (
                <tr className="import-details">
                  <td colSpan={COLUMNS}>{extra}</td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
