"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { type SOURCE_KINDS, usualPlatform } from "@/server/api/contract/import";
import { type SearchDetails, today } from "./search-fields";
import { type UploadTarget, uploadFile } from "./upload-file";
import type { Upload } from "./upload-row";

export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * The upload form's source (with names used before or suggested, whose kind is known), how the search was run (the
 * search log, saved on each import once its file is up) and this visit's uploads: files are sent one after
 * another, each with its progress, and the import list refreshes as each arrives.
 */
export function useUploads(reviewId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sources = useQuery(trpc.imports.sources.queryOptions({ reviewId }));
  const [source, setSource] = useState("");
  // Null until the user picks a kind: a known source name decides it, even if the names load after typing.
  const [chosenKind, setChosenKind] = useState<SourceKind | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const nextKey = useRef(0);
  // The platform follows the source's usual one until the user types their own.
  const [search, setSearch] = useState<SearchDetails>({ platform: "", searchedOn: "", searchString: "", limits: "" });
  const [platformTyped, setPlatformTyped] = useState(false);
  const saveSearch = useMutation(trpc.imports.updateSearchLog.mutationOptions());
  // Set after the first render: the server's today may not be the user's.
  useEffect(() => setSearch((s) => (s.searchedOn ? s : { ...s, searchedOn: today() })), []);

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

  function changeSource(value: string) {
    setSource(value);
    if (kindOf.has(value.trim().toLowerCase())) setChosenKind(null);
    if (!platformTyped) setSearch((s) => ({ ...s, platform: usualPlatform(value) }));
  }

  function changeSearch(value: SearchDetails) {
    if (value.platform !== search.platform) setPlatformTyped(value.platform.trim() !== "");
    setSearch(value);
  }

  function patch(key: number, change: Partial<Upload>) {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }

  async function send(files: File[], format: string) {
    if (files.length === 0) {
      setFormError("Choose one or more files to import.");
      return;
    }
    setFormError(null);
    const target: UploadTarget = { reviewId, source: source.trim(), sourceKind: kind, format };
    const batch: Upload[] = files.map((file) => ({
      key: nextKey.current++,
      fileName: file.name,
      size: file.size,
      loaded: 0,
      phase: "waiting",
    }));
    setUploads((list) => [...batch, ...list]);
    setSending(true);
    // One after another: the server reads imports of a review in order anyway, and the bar stays meaningful.
    for (const [i, file] of files.entries()) {
      const { key } = batch[i]!;
      patch(key, { phase: "uploading" });
      try {
        const importId = await uploadFile(file, target, (loaded) => patch(key, { loaded }));
        patch(key, { phase: "uploaded", loaded: file.size, importId });
        await saveSearch
          .mutateAsync({
            reviewId,
            importId,
            source: { name: target.source, kind },
            platform: search.platform.trim(),
            searchedOn: search.searchedOn || null,
            searchString: search.searchString,
            limits: search.limits.trim(),
          })
          .catch((err: Error) =>
            patch(key, { note: `Its search details were not saved (${err.message}); add them under Imports.` }),
          );
        await queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey({ reviewId }) });
      } catch (err) {
        patch(key, { phase: "failed", error: err instanceof Error ? err.message : String(err) });
      }
    }
    setSending(false);
    // The search log and the sources the form suggests both changed.
    void queryClient.invalidateQueries({ queryKey: trpc.imports.pathKey() });
    // The next files are usually another database's search: its string and limits are not this one's.
    setSearch((s) => ({ ...s, platform: "", searchString: "", limits: "" }));
    setPlatformTyped(false);
  }

  return {
    source,
    changeSource,
    names,
    kind,
    chooseKind: setChosenKind,
    search,
    changeSearch,
    uploads,
    clearUploads: () => setUploads([]),
    sending,
    formError,
    send,
  };
}
