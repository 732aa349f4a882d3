import type { Metadata } from "next";
import { ErrorAlert } from "@/app/_components/alerts";
import { LeadsOnly } from "@/app/_components/leads-only";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { ConsensusScreen } from "@/app/(workspace)/r/[slug]/extraction/consensus-screen";
import { hasRole } from "@/server/shared/roles";

export const metadata: Metadata = { title: "Compare and agree" };

interface Props {
  params: Promise<{ slug: string; studyId: string }>;
  searchParams: Promise<{ form?: string }>;
}

export default async function CompareStudyPage({ params, searchParams }: Props) {
  const { slug, studyId } = await params;
  const { form } = await searchParams;
  const review = await memberReview(slug, `/r/${slug}/extraction/studies/${studyId}/compare?form=${form ?? ""}`);
  if (!review) return <NoAccess />;
  return (
    <>
      <h1>Compare and agree</h1>
      {!hasRole(review.myRole, "lead") ? (
        <LeadsOnly role={review.myRole} back={{ href: `/r/${slug}/extraction`, label: "Back to Extraction" }}>
          Leads compare the extractors&apos; values and record the agreed ones.
        </LeadsOnly>
      ) : form ? (
        <ConsensusScreen reviewId={review.id} slug={slug} formId={form} studyId={studyId} />
      ) : (
        <ErrorAlert>No form was chosen; open the study from the Extraction page.</ErrorAlert>
      )}
    </>
  );
}
