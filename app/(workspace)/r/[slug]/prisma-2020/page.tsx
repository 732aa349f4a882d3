import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { InfoAlert } from "@/app/_components/alerts";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { serverCaller } from "@/server/api/server-caller";
import { hasRole } from "@/server/shared/roles";
import { FlowScreen } from "./flow-screen";
import { PreviousVersionForm } from "./previous-version-form";

export const metadata: Metadata = { title: "PRISMA" };

interface Props {
  params: Promise<{ slug: string }>;
}

async function diagramOrRefusal(reviewId: string) {
  try {
    return { diagram: await (await serverCaller()).prisma2020Flow.diagram({ reviewId }), refusal: null };
  } catch (err) {
    if (err instanceof TRPCError && err.code === "FORBIDDEN") return { diagram: null, refusal: err.message };
    throw err;
  }
}

export default async function PrismaPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/prisma-2020`);
  if (!review) return <NoAccess />;
  const { diagram, refusal } = await diagramOrRefusal(review.id);
  return (
    <>
      <h1>PRISMA 2020 flow diagram</h1>
      {diagram ? (
        <>
          <p className="intro">
            Every number is counted from the review itself: imports and their sources, duplicates removed, the final
            screening decisions, full-text retrieval and studies. Select a box to list what it counts.
          </p>
          <FlowScreen reviewId={review.id} slug={slug} diagram={diagram} />
          {hasRole(review.myRole, "lead") && <PreviousVersionForm reviewId={review.id} diagram={diagram} />}
        </>
      ) : (
        <InfoAlert>
          <p>{refusal}</p>
        </InfoAlert>
      )}
    </>
  );
}
