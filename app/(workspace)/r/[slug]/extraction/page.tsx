import type { Metadata } from "next";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { hasRole } from "@/server/shared/roles";
import { ExtractionHome } from "./extraction-home";

export const metadata: Metadata = { title: "Extraction" };

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ form?: string }>;
}

export default async function ExtractionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/extraction`);
  if (!review) return <NoAccess />;
  const { form } = await searchParams;
  return (
    <>
      <h1>Extraction</h1>
      <p className="intro">
        Data from each study goes into a form the leads design. Each study is extracted independently by its assigned
        extractors, who do not see each other&apos;s values; a lead then compares them field by field and records the
        consensus.
      </p>
      <ExtractionHome
        reviewId={review.id}
        slug={slug}
        canLead={hasRole(review.myRole, "lead")}
        initialFormId={form ?? null}
      />
    </>
  );
}
