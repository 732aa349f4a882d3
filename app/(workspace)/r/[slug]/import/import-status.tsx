import { formatCount } from "@/app/_lib/format";
import { ProgressBar, percentOf } from "./progress-bar";
import type { ImportRow } from "./use-imports";

const STATUS_LABELS: Record<ImportRow["status"], string> = {
  queued: "Queued",
  running: "Reading",
  succeeded: "Imported",
  failed: "Failed",
  awaiting_confirmation: "Needs an answer",
  cancelled: "Cancelled",
  withdrawing: "Withdrawing",
  withdrawn: "Withdrawn",
};

export function ImportStatusBadge({ status }: { status: ImportRow["status"] }) {
  return <span className={`badge badge-import-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** The server's progress on a queued or running import; it survives a reload because the server keeps it. */
export function ServerProgress({ imp }: { imp: ImportRow }) {
  const label = `Reading ${imp.fileName}`;
  if (imp.status === "queued") {
    return <ProgressBar label={label} fraction={null} text="Waiting to be read…" />;
  }
  const percent = percentOf(imp.bytesRead, imp.byteSize);
  return (
    <ProgressBar
      label={label}
      fraction={percent / 100}
      text={`Reading: ${percent} %, ${formatCount(imp.parsedCount)} records so far`}
    />
  );
}

/** A large withdrawal runs as a job; its progress is kept on the import, so it survives a reload too. */
export function WithdrawalProgress({ imp }: { imp: ImportRow }) {
  return (
    <ProgressBar
      label={`Withdrawing ${imp.fileName}`}
      fraction={imp.withdrawalProgress > 0 ? imp.withdrawalProgress / 100 : null}
      text={
        imp.withdrawalProgress > 0
          ? `Taking its records out of the review: ${imp.withdrawalProgress} %`
          : "Waiting to take its records out of the review…"
      }
    />
  );
}
