import type { Metadata } from "next";
import { ErrorAlert } from "@/app/_components/alerts";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { ExtractionScreen } from "@/app/(workspace)/r/[slug]/extraction/extraction-screen";

export const metadata: Metadata = { title: "Extract a study" };

interface Props {
  params: Promise<{ slug: string; studyId: string }>;
  searchParams: Promise<{ form?: string }>;
}

export default async function ExtractStudyPage({ params, searchParams }: Props) {
  const { slug, studyId } = await params;
  const { form } = await searchParams;
  const review = await memberReview(slug, `/r/${slug}/extraction/studies/${studyId}?form=${form ?? ""}`);
  if (!review) return <NoAccess />;
  return (
    <>
      <h1>Extract</h1>
      {form ? (
        <ExtractionScreen reviewId={review.id} slug={slug} formId={form} studyId={studyId} />
      ) : (
        <ErrorAlert>No form was chosen; open the study from the Extraction page.</ErrorAlert>
      )}
    </>
  );
}
