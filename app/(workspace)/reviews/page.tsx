import type { inferRouterOutputs } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { type Column, DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { RoleBadge } from "@/app/_components/role-badge";
import { formatCount, formatDate } from "@/app/_lib/format";
import { requireUser } from "@/app/_lib/session";
import type { AppRouter } from "@/server/api/root";
import { serverCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Reviews" };

type Listed = inferRouterOutputs<AppRouter>["reviews"]["list"][number];

const columns: Column<Listed>[] = [
  { key: "review", header: "Review", cell: (review) => <Link href={`/r/${review.slug}`}>{review.title}</Link> },
  { key: "role", header: "Your role", cell: (review) => <RoleBadge role={review.role} /> },
  // Unique records: what is left to screen once duplicates are merged, not what the imported files held.
  { key: "records", header: "Unique records", numeric: true, cell: (review) => formatCount(review.records) },
  { key: "members", header: "Members", numeric: true, cell: (review) => review.members },
  { key: "updated", header: "Last updated", cell: (review) => formatDate(review.updatedAt) },
];

export default async function ReviewsPage() {
  await requireUser("/reviews");
  const all = await (await serverCaller()).reviews.list();
  const reviews = all.filter((review) => !review.archivedAt);
  const archived = all.filter((review) => review.archivedAt);
  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>Reviews</h1>
        <Link className="btn btn-primary" href="/reviews/new">
          New review
        </Link>
      </div>
      <DataTable
        scroll
        rows={reviews}
        rowKey={(review) => review.id}
        empty={
          archived.length > 0 ? (
            <EmptyState card title="No active reviews">
              Your reviews are all archived, below. Start a new one, or have an owner restore one from the archive.
            </EmptyState>
          ) : (
            <EmptyState
              card
              title="You are not part of any review yet"
              actions={
                <Link className="btn btn-primary" href="/reviews/new">
                  New review
                </Link>
              }
            >
              Start a new review, or ask a review&apos;s owner or lead to send you an invitation link.
            </EmptyState>
          )
        }
        columns={columns}
      />
      {archived.length > 0 && (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived</h2>
          <p className="muted">Read-only: they can be opened and exported, and an owner can restore them.</p>
          <DataTable
            scroll
            rows={archived}
            rowKey={(review) => review.id}
            columns={[
              // An archived review changes no more, so when it was archived stands in for Last updated: no wider above.
              ...columns.filter((column) => column.key !== "updated"),
              { key: "archived", header: "Archived", cell: (review) => formatDate(review.archivedAt!) },
            ]}
          />
        </section>
      )}
    </main>
  );
}
