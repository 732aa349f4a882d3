import type { Metadata } from "next";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { hasRole } from "@/server/shared/roles";
import { RecordScreen } from "./record-screen";

export const metadata: Metadata = { title: "Record" };

interface Props {
  params: Promise<{ slug: string; recordId: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
}

export default async function RecordPage({ params, searchParams }: Props) {
  const { slug, recordId } = await params;
  const review = await memberReview(slug, `/r/${slug}/records/${recordId}`);
  if (!review) return <NoAccess />;
  const from = (await searchParams).from;
  // The list this record was opened from, to go back to; only a query string, never another address.
  const back = typeof from === "string" && !/[/:\\]/.test(decodeURIComponent(from)) ? from : "";
  return (
    <RecordScreen
      reviewId={review.id}
      slug={slug}
      recordId={recordId}
      backHref={`/r/${slug}/records${back ? `?${back}` : ""}`}
      keywords={{ include: review.includeKeywords, exclude: review.excludeKeywords }}
      canScreen={mayChange(review, "reviewer")}
      canLead={hasRole(review.myRole, "lead")}
    />
  );
}
