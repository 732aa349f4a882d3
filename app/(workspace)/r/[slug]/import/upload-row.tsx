import { ErrorAlert } from "@/app/_components/alerts";
import { formatBytes, formatCount, plural } from "@/app/_lib/format";
import { ServerProgress } from "./import-status";
import { ProgressBar, percentOf } from "./progress-bar";
import type { ImportRow } from "./use-imports";

export interface Upload {
  key: number;
  fileName: string;
  size: number;
  loaded: number;
  phase: "waiting" | "uploading" | "uploaded" | "failed";
  error?: string;
  /** Something to add once the file is up, e.g. that its search details could not be saved. */
  note?: string;
  importId?: string;
}

/** One file of this visit's uploads: its bytes going up, then what the server made of it. */
export function UploadRow({ upload, imp }: { upload: Upload; imp: ImportRow | undefined }) {
  return (
    <li className="upload-row">
      <div className="upload-name">
        <strong>{upload.fileName}</strong> <span className="muted small">{formatBytes(upload.size)}</span>
      </div>
      <UploadState upload={upload} imp={imp} />
      {upload.note && <p className="muted small upload-note">{upload.note}</p>}
    </li>
  );
}

function UploadState({ upload, imp }: { upload: Upload; imp: ImportRow | undefined }) {
  if (upload.phase === "waiting") return <p className="muted small">Waiting for the files before it…</p>;
  if (upload.phase === "failed") {
    return <ErrorAlert>{upload.error}</ErrorAlert>;
  }
  if (upload.phase === "uploading") {
    const percent = percentOf(upload.loaded, upload.size);
    return (
      <ProgressBar
        label={`Uploading ${upload.fileName}`}
        fraction={percent / 100}
        text={`Uploading: ${percent} % of ${formatBytes(upload.size)}`}
      />
    );
  }
  if (!imp || imp.status === "queued" || imp.status === "running") {
    return imp ? <ServerProgress imp={imp} /> : <p className="muted small">Uploaded; waiting for the server…</p>;
  }
  if (imp.status === "failed") {
    return <ErrorAlert>{imp.error ?? "Sift could not read this file."}</ErrorAlert>;
  }
  if (imp.status === "awaiting_confirmation") {
    return (
      <p className="small upload-question">
        Already in the review? Sift has not imported it yet:{" "}
        <a href={`#import-${imp.id}`}>answer its question in the list below</a>.
      </p>
    );
  }
  if (imp.status === "cancelled") return <p className="muted small">Not imported (cancelled).</p>;
  if (imp.status === "withdrawing" || imp.status === "withdrawn")
    return <p className="muted small">Withdrawn from the review.</p>;
  const parts = [`Imported ${plural(imp.recordCount, "record")}`];
  if (imp.skippedCount > 0) parts.push(`${formatCount(imp.skippedCount)} could not be read`);
  if (imp.dedupedAt) parts.push(`${plural(imp.duplicatesRemoved, "duplicate")} removed`);
  else parts.push("looking for duplicates…");
  return <p className="upload-done small">{parts.join("; ")}.</p>;
}
