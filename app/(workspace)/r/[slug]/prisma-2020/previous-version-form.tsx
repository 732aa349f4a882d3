"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import type { FlowDiagram } from "./flow-types";

/**
 * A lead's choice of the statement's two forms of the diagram: for a new review, or for an updated review with the
 * previous version's studies and reports, typed in or read from that review's Sift bundle.
 */
export function PreviousVersionForm({ reviewId, diagram }: { reviewId: string; diagram: FlowDiagram }) {
  const trpc = useTRPC();
  const router = useRouter();
  const saved = diagram.previousVersion;
  const [updated, setUpdated] = useState(saved !== null);
  const [studies, setStudies] = useState(String(saved?.studies ?? ""));
  const [reports, setReports] = useState(String(saved?.reports ?? ""));
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const set = useMutation(
    trpc.prisma2020Flow.setPreviousVersion.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const clear = useMutation(
    trpc.prisma2020Flow.clearPreviousVersion.mutationOptions({ onSuccess: () => router.refresh() }),
  );

  function choose(next: boolean) {
    setUpdated(next);
    if (!next && saved) clear.mutate({ reviewId });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    set.mutate({ reviewId, studies: Number(studies), reports: Number(reports) });
  }

  async function upload(file: File) {
    setUploadError(null);
    setUploading(true);
    try {
      const response = await fetch(`/api/reviews/${reviewId}/prisma-2020/previous-version`, {
        method: "POST",
        body: file,
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setUploadError(body?.error ?? "The bundle could not be read. Try again.");
        return;
      }
      const read = (await response.json()) as { studies: number; reports: number };
      setStudies(String(read.studies));
      setReports(String(read.reports));
      router.refresh();
    } catch {
      setUploadError("The upload did not reach Sift. Check the connection and try again.");
    } finally {
      setUploading(false);
    }
  }

  return (
    <section className="card prisma-variant" aria-labelledby="prisma-variant-title">
      <h2 id="prisma-variant-title">Form of the diagram</h2>
      <fieldset className="prisma-variant-choice">
        <legend className="visually-hidden">Form of the diagram</legend>
        <label>
          <input type="radio" name="prisma-variant" checked={!updated} onChange={() => choose(false)} /> New review
        </label>
        <label>
          <input type="radio" name="prisma-variant" checked={updated} onChange={() => choose(true)} /> Updated review
          (adds the studies of its previous version)
        </label>
      </fieldset>
      {updated && (
        <>
          <form className="prisma-variant-form" onSubmit={submit}>
            <span className="prisma-variant-field">
              <label htmlFor="previous-studies">Studies included in the previous version</label>
              <input
                id="previous-studies"
                type="number"
                min={0}
                step={1}
                required
                value={studies}
                onChange={(e) => setStudies(e.target.value)}
              />
            </span>
            <span className="prisma-variant-field">
              <label htmlFor="previous-reports">Reports of those studies</label>
              <input
                id="previous-reports"
                type="number"
                min={0}
                step={1}
                required
                value={reports}
                onChange={(e) => setReports(e.target.value)}
              />
            </span>
            <button type="submit" className="btn btn-primary btn-small" disabled={set.isPending}>
              {set.isPending ? "Saving…" : "Save"}
            </button>
          </form>
          <div className="prisma-variant-form">
            <label htmlFor="previous-bundle">Or read them from the previous version's Sift bundle</label>
            <input
              id="previous-bundle"
              type="file"
              accept=".gz,application/gzip"
              disabled={uploading}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
                e.target.value = "";
              }}
            />
            {uploading && <span className="muted small">Reading the bundle…</span>}
          </div>
          {saved && (
            <p className="muted small" role="status">
              The diagram adds {saved.studies.toLocaleString("en-GB")} studies and{" "}
              {saved.reports.toLocaleString("en-GB")} reports of the previous version
              {saved.bundleTitle ? `, read from the bundle of “${saved.bundleTitle}”` : ", as entered"}.
            </p>
          )}
        </>
      )}
      <ErrorAlert className="small">{set.error?.message ?? clear.error?.message ?? uploadError}</ErrorAlert>
    </section>
  );
}
