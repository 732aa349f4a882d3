import type { Metadata } from "next";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { DuplicatesScreen } from "./duplicates-screen";

export const metadata: Metadata = { title: "Duplicates" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function DuplicatesPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/duplicates`);
  if (!review) return <NoAccess />;
  return (
    <>
      <h1>Duplicates</h1>
      <p className="intro">
        After each import Sift compares the new records with those already in the review. It merges pairs it is sure
        about and leaves the others here for a person to decide, records that may be one document shown together. The
        record kept has its empty fields filled from the others; a merged record stays in Sift, counted as a duplicate
        removed, and any merge can be undone.
      </p>
      <DuplicatesScreen reviewId={review.id} slug={slug} canDecide={mayChange(review, "lead")} />
    </>
  );
}
