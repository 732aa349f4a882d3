import type { Metadata } from "next";
import Link from "next/link";
import { LeadsOnly } from "@/app/_components/leads-only";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { stageSetup } from "@/app/(workspace)/r/[slug]/screening/stage-setup";
import { hasRole } from "@/server/shared/roles";
import { STAGE_LABELS, STAGES, type Stage } from "@/server/shared/stages";
import { ConflictsScreen } from "./conflicts-screen";

export const metadata: Metadata = { title: "Conflicts" };

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ stage?: string | string[] }>;
}

function stageFrom(value: string | string[] | undefined): Stage {
  return STAGES.find((s) => s === value) ?? "title_abstract";
}

export default async function ConflictsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const stage = stageFrom((await searchParams).stage);
  const review = await memberReview(slug, `/r/${slug}/conflicts`);
  if (!review) return <NoAccess />;
  if (!hasRole(review.myRole, "lead")) {
    return (
      <>
        <h1>Conflicts</h1>
        <LeadsOnly role={review.myRole} back={{ href: `/r/${slug}/screening`, label: "Back to Screening" }}>
          Leads resolve the records on which reviewers disagreed.
        </LeadsOnly>
      </>
    );
  }
  return (
    <>
      <h1>Conflicts</h1>
      <p className="intro">
        A conflict is a record on which the reviewers disagreed, or that someone marked Maybe. Read both sides and
        record the final decision; the reviewers&apos; own decisions stay as they were.
      </p>
      <nav className="stage-switch" aria-label="Screening stage">
        {STAGES.map((s) => (
          <Link key={s} href={`/r/${slug}/conflicts?stage=${s}`} aria-current={s === stage ? "page" : undefined}>
            {STAGE_LABELS[s]}
          </Link>
        ))}
      </nav>
      <ConflictsScreen
        key={stage}
        reviewId={review.id}
        setup={stageSetup(review, stage)}
        keywords={{ include: review.includeKeywords, exclude: review.excludeKeywords }}
      />
    </>
  );
}
