import type { Metadata } from "next";
import { InfoAlert } from "@/app/_components/alerts";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { FullTextViews } from "@/app/(workspace)/r/[slug]/full-text/full-text-views";
import { AllocateForm } from "@/app/(workspace)/r/[slug]/screening/allocate-form";
import { ScreeningProgressPanel } from "@/app/(workspace)/r/[slug]/screening/screening-progress";
import { stageSetup } from "@/app/(workspace)/r/[slug]/screening/stage-setup";
import { hasRole } from "@/server/shared/roles";
import { FullTextScreening } from "./full-text-screening";

export const metadata: Metadata = { title: "Full-text screening" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function FullTextScreeningPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/full-text/screen`);
  if (!review) return <NoAccess />;
  const canLead = hasRole(review.myRole, "lead");
  const settings = review.stageSettings.find((s) => s.stage === "full_text");
  return (
    <>
      <h1>Full-text screening</h1>
      <p className="intro">
        Read each report&apos;s full text and decide whether it meets the review&apos;s criteria; an exclusion needs one
        reason, the one PRISMA reports.{" "}
        {settings &&
          (settings.reviewersPerRecord > 1
            ? `${settings.reviewersPerRecord} reviewers decide on each report independently${
                settings.blinded ? ", without seeing each other's decisions" : ""
              }; when they disagree, a lead resolves the conflict.`
            : "One reviewer decides on each report.")}
      </p>
      <FullTextViews slug={slug} current="/screen" />
      {mayChange(review, "reviewer") ? (
        <FullTextScreening
          reviewId={review.id}
          slug={slug}
          setup={stageSetup(review, "full_text")}
          keywords={{ include: review.includeKeywords, exclude: review.excludeKeywords }}
          canResolve={canLead}
        />
      ) : (
        <>
          {!review.archivedAt && (
            <InfoAlert>
              <p>Observers follow the progress here; screening full texts needs the reviewer role.</p>
            </InfoAlert>
          )}
          <ScreeningProgressPanel
            reviewId={review.id}
            stage="full_text"
            slug={slug}
            canScreen={false}
            canResolve={false}
          />
        </>
      )}
      {mayChange(review, "lead") && (
        <section className="card">
          <h2>Allocate reports</h2>
          <AllocateForm reviewId={review.id} stage="full_text" />
        </section>
      )}
    </>
  );
}
