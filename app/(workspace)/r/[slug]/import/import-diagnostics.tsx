"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { plural } from "@/app/_lib/format";

interface Diagnostic {
  line: number;
  message: string;
}

/** The stored JSON as the parsers wrote it; anything else is dropped rather than shown as gibberish. */
function readDiagnostics(value: unknown): Diagnostic[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { line, message } = item as { line?: unknown; message?: unknown };
    return typeof message === "string" ? [{ line: typeof line === "number" ? line : 0, message }] : [];
  });
}

interface Props {
  reviewId: string;
  importId: string;
  skippedCount: number;
}

/** Loaded only when opened: a bad file can leave a thousand messages. */
export function ImportDiagnostics({ reviewId, importId, skippedCount }: Props) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const result = useQuery(
    trpc.imports.diagnostics.queryOptions({ reviewId, importId }, { enabled: open, staleTime: Infinity }),
  );
  const panelId = `diagnostics-${importId}`;
  const diagnostics = readDiagnostics(result.data?.diagnostics);
  return (
    <div className="diagnostics">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {plural(skippedCount, "record")} could not be read
      </button>
      {open && (
        <div id={panelId} className="diagnostics-panel">
          {result.isPending && <p className="muted small">Loading…</p>}
          <ErrorAlert>{result.error?.message}</ErrorAlert>
          {result.isSuccess && (
            <ul className="diagnostics-list">
              {diagnostics.map((d, i) => (
                <li key={i}>
                  {d.line > 0 && <span className="diagnostics-line">line {d.line}: </span>}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
