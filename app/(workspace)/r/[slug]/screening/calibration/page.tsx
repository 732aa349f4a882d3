import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { OpenRoundForm } from "./open-round-form";
import { RoundsPanel } from "./rounds-panel";

export const metadata: Metadata = { title: "Calibration rounds" };

interface Props {
  params: Promise<{ slug: string }>;
  /** `records`: ids ticked in the record browser, comma-separated, to open a round on exactly those. */
  searchParams: Promise<{ records?: string }>;
}

export default async function CalibrationPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { records } = await searchParams;
  const review = await memberReview(slug, `/r/${slug}/screening/calibration`);
  if (!review) return <NoAccess />;
  const canLead = mayChange(review, "lead");
  const chosen = (records ?? "").split(",").filter(Boolean).slice(0, 200);
  return (
    <>
      <p className="breadcrumb small">
        <Link href={`/r/${slug}/screening`}>Screening</Link> › Calibration rounds
      </p>
      <h1>Calibration rounds</h1>
      <p className="intro">
        Before screening in earnest, the team screens the same few records, compares its verdicts and sharpens the
        criteria, round after round, until agreement reaches its target.
      </p>
      {canLead && (
        <section className="card" aria-labelledby="open-round">
          <h2 id="open-round">Open a round</h2>
          <OpenRoundForm reviewId={review.id} chosen={chosen} />
        </section>
      )}
      <RoundsPanel reviewId={review.id} slug={slug} canLead={canLead} />
    </>
  );
}
