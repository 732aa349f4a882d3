"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/server/api/contract/import";
import { type SearchDetails, SearchFields } from "./search-fields";
import type { ImportRow } from "./use-imports";

type SourceKind = (typeof SOURCE_KINDS)[number];

/** A lead corrects one import's search log: which database it was, and how it was searched. */
export function SearchLogEditor({ reviewId, imp, onClose }: { reviewId: string; imp: ImportRow; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [database, setDatabase] = useState(imp.source.name);
  const [kind, setKind] = useState<SourceKind>(imp.source.kind);
  const [search, setSearch] = useState<SearchDetails>({
    platform: imp.platform,
    searchedOn: imp.searchedOn ?? "",
    searchString: imp.searchString,
    limits: imp.limits,
  });
  const save = useMutation(
    trpc.imports.updateSearchLog.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.imports.pathKey() });
        onClose();
      },
    }),
  );
  useEffect(() => heading.current?.focus(), []);
  const moves = database.trim() !== imp.source.name && imp.recordCount > 0 && imp.status === "succeeded";
  return (
    <section
      className="search-log-editor"
      aria-labelledby={`${ids}-heading`}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <h3 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        Search details of {imp.fileName}
      </h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            reviewId,
            importId: imp.id,
            source: { name: database.trim(), kind },
            platform: search.platform.trim(),
            searchedOn: search.searchedOn || null,
            searchString: search.searchString,
            limits: search.limits.trim(),
          });
        }}
      >
        <div className="search-fields">
          <div className="field">
            <label htmlFor={`${ids}-database`}>Database or source</label>
            <input
              id={`${ids}-database`}
              type="text"
              required
              maxLength={100}
              value={database}
              onChange={(e) => setDatabase(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-kind`}>Source kind</label>
            <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {moves && (
          <p className="hint">
            Its {imp.recordCount.toLocaleString("en-GB")} records will count under “{database.trim()}” in the PRISMA
            diagram.
          </p>
        )}
        <SearchFields idPrefix={`${ids}-search`} value={search} onChange={setSearch} />
        <ErrorAlert>{save.error?.message}</ErrorAlert>
        <div className="row-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save search details"}
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
