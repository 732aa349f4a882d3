import type { Metadata } from "next";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { maxPdfBytes } from "@/server/api/contract/full-text";
import { FullTextViews } from "./full-text-views";
import { RetrievalList } from "./retrieval-list";

export const metadata: Metadata = { title: "Full text" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function FullTextRetrievalPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/full-text`);
  if (!review) return <NoAccess />;
  return (
    <>
      <h1>Full text</h1>
      <p className="intro">
        Every record included at title/abstract becomes a report whose full text is needed. Attach its PDF or a link to
        it, or mark it not retrieved when it cannot be had (PRISMA counts those). Reports with a full text go on to
        full-text screening.
      </p>
      <FullTextViews slug={slug} current="" />
      <RetrievalList reviewId={review.id} canEdit={mayChange(review, "reviewer")} maxBytes={maxPdfBytes()} />
    </>
  );
}
