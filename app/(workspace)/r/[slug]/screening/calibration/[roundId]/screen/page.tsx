import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { serverCaller } from "@/server/api/server-caller";
import { hasRole } from "@/server/shared/roles";
import { STAGE_LABELS } from "@/server/shared/stages";
import { ScreeningScreen } from "../../../screening-screen";
import { stageSetup } from "../../../stage-setup";

export const metadata: Metadata = { title: "Calibration round" };

interface Props {
  params: Promise<{ slug: string; roundId: string }>;
}

/** The usual screening screen and keys, on the round's records, with practice decisions. */
export default async function RoundScreeningPage({ params }: Props) {
  const { slug, roundId } = await params;
  const review = await memberReview(slug, `/r/${slug}/screening/calibration/${roundId}/screen`);
  if (!review) return <NoAccess />;
  const rounds = await (await serverCaller()).calibration.rounds({ reviewId: review.id });
  const round = rounds.find((r) => r.id === roundId);
  if (!round?.isParticipant || !mayChange(review, "reviewer")) return <NoAccess />;
  return (
    <>
      <p className="small">
        <Link href={`/r/${slug}/screening/calibration`}>Calibration rounds</Link>
      </p>
      <h1>
        Round {round.number}: {STAGE_LABELS[round.stage].toLowerCase()}
      </h1>
      <ScreeningScreen
        reviewId={review.id}
        slug={slug}
        setup={stageSetup(review, round.stage)}
        keywords={{ include: review.includeKeywords, exclude: review.excludeKeywords }}
        canResolve={hasRole(review.myRole, "lead")}
        roundId={round.id}
      />
    </>
  );
}
