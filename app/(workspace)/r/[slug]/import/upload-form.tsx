"use client";
import { type FormEvent, useRef } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { FORMAT_LABELS, FORMATS, SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/server/api/contract/import";
import { SearchFields } from "./search-fields";
import { UploadRow } from "./upload-row";
import { useImports } from "./use-imports";
import { type SourceKind, useUploads } from "./use-uploads";

// A hint for the file picker only: Sift reads a file by its content, so any name is accepted.
const ACCEPT = ".ris,.txt,.nbib,.xml,.bib,.csv,.tsv,.ciw,.json";

export function UploadForm({ reviewId }: { reviewId: string }) {
  const {
    source,
    changeSource,
    names,
    kind,
    chooseKind,
    search,
    changeSearch,
    uploads,
    clearUploads,
    sending,
    formError,
    send,
  } = useUploads(reviewId);
  const imports = useImports(reviewId);
  const fileInput = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = Array.from(fileInput.current?.files ?? []);
    const format = String(new FormData(event.currentTarget).get("format") ?? "");
    if (files.length > 0 && fileInput.current) fileInput.current.value = "";
    void send(files, format);
  }

  const done = uploads.length > 0 && !sending;
  return (
    <>
      <ErrorAlert>{formError}</ErrorAlert>
      <form className="upload-form" onSubmit={onSubmit}>
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
              onChange={(e) => changeSource(e.target.value)}
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
              onChange={(e) => chooseKind(e.target.value as SourceKind)}
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
        <fieldset className="search-log-fieldset">
          <legend>How this search was run</legend>
          <p className="hint">
            For the search log that PRISMA-S asks you to report. Optional, and editable later under Imports.
          </p>
          <SearchFields idPrefix="upload-search" value={search} onChange={changeSearch} />
        </fieldset>
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
              <UploadRow key={upload.key} upload={upload} imp={imports.data?.find((i) => i.id === upload.importId)} />
            ))}
          </ul>
          {done && (
            <button type="button" className="btn btn-secondary btn-small" onClick={clearUploads}>
              Clear this list
            </button>
          )}
        </section>
      )}
    </>
  );
}
