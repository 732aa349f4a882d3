import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { hasRole } from "@/server/shared/roles";
import { WithdrawnRecords } from "./withdrawn-records";

export const metadata: Metadata = { title: "Withdrawn records" };

export default async function WithdrawnRecordsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/records/withdrawn`);
  if (!review || !hasRole(review.myRole, "lead")) return <NoAccess />;
  return (
    <>
      <p className="back-link">
        <Link href={`/r/${slug}/records`}>← Records</Link>
      </p>
      <h1>Withdrawn records</h1>
      <p className="intro">
        Records that left the review with a withdrawn import. They are kept in the archive with their history; open one
        to read it. They are not screened and count nowhere.
      </p>
      <WithdrawnRecords reviewId={review.id} slug={slug} />
    </>
  );
}
