import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { StudyAppraisal } from "@/app/(workspace)/r/[slug]/appraisal/study-appraisal";
import { TOOL_NAMES, type ToolName } from "@/server/api/contract/appraisal";
import { serverCaller } from "@/server/api/server-caller";
import { hasRole } from "@/server/shared/roles";

export const metadata: Metadata = { title: "Appraisal" };

interface Props {
  params: Promise<{ slug: string; studyId: string }>;
  searchParams: Promise<{ tool?: string }>;
}

export default async function StudyAppraisalPage({ params, searchParams }: Props) {
  const { slug, studyId } = await params;
  const review = await memberReview(slug, `/r/${slug}/appraisal/${studyId}`);
  if (!review) return <NoAccess />;
  const caller = await serverCaller();
  const study = await caller.appraisal.study({ reviewId: review.id, studyId }).catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const asked = (await searchParams).tool;
  const tool = study.tools.find((t) => t === asked) ?? study.tools[0]!;
  return (
    <>
      <p className="small">
        <Link href={`/r/${slug}/appraisal`}>← All studies</Link>
      </p>
      <h1>Appraisal: {study.label}</h1>
      <StudyAppraisal
        reviewId={review.id}
        slug={slug}
        study={study}
        tool={tool as ToolName}
        tools={study.tools.filter((t): t is ToolName => (TOOL_NAMES as readonly string[]).includes(t))}
        canAppraise={mayChange(review, "reviewer")}
        canLead={hasRole(review.myRole, "lead")}
      />
    </>
  );
}
