"use client";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount, formatDate } from "@/app/_lib/format";
import { SOURCE_KIND_LABELS } from "@/server/api/contract/import";
import type { AppRouter } from "@/server/api/root";
import { useImports } from "./use-imports";

type SearchRow = inferRouterOutputs<AppRouter>["imports"]["searchLog"][number];

const missing = <span className="muted small search-log-missing">not recorded</span>;

/** The review's search summary (PRISMA-S): one row per search whose records are in the review, and its downloads. */
export function SearchSummary({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const log = useQuery(trpc.imports.searchLog.queryOptions({ reviewId }));
  // A search joins the log once its file is read, and leaves it when withdrawn: follow the imports' states.
  const imports = useImports(reviewId);
  const states = imports.data?.map((i) => `${i.id}:${i.status}`).join(" ");
  const refetch = log.refetch;
  useEffect(() => {
    if (states !== undefined) void refetch();
  }, [states, refetch]);
  const base = `/api/reviews/${encodeURIComponent(reviewId)}/imports/search-log`;
  if (log.isPending) return <p className="muted">Loading the search log…</p>;
  if (log.isError) return <ErrorAlert>{log.error.message}</ErrorAlert>;
  const total = log.data.reduce((n, s) => n + s.records, 0);
  return (
    <>
      <DataTable
        scroll
        className="search-log-table"
        label="Searches"
        rows={log.data}
        rowKey={(s: SearchRow) => s.importId}
        empty={<EmptyState compact>No searches yet: each imported file is one search here.</EmptyState>}
        columns={[
          {
            key: "database",
            header: "Database or source",
            rowHeader: true,
            cell: (s) => (
              <>
                {s.database}
                <span className="muted small search-log-kind">{SOURCE_KIND_LABELS[s.kind]}</span>
              </>
            ),
          },
          { key: "platform", header: "Interface or platform", cell: (s) => s.platform || missing },
          {
            key: "date",
            header: "Date searched",
            cell: (s) =>
              s.searchedOn ? (
                <time dateTime={s.searchedOn} className="nowrap">
                  {formatDate(new Date(`${s.searchedOn}T12:00:00Z`))}
                </time>
              ) : (
                missing
              ),
          },
          {
            key: "string",
            header: "Search string",
            className: "search-string",
            cell: (s) => (s.searchString ? <span className="pre-wrap">{s.searchString}</span> : missing),
          },
          { key: "limits", header: "Limits and filters", cell: (s) => s.limits || <span className="muted">none</span> },
          { key: "records", header: "Records", numeric: true, cell: (s) => formatCount(s.records) },
          { key: "file", header: "File", className: "import-file", cell: (s) => s.fileName },
        ]}
      />
      {log.data.length > 0 && (
        <p className="search-log-downloads">
          {formatCount(total)} records identified in{" "}
          {log.data.length === 1 ? "one search" : `${log.data.length} searches`}. Download the summary:{" "}
          <a href={`${base}?format=csv`}>CSV</a> · <a href={`${base}?format=xlsx`}>Excel</a>
        </p>
      )}
    </>
  );
}
