import type { Metadata } from "next";
import { InfoAlert } from "@/app/_components/alerts";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { hasRole } from "@/server/shared/roles";
import { STAGE_LABELS, type Stage } from "@/server/shared/stages";
import { AgreementPanel } from "./agreement-panel";
import { AllocateForm } from "./allocate-form";
import { RoundNotice } from "./calibration/round-notice";
import { RoundsAgreement } from "./calibration/rounds-agreement";
import { PrioritisePanel } from "./prioritise-panel";
import { ScreeningProgressPanel } from "./screening-progress";
import { ScreeningScreen } from "./screening-screen";
import { stageSetup } from "./stage-setup";

export const metadata: Metadata = { title: "Screening" };

// Full-text screening needs the retrieved reports first; this page screens titles and abstracts.
const STAGE: Stage = "title_abstract";

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function ScreeningPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/screening`);
  if (!review) return <NoAccess />;
  const canScreen = mayChange(review, "reviewer");
  const canLead = hasRole(review.myRole, "lead");
  const setup = stageSetup(review, STAGE);
  const settings = review.stageSettings.find((s) => s.stage === STAGE);
  return (
    <>
      <h1>{STAGE_LABELS[STAGE]} screening</h1>
      <p className="intro">
        Decide for each record whether it may meet the review&apos;s criteria.{" "}
        {settings &&
          (settings.reviewersPerRecord > 1
            ? `${settings.reviewersPerRecord} reviewers decide on each record independently${
                settings.blinded ? ", without seeing each other's decisions" : ""
              }; when they disagree, a lead resolves the conflict.`
            : "One reviewer decides on each record.")}
      </p>
      <RoundNotice reviewId={review.id} slug={slug} />
      {canScreen ? (
        <ScreeningScreen
          reviewId={review.id}
          slug={slug}
          setup={setup}
          keywords={{ include: review.includeKeywords, exclude: review.excludeKeywords }}
          canResolve={canLead}
        />
      ) : (
        <>
          {!review.archivedAt && (
            <InfoAlert>
              <p>Observers follow the progress here; screening records needs the reviewer role.</p>
            </InfoAlert>
          )}
          <ScreeningProgressPanel reviewId={review.id} stage={STAGE} slug={slug} canScreen={false} canResolve={false} />
        </>
      )}
      {canLead && (
        <>
          {mayChange(review, "lead") && (
            <>
              <section className="card">
                <h2>Allocate records</h2>
                <AllocateForm reviewId={review.id} stage={STAGE} />
              </section>
              <section className="card">
                <h2>Likely relevant first</h2>
                <PrioritisePanel
                  reviewId={review.id}
                  stage={STAGE}
                  slug={slug}
                  prioritise={settings?.prioritise ?? false}
                />
              </section>
            </>
          )}
          <section className="card agreement">
            <h2>Agreement between reviewers</h2>
            <AgreementPanel reviewId={review.id} />
            <RoundsAgreement reviewId={review.id} slug={slug} />
          </section>
        </>
      )}
    </>
  );
}
