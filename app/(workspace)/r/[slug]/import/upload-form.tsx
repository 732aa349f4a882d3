"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/server/import/sources";
import { FORMAT_LABELS, FORMATS } from "@/server/import/types";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { UploadRow, type Upload } from "./upload-row";
import { uploadFile } from "./upload-file";
import { useImports } from "./use-imports";

type SourceKind = (typeof SOURCE_KINDS)[number];

// A hint for the file picker only: Sift reads a file by its content, so any name is accepted.
const ACCEPT = ".ris,.txt,.nbib,.xml,.bib,.csv,.tsv,.ciw,.json";

export function UploadForm({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sources = useQuery(trpc.imports.sources.queryOptions({ reviewId }));
  const imports = useImports(reviewId);
  const [source, setSource] = useState("");
  // Null until the user picks a kind: a known source name decides it, even if the names load after typing.
  const [chosenKind, setChosenKind] = useState<SourceKind | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);

  // Sources already used in this review come first and decide the kind over the suggestions.
  const { names, kindOf } = useMemo(() => {
    const kinds = new Map<string, SourceKind>();
    const names: string[] = [];
    for (const s of [...(sources.data?.used ?? []), ...(sources.data?.suggested ?? [])]) {
      const key = s.name.toLowerCase();
      if (kinds.has(key)) continue;
      kinds.set(key, s.kind);
      names.push(s.name);
    }
    return { names, kindOf: kinds };
  }, [sources.data]);

  const kind = chosenKind ?? kindOf.get(source.trim().toLowerCase()) ?? "database";

  function onSourceChange(value: string) {
    setSource(value);
    if (kindOf.has(value.trim().toLowerCase())) setChosenKind(null);
  }

  function patch(key: number, change: Partial<Upload>) {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = Array.from(fileInput.current?.files ?? []);
    if (files.length === 0) {
      setFormError("Choose one or more files to import.");
      return;
    }
    setFormError(null);
    const target = {
      reviewId,
      source: source.trim(),
      sourceKind: kind,
      format: String(new FormData(event.currentTarget).get("format") ?? ""),
    };
    const batch: Upload[] = files.map((file) => ({
      key: nextKey.current++,
      fileName: file.name,
      size: file.size,
      loaded: 0,
      phase: "waiting",
    }));
    setUploads((list) => [...batch, ...list]);
    if (fileInput.current) fileInput.current.value = "";
    setSending(true);
    // One after another: the server reads imports of a review in order anyway, and the bar stays meaningful.
    for (const [i, file] of files.entries()) {
      const { key } = batch[i]!;
      patch(key, { phase: "uploading" });
      try {
        const importId = await uploadFile(file, target, (loaded) => patch(key, { loaded }));
        patch(key, { phase: "uploaded", loaded: file.size, importId });
        await queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey({ reviewId }) });
      } catch (err) {
        patch(key, { phase: "failed", error: err instanceof Error ? err.message : String(err) });
      }
    }
    setSending(false);
    void queryClient.invalidateQueries({ queryKey: trpc.imports.sources.queryKey({ reviewId }) });
  }

  const done = uploads.length > 0 && !sending;
  return (
    <>
      <ErrorAlert message={formError} />
      <form className="upload-form" onSubmit={(e) => void onSubmit(e)}>
        <div className="upload-fields">
          <div className="field">
            <label htmlFor="import-source">Source</label>
            <input
              id="import-source"
              name="source"
              type="text"
              list="import-source-names"
              required
              maxLength={100}
              autoComplete="off"
              value={source}
              onChange={(e) => onSourceChange(e.target.value)}
              aria-describedby="import-source-hint"
            />
            <datalist id="import-source-names">
              {names.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <span id="import-source-hint" className="hint">
              The database, register or other source searched, e.g. PubMed.
            </span>
          </div>
          <div className="field">
            <label htmlFor="import-source-kind">Source kind</label>
            <select
              id="import-source-kind"
              name="sourceKind"
              value={kind}
              onChange={(e) => setChosenKind(e.target.value as SourceKind)}
            >
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <span className="hint">How the PRISMA flow diagram counts it.</span>
          </div>
          <div className="field">
            <label htmlFor="import-format">Format</label>
            <select id="import-format" name="format" defaultValue="">
              <option value="">Detect automatically</option>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
            <span className="hint">Choose one only if detection gets it wrong.</span>
          </div>
        </div>
        <div className="field">
          <label htmlFor="import-files">Files</label>
          <input
            id="import-files"
            ref={fileInput}
            name="files"
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby="import-files-hint"
          />
          <span id="import-files-hint" className="hint">
            Choose one file or several from the same source; they are imported one after another.
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={sending}>
            Import
          </button>
          {sending && <span className="muted small">Uploading…</span>}
        </div>
      </form>
      {uploads.length > 0 && (
        <section className="uploads" aria-label="Uploads">
          <ul className="upload-list">
            {uploads.map((upload) => (
              <UploadRow
                key={upload.key}
                upload={upload}
                imp={imports.data?.find((i) => i.id === upload.importId)}
              />
            ))}
          </ul>
          {done && (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setUploads([])}>
              Clear this list
            </button>
          )}
        </section>
      )}
    </>
  );
}
