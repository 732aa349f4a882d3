import type { Metadata } from "next";
import { InfoAlert } from "@/app/_components/alerts";
import { EmptyState } from "@/app/_components/empty-state";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { STAGE_LABELS, STAGES } from "@/server/shared/stages";
import { ArchiveDeleteSection } from "./archive-delete-section";
import { CriteriaHistory } from "./criteria-history";
import { DetailsForm } from "./details-form";
import { KeywordsForm } from "./keywords-form";
import { LabelsSection } from "./labels-section";
import { ExclusionReasonsForm, StageSettingsForm } from "./stage-forms";

export const metadata: Metadata = { title: "Settings" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function SettingsPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/settings`);
  if (!review) return <NoAccess />;
  // An archived review is read-only for everyone; its owners restore or delete it below.
  const canEdit = mayChange(review, "lead");
  return (
    <>
      <h1>Settings</h1>
      {!canEdit && !review.archivedAt && (
        <InfoAlert>
          <p>Only the review&apos;s leads and owners can change its settings.</p>
        </InfoAlert>
      )}
      <DetailsForm
        reviewId={review.id}
        canEdit={canEdit}
        details={{
          title: review.title,
          question: review.question,
          inclusionCriteria: review.inclusionCriteria,
          exclusionCriteria: review.exclusionCriteria,
        }}
      />
      <KeywordsForm
        reviewId={review.id}
        canEdit={canEdit}
        includeKeywords={review.includeKeywords}
        excludeKeywords={review.excludeKeywords}
      />
      <LabelsSection reviewId={review.id} canEdit={canEdit} />
      {STAGES.map((stage) => {
        const settings = review.stageSettings.find((s) => s.stage === stage);
        const reasons = review.exclusionReasons.filter((r) => r.stage === stage).map((r) => r.label);
        return (
          <section key={stage} className="card">
            <h2>{STAGE_LABELS[stage]} screening</h2>
            <div className="grid-2">
              {settings ? (
                <StageSettingsForm
                  reviewId={review.id}
                  stage={stage}
                  canEdit={canEdit}
                  settings={{
                    reviewersPerRecord: settings.reviewersPerRecord,
                    blinded: settings.blinded,
                    reasonRequired: settings.reasonRequired,
                    prioritise: settings.prioritise,
                    showRelevance: settings.showRelevance,
                    decisionDelayMs: settings.decisionDelayMs,
                    independentAdjudication: settings.independentAdjudication,
                  }}
                />
              ) : (
                <EmptyState compact>This stage has no settings yet.</EmptyState>
              )}
              <ExclusionReasonsForm reviewId={review.id} stage={stage} reasons={reasons} canEdit={canEdit} />
            </div>
          </section>
        );
      })}
      <CriteriaHistory reviewId={review.id} />
      {review.myRole === "owner" && (
        <ArchiveDeleteSection
          reviewId={review.id}
          slug={review.slug}
          title={review.title}
          archived={review.archivedAt !== null}
        />
      )}
    </>
  );
}
