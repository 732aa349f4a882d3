import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { hasRole } from "@/server/shared/roles";
import { stateFromParams } from "./browse-params";
import { RecordBrowser } from "./record-browser";

export const metadata: Metadata = { title: "Records" };

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RecordsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/records`);
  if (!review) return <NoAccess />;
  const canLead = hasRole(review.myRole, "lead");
  return (
    <>
      <h1>Records</h1>
      <p className="intro">
        Every record of the review, whatever happened to it: search it, filter it, and open one to see all its fields
        and its history.
        {canLead && (
          <>
            {" "}
            Records that left with a withdrawn import are under{" "}
            <Link href={`/r/${slug}/records/withdrawn`}>Withdrawn records</Link>.
          </>
        )}
      </p>
      <RecordBrowser reviewId={review.id} slug={slug} canLead={canLead} initial={stateFromParams(await searchParams)} />
    </>
  );
}
