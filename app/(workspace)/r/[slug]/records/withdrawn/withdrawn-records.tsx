"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { offsetPaging, Pager } from "@/app/_components/pager";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";

const PAGE = 50;

/** The review's archived records, the latest withdrawal first, with their import and why it was withdrawn. */
export function WithdrawnRecords({ reviewId, slug }: { reviewId: string; slug: string }) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const list = useQuery(trpc.records.withdrawn.queryOptions({ reviewId, offset, limit: PAGE }));
  if (list.isPending) return <p className="muted">Loading withdrawn records…</p>;
  if (list.isError) return <ErrorAlert>{list.error.message}</ErrorAlert>;
  const { records, total } = list.data;
  return (
    <>
      {total > 0 && (
        <p className="muted small" role="status">
          {total === 1 ? "1 withdrawn record" : `${total.toLocaleString("en")} withdrawn records`}
          {total > PAGE && `, ${offset + 1}–${Math.min(offset + PAGE, total)} shown`}
        </p>
      )}
      <DataTable
        scroll
        className="withdrawn-table"
        label="Withdrawn records"
        rows={records}
        rowKey={(r) => r.id}
        empty={<EmptyState>No import of this review has been withdrawn.</EmptyState>}
        columns={[
          {
            key: "title",
            header: "Record",
            className: "withdrawn-title",
            cell: (r) => (
              <Link href={`/r/${slug}/records/${r.id}`}>
                {r.title || "(no title)"}
                {r.year ? ` (${r.year})` : ""}
              </Link>
            ),
          },
          {
            key: "import",
            header: "Import",
            cell: (r) => (
              <>
                {r.import.fileName ?? "—"}
                <span className="muted small"> · {r.source.name}</span>
              </>
            ),
          },
          {
            key: "when",
            header: "Withdrawn",
            className: "nowrap",
            cell: (r) =>
              r.withdrawnAt
                ? `${formatDateTime(new Date(r.withdrawnAt))}${r.withdrawnBy ? ` by ${r.withdrawnBy}` : ""}`
                : "—",
          },
          {
            key: "why",
            header: "Why",
            className: "withdrawn-why",
            cell: (r) => r.reason || <span className="muted">No reason given</span>,
          },
        ]}
      />
      <Pager
        {...offsetPaging(offset, total, PAGE)}
        onPage={(page) => setOffset((page - 1) * PAGE)}
        label="Pages of withdrawn records"
      />
    </>
  );
}
