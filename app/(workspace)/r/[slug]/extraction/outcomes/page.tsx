import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { hasRole } from "@/server/shared/roles";
import { OutcomeList } from "./outcome-list";

export const metadata: Metadata = { title: "Outcomes" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function OutcomesPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/extraction/outcomes`);
  if (!review) return <NoAccess />;
  return (
    <>
      <p className="intro">
        <Link href={`/r/${slug}/extraction`}>← Extraction</Link>
      </p>
      <h1>Outcomes</h1>
      <p className="intro">
        The outcomes this review extracts results for. Each result row of a study chooses one, and its type decides the
        numbers the row asks for: means and SDs, events out of a total, a hazard ratio, or one group&apos;s figures.
        Whether higher is better turns an effect into “favours intervention” or “favours control” in analyses.
      </p>
      <OutcomeList reviewId={review.id} canLead={hasRole(review.myRole, "lead")} />
    </>
  );
}
