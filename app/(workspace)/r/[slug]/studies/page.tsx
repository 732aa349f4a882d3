import type { Metadata } from "next";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { StudiesScreen } from "./studies-screen";

export const metadata: Metadata = { title: "Studies" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function StudiesPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/studies`);
  if (!review) return <NoAccess />;
  return (
    <>
      <h1>Studies</h1>
      <p className="intro">
        A study is the trial or experiment; its reports are the registry entry, abstracts and papers about it. Reports
        included at full text are grouped here, so each study is extracted and appraised once. Sift suggests groups from
        shared NCT numbers and from the same first author and year with a similar title; you confirm, merge or split
        them.
      </p>
      <StudiesScreen
        reviewId={review.id}
        slug={slug}
        canEdit={mayChange(review, "reviewer")}
        canLead={mayChange(review, "lead")}
      />
    </>
  );
}
