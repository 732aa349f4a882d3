import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { RoleBadge } from "@/app/_components/role-badge";
import { formatDate } from "@/app/_lib/format";
import { requireUser } from "@/app/_lib/session";
import { serverCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  await requireUser("/reviews");
  const reviews = await (await serverCaller()).reviews.list();
  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>Reviews</h1>
        <Link className="btn btn-primary" href="/reviews/new">
          New review
        </Link>
      </div>
      <DataTable
        rows={reviews}
        rowKey={(review) => review.id}
        empty={
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
        }
        columns={[
          { key: "review", header: "Review", cell: (review) => <Link href={`/r/${review.slug}`}>{review.title}</Link> },
          { key: "role", header: "Your role", cell: (review) => <RoleBadge role={review.role} /> },
          { key: "records", header: "Records", numeric: true, cell: (review) => review.records },
          { key: "members", header: "Members", numeric: true, cell: (review) => review.members },
          { key: "updated", header: "Last updated", cell: (review) => formatDate(review.updatedAt) },
        ]}
      />
    </main>
  );
}
