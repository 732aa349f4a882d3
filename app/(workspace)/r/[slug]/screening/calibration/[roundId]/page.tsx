import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { CalibrationView } from "../calibration-view";

export const metadata: Metadata = { title: "Calibration view" };

interface Props {
  params: Promise<{ slug: string; roundId: string }>;
}

export default async function CalibrationViewPage({ params }: Props) {
  const { slug, roundId } = await params;
  const review = await memberReview(slug, `/r/${slug}/screening/calibration/${roundId}`);
  if (!review) return <NoAccess />;
  return (
    <>
      <p className="small">
        <Link href={`/r/${slug}/screening/calibration`}>Calibration rounds</Link>
      </p>
      <CalibrationView reviewId={review.id} roundId={roundId} canLead={mayChange(review, "lead")} />
    </>
  );
}
