"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount, plural } from "@/app/_lib/format";
import { ProgressBar } from "@/app/(workspace)/r/[slug]/import/progress-bar";
import type { Stage } from "@/server/shared/stages";
import type { ScreeningProgress } from "./screening-types";

/** The Conflicts screen at this stage. */
export function conflictsPath(slug: string, stage: Stage): string {
  return stage === "full_text" ? `/r/${slug}/conflicts?stage=full_text` : `/r/${slug}/conflicts`;
}

export function useScreeningProgress(reviewId: string, stage: Stage) {
  const trpc = useTRPC();
  return useQuery(trpc.screening.progress.queryOptions({ reviewId, stage }, { staleTime: 0 }));
}

/**
 * "30 of 36 records resolved (4 included, 26 excluded) · 2 conflicts" for those who may see others' decisions;
 * a blinded reviewer or observer gets none of the team's counts: each moves when a co-reviewer decides.
 */
export function TeamProgressText({
  progress,
  slug,
  canResolve,
}: {
  progress: ScreeningProgress;
  slug: string;
  canResolve: boolean;
}) {
  const { team, total } = progress;
  const conflicts = team.conflicts;
  if (team.resolved === null || team.complete === null || team.included === null || team.excluded === null) {
    return <>Screening is blinded: the team&rsquo;s progress is shown to leads until it is unblinded.</>;
  }
  return (
    <>
      Team: {formatCount(team.resolved)} of {plural(total, "record")} resolved ({formatCount(team.included)} included,{" "}
      {formatCount(team.excluded)} excluded)
      {conflicts !== null && (
        <>
          {" · "}
          {canResolve && conflicts > 0 ? (
            <Link href={conflictsPath(slug, progress.stage)}>{plural(conflicts, "conflict")} to resolve</Link>
          ) : (
            plural(conflicts, "conflict")
          )}
        </>
      )}
    </>
  );
}

interface Props {
  reviewId: string;
  stage: Stage;
  slug: string;
  /** Reviewers see their own bar; observers, who do not screen, see the team's. */
  canScreen: boolean;
  canResolve: boolean;
}

export function ScreeningProgressPanel({ reviewId, stage, slug, canScreen, canResolve }: Props) {
  const progress = useScreeningProgress(reviewId, stage);
  if (progress.isError) return <ErrorAlert>{progress.error.message}</ErrorAlert>;
  const data = progress.data;
  // An empty bar while loading: an animated one would flash for the few milliseconds the counts take.
  if (!data) {
    return (
      <div className="screening-progress">
        <ProgressBar label="Screening progress" fraction={0} text="Loading progress…" />
      </div>
    );
  }
  const { mine, team, total } = data;
  const myTotal = mine.decided + mine.remaining;
  return (
    <div className="screening-progress">
      {canScreen ? (
        <ProgressBar
          label="Your screening progress"
          fraction={myTotal > 0 ? mine.decided / myTotal : 0}
          text={`You: ${formatCount(mine.decided)} decided, ${formatCount(mine.remaining)} left`}
        />
      ) : (
        <ProgressBar
          label="Team screening progress"
          fraction={total > 0 && team.resolved !== null ? team.resolved / total : 0}
          text={
            team.resolved === null
              ? `${plural(total, "record")} to screen`
              : `${formatCount(team.resolved)} of ${plural(total, "record")} resolved`
          }
        />
      )}
      <p className="small muted team-progress">
        <TeamProgressText progress={data} slug={slug} canResolve={canResolve} />
        {/* Who has decided how much is shown only to those who may see others' decisions (the same rule the
            server applies to the conflict count): to a blinded reviewer, even a count says when a colleague
            has been at work on the records they share. */}
        {team.decisionsBy !== null && team.decisionsBy.length > 0 && (
          <>
            <br />
            Decisions so far:{" "}
            {team.decisionsBy.map((p, i) => (
              <span key={p.reviewerId}>
                {i > 0 && " · "}
                {p.name} {formatCount(p.decisions)}
              </span>
            ))}
          </>
        )}
      </p>
    </div>
  );
}
