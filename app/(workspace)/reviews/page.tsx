import type { Metadata } from "next";
import Link from "next/link";
import { serverCaller } from "@/server/api/server-caller";
import { RoleBadge } from "@/app/_components/role-badge";
import { formatDate } from "@/app/_lib/format";
import { requireUser } from "@/app/_lib/session";

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
      {reviews.length === 0 ? (
        <div className="card empty">
          <h2>You are not part of any review yet</h2>
          <p className="muted">
            Start a new review, or ask a review&apos;s owner or lead to send you an invitation link.
          </p>
          <Link className="btn btn-primary" href="/reviews/new">
            New review
          </Link>
        </div>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Review</th>
              <th scope="col">Your role</th>
              <th scope="col" className="num">
                Records
              </th>
              <th scope="col" className="num">
                Members
              </th>
              <th scope="col">Last updated</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.id}>
                <td>
                  <Link href={`/r/${review.slug}`}>{review.title}</Link>
                </td>
                <td>
                  <RoleBadge role={review.role} />
                </td>
                <td className="num">{review.records}</td>
                <td className="num">{review.members}</td>
                <td>{formatDate(review.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
